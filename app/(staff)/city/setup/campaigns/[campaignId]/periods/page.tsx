import type { Metadata } from "next";
import { requirePermission } from "@/app/_lib/guards";
import { monthLabel } from "@/domain/months";
import { listPeriodsForSetup } from "@/db/queries/setup/campaigns";
import { CampaignHeader } from "../../../_components/campaign-header";
import { RowButton } from "../../../_components/row-button";
import { SpecForm } from "../../../_components/spec-form";
import { loadSetupCampaign } from "../../../_lib/load";
import { setDeadlineDayAction, setPeriodOpenAction } from "./actions";
import { DataTable } from "@/components/ui/data-table";
import { Badge } from "@/components/ui/badge";

export const metadata: Metadata = { title: "填报月份" };

export default async function PeriodsSetupPage({ params }: { params: Promise<{ campaignId: string }> }) {
  await requirePermission("campaign.manage", {}, { next: `/city/setup/campaigns/${encodeURIComponent((await params).campaignId)}/periods` });
  const { campaignId } = await params;
  const { campaign: c, isCurrent } = await loadSetupCampaign(campaignId);
  const rows = await listPeriodsForSetup(c.id);
  const editable = c.status !== "archived";
  return (
    <div className="space-y-5">
      <CampaignHeader campaign={c} isCurrent={isCurrent} tab="periods" heading="填报月份" />
      <p className="max-w-3xl text-sm text-slate-600">
        区县只能填报已开放的月份；每月报表在次月 {c.reportDeadlineDay} 日前报送，逾期记为迟报。锁定和解锁在“月份与锁定”页办理。
      </p>
      {editable && (
        <section aria-labelledby="deadline-heading" className="max-w-md rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="deadline-heading" className="mb-2 font-semibold">月报截止日</h2>
          <SpecForm
            action={setDeadlineDayAction}
            hidden={{ campaignId: String(c.id), version: String(c.version) }}
            fields={[{ name: "reportDeadlineDay", label: "次月几日前报送", defaultValue: String(c.reportDeadlineDay), inputMode: "numeric", hint: "1–28；已锁定月份的截止日期不变" }]}
            submitLabel="保存截止日"
            idPrefix="deadline"
          />
        </section>
      )}
      <DataTable caption={<>{c.year}年各月份的开放状态和报送截止日期</>} look="framed" head={<>
            <tr>
              <th scope="col">月份</th>
              <th scope="col">状态</th>
              <th scope="col">报送截止</th>
              <th scope="col" className="num">已有区县报表</th>
              {editable && <th scope="col">操作</th>}
            </tr>
      </>}>
            {rows.map((p) => (
              <tr key={p.id} data-month={p.month}>
                <th scope="row">{monthLabel(p.month)}</th>
                <td>
                  {p.locked ? (
                    <Badge look="soft" colors="bg-slate-200 text-slate-700">已锁定</Badge>
                  ) : p.isOpen ? (
                    <Badge look="soft" colors="bg-green-50 text-green-800">开放填报</Badge>
                  ) : (
                    <Badge look="soft" colors="bg-slate-100 text-slate-600">未开放</Badge>
                  )}
                </td>
                <td className="tabular">{p.dueOn}</td>
                <td className="num">{p.reports}</td>
                {editable && (
                  <td>
                    {!p.isOpen && <RowButton action={setPeriodOpenAction} hidden={{ campaignId: String(c.id), periodId: String(p.id), version: String(p.version), open: "1" }} label="开放" srLabel={monthLabel(p.month)} variant="primary" pendingText="正在开放…" />}
                    {p.isOpen && !p.locked && p.reports === 0 && <RowButton action={setPeriodOpenAction} hidden={{ campaignId: String(c.id), periodId: String(p.id), version: String(p.version), open: "0" }} label="关闭" srLabel={monthLabel(p.month)} pendingText="正在关闭…" />}
                  </td>
                )}
              </tr>
            ))}
      </DataTable>
    </div>
  );
}
