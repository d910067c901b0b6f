import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePermission } from "@/app/_lib/guards";
import { monthLabel } from "@/domain/months";
import { getCurrentCampaign } from "@/db/queries/campaigns";
import { listPeriodsWithProgress } from "@/db/queries/review";
import { HistoricalForm } from "./historical-form";
import { LockForm, UnlockForm } from "./period-forms";
import { DataTable } from "@/components/ui/data-table";
import { formatDateTime } from "@/domain/format";

export const metadata: Metadata = { title: "月份与锁定" };

export default async function PeriodsPage() {
  await requirePermission("period.lock", { state: "approved" }, { next: "/city/periods" });
  const campaign = await getCurrentCampaign();
  if (!campaign) notFound();
  const rows = await listPeriodsWithProgress(campaign.id);
  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-2xl font-bold">月份与锁定</h1>
        <p className="mt-1 text-sm text-slate-600">所有区县审核通过后才能锁定；锁定后任何人都不能修改该月数据，只有专项办可以说明原因后解锁。</p>
        <p className="mt-1 text-sm text-slate-600">集中补录往月数据时，可把该月标为“历史补录”并写明原因：报送进度、区县首页和通报不再把该月记为逾期或迟报，截止日后报送的记为“补录”。</p>
      </div>
      <DataTable caption="各月份的审核进度与锁定状态" look="framed" wrapClassName="relative" head={<>
            <tr>
              <th scope="col">月份</th>
              <th scope="col">报送截止</th>
              <th scope="col">审核进度</th>
              <th scope="col">状态</th>
              <th scope="col">操作</th>
              <th scope="col">历史补录</th>
            </tr>
      </>}>
            {rows.map((p) => (
              <tr key={p.month} data-month={p.month}>
                <th scope="row">{monthLabel(p.month)}</th>
                <td className="tabular">{p.dueOn}</td>
                <td className="tabular">
                  已审核 {p.approved} / {p.total}
                  {p.submitted > 0 && <span className="ml-1 text-xs text-blue-800">（待审核 {p.submitted}）</span>}
                </td>
                <td>
                  {!p.isOpen ? "未开放" : p.locked ? `已锁定（${formatDateTime(p.lockedAt)}）` : "开放填报"}
                </td>
                <td>
                  {p.isOpen && p.locked && <UnlockForm periodId={p.id} version={p.version} month={p.month} label={monthLabel(p.month)} />}
                  {p.isOpen && !p.locked && <LockForm periodId={p.id} version={p.version} month={p.month} label={monthLabel(p.month)} />}
                </td>
                <td>
                  {p.historical && <p data-historical className="mb-1 text-xs text-slate-700">已标为历史补录：{p.historicalReason}</p>}
                  <HistoricalForm periodId={p.id} version={p.version} month={p.month} label={monthLabel(p.month)} historical={p.historical} />
                </td>
              </tr>
            ))}
      </DataTable>
    </div>
  );
}
