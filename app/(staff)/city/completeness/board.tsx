import { monthNumber } from "@/domain/months";
import type { CompletenessBoard } from "./load";
import { stateLabel, STATE_STYLES, timelinessLabel, type CompletenessCell } from "./status";

function short(date: string): string {
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

function cellTitle(c: CompletenessCell): string {
  const parts = [stateLabel(c)];
  if (c.submittedOn) parts.push(`${short(c.submittedOn)}${c.timeliness === "backfilled" ? "补录" : "报送"}`);
  parts.push(`截止${short(c.dueOn)}`);
  if (c.timeliness === "backfilled") parts.push("截止日早于专项在系统中建立，不计迟报");
  if (c.locked) parts.push("已锁定");
  return parts.join("，");
}

export function CompletenessCellView({ c }: { c: CompletenessCell }) {
  const t = timelinessLabel(c);
  const warn = c.timeliness === "late" || c.timeliness === "overdue";
  return (
    <div title={cellTitle(c)} data-state={c.state} data-timeliness={c.timeliness ?? ""} className={`rounded border px-1.5 py-0.5 text-center leading-tight ${STATE_STYLES[c.state]}`}>
      <div className="font-medium">{stateLabel(c)}</div>
      {t && <div className={`text-[11px] ${warn ? "font-semibold text-red-800" : "opacity-80"}`}>{t}</div>}
    </div>
  );
}

/** Districts down, months across (13 rows read better than 13 columns); the month's counts at the foot. */
export function CompletenessTable({ board, caption }: { board: CompletenessBoard; caption: string }) {
  const { districts, months } = board;
  return (
    <table className="w-full border-separate border-spacing-0 text-xs">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr className="bg-slate-50 text-slate-600">
          <th scope="col" className="sticky left-0 border-b border-slate-200 bg-slate-50 px-2 py-2 text-left font-medium">区县</th>
          {months.map((m) => (
            <th key={m.month} scope="col" className="border-b border-slate-200 px-1 py-2 font-medium">
              {monthNumber(m.month)}月
              <span className="block text-[10px] font-normal text-slate-500">截止 {short(m.dueOn)}</span>
              {m.locked && <span className="block text-[10px] font-normal text-slate-500">已锁定</span>}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {districts.map((d) => (
          <tr key={d.id} data-district={d.code}>
            <th scope="row" className="sticky left-0 whitespace-nowrap border-b border-slate-100 bg-white px-2 py-1 text-left font-normal">{d.name}</th>
            {months.map((m) => {
              const c = m.cells.get(d.id);
              return <td key={m.month} className="border-b border-slate-100 px-0.5 py-1">{c ? <CompletenessCellView c={c} /> : "—"}</td>;
            })}
          </tr>
        ))}
      </tbody>
      <tfoot className="text-slate-700">
        {(
          [
            ["已审核", "approved"],
            ["待审核", "submitted"],
            ["已退回", "returned"],
            ["草稿未报", "draft"],
            ["缺报", "missing"],
            ["按时报送", "onTime"],
            ["截止后报送", "late"],
            ["补录", "backfilled"],
            ["逾期未报", "overdue"],
          ] as const
        ).map(([label, key]) => (
          <tr key={key}>
            <th scope="row" className="sticky left-0 whitespace-nowrap border-t border-slate-200 bg-slate-50 px-2 py-1 text-left font-medium">{label}</th>
            {months.map((m) => (
              <td key={m.month} className={`tabular border-t border-slate-200 bg-slate-50 px-1 py-1 text-center ${m.counts[key] > 0 && (key === "missing" || key === "late" || key === "overdue") ? "font-semibold text-red-800" : ""}`}>
                {m.counts[key]}
              </td>
            ))}
          </tr>
        ))}
      </tfoot>
    </table>
  );
}
