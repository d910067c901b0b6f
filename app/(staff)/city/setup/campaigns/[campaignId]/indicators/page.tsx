import type { Metadata } from "next";
import Link from "next/link";
import { AGGREGATION_LABELS } from "@/domain/derivation-form";
import { derivationSummary } from "@/domain/derivation-words";
import { requirePermission } from "@/app/_lib/guards";
import { hasFigures } from "@/db/mutations/setup/indicators";
import { countApprovedMonths, listIndicatorsForSetup } from "@/db/queries/setup/indicators";
import { CampaignHeader } from "../../../_components/campaign-header";
import { loadSetupCampaign } from "../../../_lib/load";
import { INDICATOR_KIND_LABELS } from "@/domain/labels";
import { DataTable } from "@/components/ui/data-table";

export const metadata: Metadata = { title: "指标设置" };

const KIND = INDICATOR_KIND_LABELS;

export default async function IndicatorsSetupPage({ params }: { params: Promise<{ campaignId: string }> }) {
  await requirePermission("campaign.manage", {}, { next: `/city/setup/campaigns/${encodeURIComponent((await params).campaignId)}/indicators` });
  const { campaignId } = await params;
  const { campaign: c, isCurrent } = await loadSetupCampaign(campaignId);
  const [rows, approved] = await Promise.all([listIndicatorsForSetup(c.id), countApprovedMonths(c.id)]);
  const base = `/city/setup/campaigns/${c.id}/indicators`;
  return (
    <div className="space-y-5">
      <CampaignHeader campaign={c} isCurrent={isCurrent} tab="indicators" heading="指标" />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="max-w-3xl text-sm text-slate-600">
          已有数据的指标不能再改口径（类型、汇总方式、单位、分子分母、计算规则），以免已审核的数据改变含义；名称、说明、公开等可以修改，需确认并记入审计日志。
        </p>
        {c.status !== "archived" && (
          <Link href={`${base}/new`} className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white no-underline hover:bg-brand-800">新增指标</Link>
        )}
      </div>
      <DataTable caption={<>本专项的指标，共 {rows.length} 个</>} look="framed" head={<>
            <tr>
              <th scope="col">指标</th>
              <th scope="col">专项行动</th>
              <th scope="col">类型</th>
              <th scope="col">汇总 · 单位</th>
              <th scope="col">计算规则</th>
              <th scope="col">主管部门</th>
              <th scope="col">数据</th>
            </tr>
      </>}>
            {rows.length === 0 && (
              <tr>
                <td colSpan={7} className="py-6 text-center text-slate-500">还没有指标。</td>
              </tr>
            )}
            {rows.map((i) => {
              const frozen = hasFigures({ figures: i.figures, approvedMonths: approved }, i.kind);
              return (
                <tr key={i.id} data-indicator={i.code}>
                  <th scope="row">
                    <Link href={`${base}/${i.id}`} className="font-medium text-brand-700 underline">{i.name}</Link>
                    <span className="block text-xs text-slate-500">
                      {i.code}
                      {!i.isPublic && " · 不公开"}
                      {i.isHeadline && " · 首页重点"}
                    </span>
                  </th>
                  <td>{i.actionName}</td>
                  <td>{KIND[i.kind]}</td>
                  <td>{AGGREGATION_LABELS[i.aggregation].replace(/（.*）/, "")} · {i.unitSymbol}</td>
                  <td className="text-xs">{i.kind === "reported" ? "—" : derivationSummary(i.derivation)}</td>
                  <td>{i.ownerName ?? "—"}</td>
                  <td className="text-xs">
                    {frozen ? <span className="rounded-full bg-slate-200 px-2 py-0.5 text-slate-800">已有数据，口径锁定</span> : <span className="text-slate-500">暂无数据</span>}
                  </td>
                </tr>
              );
            })}
      </DataTable>
    </div>
  );
}
