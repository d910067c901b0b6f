import type { ReactNode } from "react";
import { monthLabel } from "@/domain/months";
import type { PeriodRow } from "@/db/queries/reporting";

/** Month and figures-mode picker: a plain GET form, so it works without JavaScript. */
export function ScopeForm({ action, month, include, periods, extra, children }: { action: string; month: string; include: boolean; periods: PeriodRow[]; extra?: Record<string, string>; children?: ReactNode }) {
  return (
    <form method="get" action={action} aria-label="选择月份和口径" className="no-print flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white px-3 py-2">
      {Object.entries(extra ?? {}).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <div>
        <label htmlFor="scope-month" className="block text-xs text-slate-600">月份</label>
        <select id="scope-month" name="month" defaultValue={month} className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm">
          {periods.map((p) => (
            <option key={p.month} value={p.month}>{monthLabel(p.month)}</option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="scope-include" className="block text-xs text-slate-600">数据口径</label>
        <select id="scope-include" name="include" defaultValue={include ? "unapproved" : ""} className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm">
          <option value="">仅已审核（正式）</option>
          <option value="unapproved">含未审核</option>
        </select>
      </div>
      {children}
      <button type="submit" className="rounded-md border border-slate-300 bg-slate-50 px-3 py-1.5 text-sm hover:bg-slate-100">查看</button>
    </form>
  );
}
