import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/app/_lib/guards";
import { CampaignHeader } from "../../../_components/campaign-header";
import { loadSetupCampaign } from "../../../_lib/load";
import { loadCampaignTargets } from "../../../_lib/target-load";
import { districtSumProblem } from "../../../_lib/targets";
import { TargetsUploadForm } from "./upload-form";
import { DataTable } from "@/components/ui/data-table";
import { formatWithUnit } from "@/domain/format";
import { Badge } from "@/components/ui/badge";

export const metadata: Metadata = { title: "目标设置" };

export default async function TargetsSetupPage({ params }: { params: Promise<{ campaignId: string }> }) {
  await requirePermission("campaign.manage", {}, { next: `/city/setup/campaigns/${encodeURIComponent((await params).campaignId)}/targets` });
  const { campaignId } = await params;
  const { campaign: c, isCurrent } = await loadSetupCampaign(campaignId);
  const rows = await loadCampaignTargets(c.id, c.year);
  const base = `/city/setup/campaigns/${c.id}/targets`;
  return (
    <div className="space-y-5">
      <CampaignHeader campaign={c} isCurrent={isCurrent} tab="targets" heading={`${c.year}年目标`} />
      {c.status !== "archived" && <TargetsUploadForm campaignId={c.id} templateHref={`${base}/template`} />}
      <DataTable caption="各指标的全市目标和区县分解" look="framed" head={<>
            <tr>
              <th scope="col">指标</th>
              <th scope="col" className="num">全市目标</th>
              <th scope="col" className="num">上年基数</th>
              <th scope="col" className="num">增长 / 倍数</th>
              <th scope="col">月度计划</th>
              <th scope="col">区县分解</th>
            </tr>
      </>}>
            {rows.map(({ indicator: i, targets: t }) => {
              const unit = { code: i.unitCode, symbol: i.unitSymbol, scale: i.unitScale };
              const d = [...t.districts.values()].map((r) => r.targetValue);
              const set = d.filter((v) => v !== null).length;
              const problem = districtSumProblem(i.aggregation, t.city?.targetValue ?? null, d);
              const fmt = (v: number | null | undefined) => (v == null ? "—" : formatWithUnit(v, unit, Math.max(i.decimals, 0)));
              return (
                <tr key={i.id} data-target-row={i.code}>
                  <th scope="row">
                    <Link href={`${base}/${i.id}`} className="font-medium text-brand-700 underline">{i.name}</Link>
                    <span className="block text-xs text-slate-500">{i.code}</span>
                  </th>
                  <td data-city-target className="num">{t.city?.targetValue != null ? fmt(t.city.targetValue) : <span className="text-amber-800">未设定</span>}</td>
                  <td className="num">{fmt(t.city?.baselineValue)}</td>
                  <td className="num">
                    {t.city?.growthTargetBp != null ? `增长 ${(t.city.growthTargetBp / 100).toFixed(1)}%` : ""}
                    {t.city?.multipleTargetPct != null ? ` ${t.city.multipleTargetPct / 100} 倍` : ""}
                    {t.city?.growthTargetBp == null && t.city?.multipleTargetPct == null ? "—" : ""}
                  </td>
                  <td>{i.aggregation === "ratio" ? <span className="text-slate-500">不适用（比率看目标水平）</span> : t.city?.monthlyPlan ? "自定义" : "按序时（线性）"}</td>
                  <td>
                    {set === 0 ? (
                      <span className="text-slate-500">未分解</span>
                    ) : i.aggregation === "ratio" ? (
                      <span>{set} 个区县有目标比率</span>
                    ) : !problem ? (
                      <Badge look="soft" colors="bg-green-50 text-green-800">{set} 个区县，合计与全市相符</Badge>
                    ) : t.city?.breakdownNote ? (
                      <Badge look="soft" title={t.city.breakdownNote} colors="bg-amber-100 text-amber-900">合计 {fmt(problem.sum)}，差异已说明</Badge>
                    ) : (
                      <Badge look="soft" colors="bg-red-50 text-red-800">合计 {fmt(problem.sum)}，与全市不符且未说明</Badge>
                    )}
                  </td>
                </tr>
              );
            })}
      </DataTable>
    </div>
  );
}
