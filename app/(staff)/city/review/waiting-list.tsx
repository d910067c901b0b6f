import Link from "next/link";
import { monthLabel } from "@/domain/months";
import type { listWaitingReports } from "@/db/queries/review";
import { BulkApproveForm } from "./bulk-form";
import { DataTable } from "@/components/ui/data-table";
import { formatDateTime } from "@/domain/format";
import { Badge } from "@/components/ui/badge";

type Waiting = Awaited<ReturnType<typeof listWaitingReports>>[number];

/** Every submitted month waiting for review, oldest month first, grouped by month, to approve one by one or together. */
export function WaitingList({ reports }: { reports: Waiting[] }) {
  if (reports.length === 0) return <p className="rounded-md border border-dashed border-slate-300 p-4 text-sm text-slate-600">目前没有待审核的月报。</p>;
  const months: { month: string; rows: Waiting[] }[] = [];
  for (const r of reports) {
    const last = months[months.length - 1];
    if (last && last.month === r.month) last.rows.push(r);
    else months.push({ month: r.month, rows: [r] });
  }
  const cell = "px-3 py-2";
  return (
    <BulkApproveForm anyFlags={reports.some((r) => r.openFlags > 0)}>
      {months.map((m) => (
        <div key={m.month} data-waiting-month={m.month} className="space-y-2">
          <h3 className="font-medium">{monthLabel(m.month)}（{m.rows.length} 份待审核）</h3>
          <DataTable caption={<>{monthLabel(m.month)}待审核月报</>} look="framed" wrapClassName="relative" className="table-fixed" head={<>
                <tr>
                  <th scope="col" className={`${cell} w-10`}><span className="sr-only">选择</span></th>
                  <th scope="col" className={`${cell} w-[34%]`}>区县</th>
                  <th scope="col" className={`${cell} w-[26%]`}>数据提醒</th>
                  <th scope="col" className={cell}>报送时间</th>
                </tr>
          </>}>
                {m.rows.map((r) => {
                  const late = r.submittedAt ? r.submittedAt.slice(0, 10) > r.dueOn : false;
                  return (
                    <tr key={r.reportId} data-waiting={`${r.districtCode}|${r.month}`}>
                      <td className={cell}>
                        <input type="checkbox" name="pick" value={`${r.reportId}:${r.version}`} aria-label={`选择 ${r.districtName} ${monthLabel(r.month)}`} className="size-4" />
                      </td>
                      <th scope="row" className={`${cell} text-left font-normal`}>
                        <Link href={`/city/review/${r.reportId}`} className="text-brand-700 underline">
                          {r.districtName}<span className="sr-only">{monthLabel(r.month)}月报</span>
                        </Link>
                        {r.restating && <Badge look="soft" nowrap className="ml-1" colors="bg-purple-50 text-purple-800">更正</Badge>}
                      </th>
                      <td className={cell} data-open-flags={r.openFlags}>
                        {r.openFlags > 0 ? <Badge look="soft" nowrap colors="bg-amber-100 text-amber-900">{r.openFlags} 条待核实</Badge> : <span className="text-slate-500">无</span>}
                      </td>
                      <td className={`${cell} tabular`}>
                        {formatDateTime(r.submittedAt)}
                        {late && <span className="ml-1 text-xs text-amber-800">{r.historical ? "补录" : "逾期"}</span>}
                      </td>
                    </tr>
                  );
                })}
          </DataTable>
        </div>
      ))}
    </BulkApproveForm>
  );
}
