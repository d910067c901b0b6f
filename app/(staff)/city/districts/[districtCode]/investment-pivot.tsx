/** Monthly investment per project (万元, exact), with month and project totals; months not yet approved are marked. */
import { REPORT_STATE_LABELS } from "@/domain/labels";
import { monthNumber } from "@/domain/months";
import type { InvestmentRecord } from "@/db/queries/drilldown";
import type { ReportStatus } from "@/domain/codes";
import { formatExactOrDash } from "@/domain/format";
import { DataTable } from "@/components/ui/data-table";

export function InvestmentPivot({ caption, rows, month, year }: { caption: string; rows: InvestmentRecord[]; month: string; year: number }) {
  const months = Array.from({ length: monthNumber(month) }, (_, i) => `${year}-${String(i + 1).padStart(2, "0")}`);
  const projects = new Map<number, { code: string; name: string; byMonth: Map<string, number> }>();
  const statusOf = new Map<string, ReportStatus | null>();
  for (const r of rows) {
    const p = projects.get(r.projectId) ?? { code: r.code, name: r.name, byMonth: new Map() };
    p.byMonth.set(r.month, r.investment);
    projects.set(r.projectId, p);
    statusOf.set(r.month, r.status);
  }
  const monthTotal = (m: string) => rows.filter((r) => r.month === m).reduce((s, r) => s + r.investment, 0);
  const total = rows.reduce((s, r) => s + r.investment, 0);
  const wan = (v: number | undefined) => (v == null ? "" : formatExactOrDash(v, 1));
  return (
    <DataTable caption={caption} density="compact" nowrapHead attrs={{ "data-records": true }} head={<>
        <tr>
          <th scope="col">项目</th>
          {months.map((m) => (
            <th key={m} scope="col" className="num">
              {monthNumber(m)}月
              {statusOf.has(m) && statusOf.get(m) !== "approved" && <span className="block font-normal text-amber-800">{statusOf.get(m) ? REPORT_STATE_LABELS[statusOf.get(m)!].slice(0, 3) : "未填报"}</span>}
            </th>
          ))}
          <th scope="col" className="num">合计（万元）</th>
        </tr>
    </>} totals={<>
        <tr>
          <th scope="row">合计（{projects.size} 个项目）</th>
          {months.map((m) => <td key={m} className="num whitespace-nowrap text-xs">{wan(monthTotal(m))}</td>)}
          <td data-records-total className="num whitespace-nowrap">{wan(total)}<span className="block text-xs font-normal">= {formatExactOrDash(total, 10000)} 亿元</span></td>
        </tr>
    </>}>
        {[...projects.entries()].map(([id, p]) => (
          <tr key={id}>
            <th scope="row">{p.name}<span className="block text-xs text-slate-500">{p.code}</span></th>
            {months.map((m) => <td key={m} className="num whitespace-nowrap text-xs">{wan(p.byMonth.get(m))}</td>)}
            <td className="num whitespace-nowrap font-medium">{wan([...p.byMonth.values()].reduce((s, v) => s + v, 0))}</td>
          </tr>
        ))}
    </DataTable>
  );
}
