import type { FlagRow } from "@/db/queries/plausibility";
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
  const cell = "px-3 py-2 align-top";
  const cols = oldColumn ? 5 : 3;
  return (
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full min-w-[44rem] text-sm">
        <caption className="sr-only">各项指标{oldColumn ? `：${oldColumn}与${nowColumn}` : ""}</caption>
        <thead>
          <tr className="border-b border-slate-200 bg-slate-50 text-left text-xs text-slate-600">
            <th scope="col" className={`${cell} min-w-[10rem]`}>指标</th>
            {oldColumn && <th scope="col" className={`${cell} text-right`}>{oldColumn}</th>}
            <th scope="col" className={`${cell} text-right`}>{nowColumn}</th>
            {oldColumn && <th scope="col" className={cell}>变化</th>}
            <th scope="col" className={cell}>说明与数据提醒</th>
          </tr>
        </thead>
        {groups.map((g) => (
          <tbody key={g.actionId} data-action-group={g.actionId}>
            <tr className="border-b border-slate-200 bg-slate-50/60">
              <th scope="colgroup" colSpan={cols} className="px-3 py-1.5 text-left text-xs font-semibold text-slate-700">{g.actionName}</th>
            </tr>
            {g.rows.map((r) => (
              <tr
                key={r.indicatorId}
                data-figure={r.indicatorId}
                data-changed={r.changed ? "1" : "0"}
                className={`border-b border-slate-100 last:border-0 ${r.changed ? "bg-amber-50" : ""}`}
              >
                <th scope="row" className={`${cell} text-left font-normal`}>{r.name}</th>
                {oldColumn && <td className={`${cell} tabular text-right text-slate-600`}>{r.old}</td>}
                <td className={`${cell} tabular text-right font-medium`}>
                  {r.now}
                  {r.noDataReason != null && <span className="block text-xs font-normal text-slate-600">（{r.noDataReason}）</span>}
                  {props.historyHref && (
                    <Link href={props.historyHref(r.indicatorId)} className="block text-xs font-normal text-brand-700 underline" aria-label={`${r.name}：这个数字的变更记录`}>
                      变更记录
                    </Link>
                  )}
                </td>
                {oldColumn && (
                  <td className={`${cell} text-xs`}>
                    {r.changed && <span className="text-amber-900">{correcting ? "更正" : "已修改"}：{r.old} → {r.now}</span>}
                  </td>
                )}
                <td className={`${cell} text-slate-600`}>
                  {r.noDataReason == null && r.note ? <p>{r.note}</p> : null}
                  <FlagNotes flags={r.flags} />
                </td>
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}
