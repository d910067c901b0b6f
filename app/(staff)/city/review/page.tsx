import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePermission } from "@/app/_lib/guards";
import { isMonth, monthLabel } from "@/domain/months";
import { ReportStateBadge } from "@/components/report-state-badge";
import { getCurrentCampaign } from "@/db/queries/campaigns";
import { getDefaultMonth, listPeriods, monthState } from "@/db/queries/reporting";
import { listMonthReports, listWaitingReports } from "@/db/queries/review";
import { WaitingList } from "./waiting-list";
import { DataTable } from "@/components/ui/data-table";
import { formatDateTime } from "@/domain/format";
import { Badge } from "@/components/ui/badge";
import { Picker, PickerSelect } from "@/components/ui/picker";

export const metadata: Metadata = { title: "月报审核" };

export default async function ReviewQueuePage({ searchParams }: { searchParams: Promise<{ month?: string }> }) {
  await requirePermission("report.review", {}, { next: "/city/review" });
  const campaign = await getCurrentCampaign();
  if (!campaign) notFound();
  const sp = await searchParams;
  const periods = (await listPeriods(campaign.id)).filter((p) => p.isOpen);
  const month = isMonth(sp.month) && periods.some((p) => p.month === sp.month) ? sp.month : await getDefaultMonth(campaign.id);
  if (!month) notFound();
  const [reports, waiting] = await Promise.all([listMonthReports(campaign.id, month), listWaitingReports(campaign.id)]);
  const waitingMonths = new Set(waiting.map((w) => w.month)).size;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">月报审核 · {campaign.year}年</h1>
        <p className="mt-1 text-sm text-slate-600">
          {waiting.length > 0 ? `共 ${waiting.length} 份月报待审核，涉及 ${waitingMonths} 个月份，最早的在前。` : "目前没有待审核的月报。"}
        </p>
      </div>
      <section aria-labelledby="waiting-title" className="space-y-3">
        <h2 id="waiting-title" className="text-lg font-semibold">待审核月报</h2>
        <WaitingList reports={waiting} />
      </section>
      <section aria-labelledby="overview-title" className="space-y-3">
        <div className="flex flex-wrap items-end justify-between gap-4">
          <div>
            <h2 id="overview-title" className="text-lg font-semibold">各区县月报 · {monthLabel(month)}</h2>
            <p className="mt-1 text-sm text-slate-600">待审核 {reports.filter((r) => r.status === "submitted").length} 个，已审核 {reports.filter((r) => r.status === "approved").length} / {reports.length} 个区县。</p>
          </div>
          <Picker label="选择月份">
            <PickerSelect name="month" label="月份" value={month} options={periods.map((p) => ({ value: p.month, label: monthLabel(p.month) }))} />
          </Picker>
        </div>
        <DataTable caption={<>{monthLabel(month)}各区县月报状态</>} look="framed" wrapClassName="relative" head={<>
              <tr>
                <th scope="col">区县</th>
                <th scope="col">状态</th>
                <th scope="col">报送时间</th>
                <th scope="col" className="hidden sm:table-cell">是否按时</th>
                <th scope="col" className="hidden sm:table-cell">数据提醒</th>
                <th scope="col">操作</th>
              </tr>
        </>}>
              {reports.map((r) => {
                // A month the office marked as historical entry is filled in late on purpose: "补录", never "逾期".
                const late = r.submittedAt ? r.submittedAt.slice(0, 10) > r.dueOn : null;
                const lateText = r.historical ? "补录" : "逾期报送";
                return (
                  <tr key={r.districtCode} data-district={r.districtCode}>
                    <th scope="row">{r.districtName}</th>
                    <td>
                      <ReportStateBadge state={r.status ? monthState(r.locked, r.status) : null} />
                      {r.restating && <Badge look="soft" className="ml-1" colors="bg-purple-50 text-purple-800">更正中</Badge>}
                    </td>
                    <td className="tabular">
                      {formatDateTime(r.submittedAt)}
                      {late && <span className="block text-xs text-amber-800 sm:hidden">{lateText}</span>}
                    </td>
                    <td className="hidden sm:table-cell">{late === null ? "—" : late ? <span className="text-amber-800">{lateText}</span> : "按时"}</td>
                    <td className="hidden sm:table-cell">{r.openFlags > 0 ? <span className="text-amber-900">{r.openFlags} 条待核实</span> : "—"}</td>
                    <td>
                      {r.reportId && (
                        <Link href={`/city/review/${r.reportId}`} className="text-brand-700 underline">
                          {r.status === "submitted" ? "审核" : "查看"}
                          <span className="sr-only">{r.districtName}</span>
                        </Link>
                      )}
                    </td>
                  </tr>
                );
              })}
        </DataTable>
      </section>
    </div>
  );
}
