import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePermission } from "@/app/_lib/guards";
import { getIndicatorForSetup, listTargetsForSetup } from "@/db/queries/setup/indicators";
import { listUnits } from "@/db/queries/setup/reference";
import { CampaignHeader } from "../../../../_components/campaign-header";
import { loadSetupCampaign } from "../../../../_lib/load";
import { targetDistricts } from "../../../../_lib/target-load";
import { displayValue, districtSumProblem } from "../../../../_lib/targets";
import { TargetForm } from "./target-form";
import { formatDateTime, formatWithUnit } from "@/domain/format";

export const metadata: Metadata = { title: "指标目标" };

export default async function IndicatorTargetsPage({ params }: { params: Promise<{ campaignId: string; indicatorId: string }> }) {
  await requirePermission("campaign.manage", {}, { next: `/city/setup/campaigns/${encodeURIComponent((await params).campaignId)}/targets/${encodeURIComponent((await params).indicatorId)}` });
  const { campaignId, indicatorId } = await params;
  const { campaign: c, isCurrent } = await loadSetupCampaign(campaignId);
  if (!/^[1-9]\d{0,8}$/.test(indicatorId)) notFound();
  const ind = await getIndicatorForSetup(Number(indicatorId));
  if (!ind || ind.campaignId !== c.id) notFound();
  const [targets, units, districts] = await Promise.all([listTargetsForSetup([ind.id], c.year), listUnits(), targetDistricts()]);
  const t = targets.get(ind.id)!;
  const unit = units.find((u) => u.code === ind.unitCode)!;
  const ratio = ind.aggregation === "ratio";
  const city = t.city;
  const defaults: Record<string, string> = {
    target: displayValue(city?.targetValue, unit.scale),
    baseline: displayValue(city?.baselineValue, unit.scale),
    growth: displayValue(city?.growthTargetBp, 100),
    multiple: displayValue(city?.multipleTargetPct, 100),
    sourceNote: city?.sourceNote ?? "",
    breakdownNote: city?.breakdownNote ?? "",
    planMode: city?.monthlyPlan ? "custom" : "linear",
  };
  const plan = city?.monthlyPlan;
  for (let k = 0; k < 12; k++) defaults[`plan_${k + 1}`] = plan ? displayValue(plan[k], 100) : displayValue(Math.round(((k + 1) * 10000) / 12), 100);
  for (const d of districts) defaults[`d_${d.id}`] = displayValue(t.districts.get(d.id)?.targetValue, unit.scale);
  const values = districts.map((d) => t.districts.get(d.id)?.targetValue ?? null);
  const problem = districtSumProblem(ind.aggregation, city?.targetValue ?? null, values);
  const unitDef = { code: unit.code, symbol: unit.symbol, scale: unit.scale };
  const fmt = (v: number) => formatWithUnit(v, unitDef, ind.decimals);
  const lastUpdate = [city?.updatedAt, ...[...t.districts.values()].map((r) => r.updatedAt)].filter((x): x is string => !!x).sort().pop();
  return (
    <div className="max-w-5xl space-y-5">
      <CampaignHeader campaign={c} isCurrent={isCurrent} tab="targets" heading={`${c.year}年目标：${ind.name}`} />
      <p className="text-sm">
        <Link href={`/city/setup/campaigns/${c.id}/targets`} className="text-brand-700 underline">← 全部目标</Link>
        <span className="ml-3 text-slate-500">单位：{ratio ? "%（比率）" : unit.symbol}{lastUpdate ? ` · 最后修改：${formatDateTime(lastUpdate)}` : ""}</span>
      </p>
      {!ratio && values.some((v) => v !== null) && (
        <p className={`rounded-md border px-3 py-2 text-sm ${problem ? (city?.breakdownNote ? "border-amber-300 bg-amber-50 text-amber-950" : "border-red-200 bg-red-50 text-red-800") : "border-green-200 bg-green-50 text-green-900"}`}>
          现在各区县目标合计 {fmt(values.reduce<number>((s, v) => s + (v ?? 0), 0))}
          {problem ? `，全市目标 ${city?.targetValue != null ? fmt(city.targetValue) : "未设定"}：不一致${city?.breakdownNote ? "，已说明原因" : "，尚未说明原因"}` : "，与全市目标一致"}。
        </p>
      )}
      {c.status === "archived" ? (
        <p className="text-sm text-slate-600">全市目标：{city?.targetValue != null ? fmt(city.targetValue) : "未设定"}</p>
      ) : (
        <TargetForm hidden={{ campaignId: String(c.id), indicatorId: String(ind.id), stamp: t.stamp }} defaults={defaults} unit={unit.symbol} ratio={ratio} districts={districts} />
      )}
    </div>
  );
}
