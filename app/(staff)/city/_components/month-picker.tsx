/**
 * Month picker as a plain GET form (works without JavaScript). Keeps the data switch and any
 * other parameters as hidden fields.
 */
import { monthLabel } from "@/domain/months";

export function MonthPicker({ path, months, month, include, hidden = {} }: { path: string; months: readonly string[]; month: string; include: boolean; hidden?: Record<string, string | undefined> }) {
  return (
    <form method="get" action={path} className="flex items-end gap-2" aria-label="选择月份">
      <div>
        <label htmlFor="month" className="block text-xs text-slate-600">截至月份</label>
        <select id="month" name="month" defaultValue={month} className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm">
          {months.map((m) => (
            <option key={m} value={m}>{monthLabel(m)}</option>
          ))}
        </select>
      </div>
      {include && <input type="hidden" name="include" value="unapproved" />}
      {Object.entries(hidden).map(([k, v]) => (v ? <input key={k} type="hidden" name={k} value={v} /> : null))}
      <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-800 hover:bg-slate-100">查看</button>
    </form>
  );
}
