import { monthNumber } from "@/domain/months";
import { DataTable } from "@/components/ui/data-table";
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

const FOOT = [
  ["已审核", "approved"],
  ["待审核", "submitted"],
  ["已退回", "returned"],
  ["草稿未报", "draft"],
  ["缺报", "missing"],
  ["按时报送", "onTime"],
  ["截止后报送", "late"],
  ["补录", "backfilled"],
  ["逾期未报", "overdue"],
] as const;

/** Districts down, months across (13 rows read better than 13 columns); the month's counts at the foot. */
export function CompletenessTable({ board, caption }: { board: CompletenessBoard; caption: string }) {
  const { districts, months } = board;
  return (
    <DataTable caption={caption} look="framed" density="grid" stickyFirstColumn small className="min-w-max"
      columns={["区县", ...months.map((m) => ({
        key: m.month,
        label: (
          <>
            {monthNumber(m.month)}月
            <span className="block text-[10px] font-normal text-slate-500">截止 {short(m.dueOn)}</span>
            {m.locked && <span className="block text-[10px] font-normal text-slate-500">已锁定</span>}
          </>
        ),
      }))]}
      totals={FOOT.map(([label, key]) => (
        <tr key={key}>
          <th scope="row">{label}</th>
          {months.map((m) => (
            <td key={m.month} className={m.counts[key] > 0 && (key === "missing" || key === "late" || key === "overdue") ? "font-semibold text-red-800" : undefined}>
              {m.counts[key]}
            </td>
          ))}
        </tr>
      ))}>
      {districts.map((d) => (
        <tr key={d.id} data-district={d.code}>
          <th scope="row">{d.name}</th>
          {months.map((m) => {
            const c = m.cells.get(d.id);
            return <td key={m.month}>{c ? <CompletenessCellView c={c} /> : "—"}</td>;
          })}
        </tr>
      ))}
    </DataTable>
  );
}
