import type { FlagRow } from "@/db/queries/plausibility";
import { DataTable } from "@/components/ui/data-table";
import { amountText, exact, YI_YUAN } from "../_lib/format";
import { FlagNotes } from "./flag-notes";

export interface ProjectRowView {
  projectId: number;
  code: string;
  name: string;
  sectorName: string;
  /** The month's amount now (万元); null: the row was removed since the compared data. */
  investment: number | null;
  old: number | null;
  changed: boolean;
  note: string | null;
  flags: FlagRow[];
}

/** The district's project investment of the month, with subtotals by sector and the total in 亿元. */
export function ProjectsTable(props: { rows: ProjectRowView[]; oldColumn: string | null; correcting: boolean }) {
  const { rows, oldColumn, correcting } = props;
  const sectors: { name: string; rows: ProjectRowView[] }[] = [];
  for (const r of rows) {
    const last = sectors[sectors.length - 1];
    if (last && last.name === r.sectorName) last.rows.push(r);
    else sectors.push({ name: r.sectorName, rows: [r] });
  }
  const sum = (rs: ProjectRowView[]) => rs.reduce((s, r) => s + (r.investment ?? 0), 0);
  const counted = (rs: ProjectRowView[]) => rs.filter((r) => r.investment != null).length;
  const total = sum(rows);
  const cols = oldColumn ? 6 : 4;
  return (
    <section aria-labelledby="projects-title" className="space-y-2">
      <h2 id="projects-title" className="text-lg font-semibold">本月项目投资</h2>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600">本月没有填报项目投资。</p>
      ) : (
        <>
          <p className="text-sm text-slate-700" data-projects-total>
            {counted(rows)} 个项目，本月完成投资合计 <strong className="tabular">{exact(total, YI_YUAN)}</strong>（{amountText(total)}）。
          </p>
          <DataTable look="framed" bodies wrapClassName="relative" className="min-w-[48rem]" caption="本月各项目完成投资（万元），按行业小计" columns={[{ label: "项目", className: "min-w-[12rem]" }, "行业", oldColumn && { label: oldColumn, num: true }, { label: "本月完成投资", num: true }, oldColumn && "变化", "说明与数据提醒"]}>
              {sectors.map((s) => (
                <tbody key={s.name} data-sector={s.name}>
                  {s.rows.map((r) => (
                    <tr key={r.projectId} data-project={r.code} data-changed={r.changed ? "1" : "0"} className={r.changed ? "bg-amber-50" : undefined}>
                      <th scope="row">
                        <span className="block text-xs text-slate-500">{r.code}</span>
                        {r.name}
                      </th>
                      <td>{r.sectorName}</td>
                      {oldColumn && <td className="num text-slate-600">{amountText(r.old)}</td>}
                      <td className="num font-medium">{r.investment == null ? "已删除" : amountText(r.investment)}</td>
                      {oldColumn && (
                        <td className="text-xs">
                          {r.changed && <span className="text-amber-900">{correcting ? "更正" : "已修改"}：{amountText(r.old)} → {r.investment == null ? "已删除" : amountText(r.investment)}</span>}
                        </td>
                      )}
                      <td className="text-slate-600">
                        {r.note ? <p>{r.note}</p> : null}
                        <FlagNotes flags={r.flags} />
                      </td>
                    </tr>
                  ))}
                  <tr className="border-slate-200 bg-slate-50 text-xs">
                    <th scope="row" colSpan={cols} className="py-1.5 font-medium text-slate-700">
                      {s.name}小计：{counted(s.rows)} 个项目，<span className="tabular">{amountText(sum(s.rows))}</span>（{exact(sum(s.rows), YI_YUAN)}）
                    </th>
                  </tr>
                </tbody>
              ))}
              <tfoot>
                <tr className="bg-slate-100 font-semibold">
                  <th scope="row" colSpan={cols}>
                    合计：<span className="tabular">{amountText(total)}</span> = <span className="tabular">{exact(total, YI_YUAN)}</span>
                  </th>
                </tr>
              </tfoot>
          </DataTable>
        </>
      )}
    </section>
  );
}
