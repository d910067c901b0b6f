import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ACCUMULATION_LABELS, AGGREGATION_LABELS } from "@/domain/derivation-form";
import { derivationSummary } from "@/domain/derivation-words";
import { RULES } from "@/domain/derivations";
import { requirePermission } from "@/app/_lib/guards";
import { definitionChangeBlocked, hasFigures } from "@/db/mutations/setup/indicators";
import { getIndicatorForSetup } from "@/db/queries/setup/indicators";
import { listUnits } from "@/db/queries/setup/reference";
import { CampaignHeader } from "../../../../_components/campaign-header";
import { indicatorDefaults, indicatorFormOptions } from "../../../../_lib/indicator-options";
import { loadSetupCampaign } from "../../../../_lib/load";
import { IndicatorForm } from "../indicator-form";
import { updateIndicatorAction } from "./actions";
import { INDICATOR_KIND_LABELS } from "@/domain/labels";
import { formatDateTime } from "@/domain/format";

export const metadata: Metadata = { title: "修改指标" };

const KIND = INDICATOR_KIND_LABELS;

export default async function IndicatorSetupPage({ params, searchParams }: { params: Promise<{ campaignId: string; indicatorId: string }>; searchParams: Promise<{ created?: string }> }) {
  await requirePermission("campaign.manage", {}, { next: `/city/setup/campaigns/${encodeURIComponent((await params).campaignId)}/indicators/${encodeURIComponent((await params).indicatorId)}` });
  const { campaignId, indicatorId } = await params;
  const { campaign: c, isCurrent } = await loadSetupCampaign(campaignId);
  if (!/^[1-9]\d{0,8}$/.test(indicatorId)) notFound();
  const i = await getIndicatorForSetup(Number(indicatorId));
  if (!i || i.campaignId !== c.id) notFound();
  const { created } = await searchParams;
  const [options, units] = await Promise.all([indicatorFormOptions(c.id, i.ownerDepartmentId), listUnits()]);
  const unit = (code: string | null) => units.find((u) => u.code === code)?.symbol ?? "—";
  // Blocked even for a change of kind: the indicator's current kind decides, a derived one is blocked by any approved month.
  const frozen = definitionChangeBlocked(i.usage, i.kind, i.kind);
  const reasons = [i.usage.figures > 0 ? `已有 ${i.usage.figures} 条填报数据` : null, i.kind !== "reported" && i.usage.approvedMonths > 0 ? `本专项已有 ${i.usage.approvedMonths} 个审核通过的区县月报按它计数` : null].filter(Boolean);
  const summary = [
    { label: "指标代码", value: i.code },
    { label: "类型", value: KIND[i.kind] },
    { label: "汇总方式", value: AGGREGATION_LABELS[i.aggregation] },
    { label: "单位", value: unit(i.unitCode) },
    { label: "累计方式", value: ACCUMULATION_LABELS[i.accumulation] },
    ...(i.aggregation === "ratio" ? [{ label: "分子 ÷ 分母", value: `${i.numeratorLabel} ÷ ${i.denominatorLabel}（${unit(i.partUnitCode)}）` }] : []),
    ...(i.kind !== "reported" ? [{ label: "计算规则", value: derivationSummary(i.derivation) }] : []),
  ];
  const archived = c.status === "archived";
  return (
    <div className="max-w-4xl space-y-5">
      <CampaignHeader campaign={c} isCurrent={isCurrent} tab="indicators" heading={`指标：${i.name}`} />
      <p className="text-sm">
        <Link href={`/city/setup/campaigns/${c.id}/indicators`} className="text-brand-700 underline">← 全部指标</Link>
        <span className="ml-3 text-slate-500">最后修改：{formatDateTime(i.updatedAt)}</span>
        <Link href={`/city/setup/campaigns/${c.id}/targets/${i.id}`} className="ml-3 text-brand-700 underline">设置该指标的目标</Link>
      </p>
      {created && <p role="status" className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-900">指标已创建。</p>}
      {archived ? (
        <dl className="grid grid-cols-[9rem_1fr] gap-y-1 rounded-lg border border-slate-200 bg-white p-4 text-sm">
          {summary.map((s) => (
            <div key={s.label} className="contents"><dt className="text-slate-500">{s.label}</dt><dd>{s.value}</dd></div>
          ))}
        </dl>
      ) : (
        <IndicatorForm
          action={updateIndicatorAction}
          hidden={{ campaignId: String(c.id), indicatorId: String(i.id), version: String(i.version) }}
          defaults={indicatorDefaults(i)}
          options={options}
          rules={RULES}
          frozen={frozen ? { reason: `该指标${reasons.join("，")}，口径已锁定：已审核的数据必须保持原来的含义，所以不能再改代码、类型、汇总方式、单位、分子分母或计算规则。如需按新口径统计，请新增一个指标（例如代码 ${i.code}_new），并在说明中写明与本指标的区别。`, summary } : null}
          needsConfirm={hasFigures(i.usage, i.kind)}
          submitLabel="保存指标"
        />
      )}
    </div>
  );
}
