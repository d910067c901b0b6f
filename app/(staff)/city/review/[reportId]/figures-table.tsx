import type { FlagRow } from "@/db/queries/plausibility";
import { DataTable } from "@/components/ui/data-table";
import Link from "next/link";
import { FlagNotes } from "./flag-notes";

export interface FigureRowView {
  indicatorId: number;
  name: string;
  now: string;
  /** The reason given with "本月无数据". */
  noDataReason: string | null;
  note: string | null;
  old: string;
  changed: boolean;
  flags: FlagRow[];
}

export interface FigureGroupView {
  actionId: number;
  actionName: string;
  rows: FigureRowView[];
}

/** The month's reported figures, grouped by action as the district's form lists them. */
export function FiguresTable(props: { groups: FigureGroupView[]; oldColumn: string | null; nowColumn: string; correcting: boolean; historyHref?: (indicatorId: number) => string }) {
  const { groups, oldColumn, nowColumn, correcting } = props;
  const cols = oldColumn ? 5 : 3;
  return (
    <DataTable look="framed" bodies wrapClassName="relative" className="min-w-[44rem]" caption={`各项指标${oldColumn ? `：${oldColumn}与${nowColumn}` : ""}`} columns={[{ label: "指标", className: "min-w-[10rem]" }, oldColumn && { label: oldColumn, num: true }, { label: nowColumn, num: true }, oldColumn && "变化", "说明与数据提醒"]}>
        {groups.map((g) => (
          <tbody key={g.actionId} data-action-group={g.actionId}>
            <tr className="border-slate-200 bg-slate-50/60">
              <th scope="colgroup" colSpan={cols} className="py-1.5 text-xs font-semibold text-slate-700">{g.actionName}</th>
            </tr>
            {g.rows.map((r) => (
              <tr
                key={r.indicatorId}
                data-figure={r.indicatorId}
                data-changed={r.changed ? "1" : "0"}
                className={r.changed ? "bg-amber-50" : undefined}
              >
                <th scope="row">{r.name}</th>
                {oldColumn && <td className="num text-slate-600">{r.old}</td>}
                <td className="num font-medium">
                  {r.now}
                  {r.noDataReason != null && <span className="block text-xs font-normal text-slate-600">（{r.noDataReason}）</span>}
                  {props.historyHref && (
                    <Link href={props.historyHref(r.indicatorId)} className="block text-xs font-normal text-brand-700 underline" aria-label={`${r.name}：这个数字的变更记录`}>
                      变更记录
                    </Link>
                  )}
                </td>
                {oldColumn && (
                  <td className="text-xs">
                    {r.changed && <span className="text-amber-900">{correcting ? "更正" : "已修改"}：{r.old} → {r.now}</span>}
                  </td>
                )}
                <td className="text-slate-600">
                  {r.noDataReason == null && r.note ? <p>{r.note}</p> : null}
                  <FlagNotes flags={r.flags} />
                </td>
              </tr>
            ))}
          </tbody>
        ))}
    </DataTable>
  );
}
