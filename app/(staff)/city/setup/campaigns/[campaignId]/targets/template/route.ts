import { notFound } from "next/navigation";
import { buildTargetsWorkbook } from "@/app/_lib/excel/targets-sheet";
import { xlsxResponse } from "@/app/_lib/excel/workbook";
import { requirePermission } from "@/app/_lib/guards";
import { getCampaignForSetup } from "@/db/queries/setup/campaigns";
import { loadCampaignTargets, targetDistricts } from "../../../../_lib/target-load";

/** GET …/targets/template: the campaign's targets sheet (indicator × district) with the current values. */
export async function GET(_request: Request, { params }: { params: Promise<{ campaignId: string }> }): Promise<Response> {
  await requirePermission("campaign.manage", {}, { next: `/city/setup/campaigns/${encodeURIComponent((await params).campaignId)}/targets` });
  const { campaignId } = await params;
  if (!/^[1-9]\d{0,8}$/.test(campaignId)) notFound();
  const campaign = await getCampaignForSetup(Number(campaignId));
  if (!campaign) notFound();
  const [rows, districts] = await Promise.all([loadCampaignTargets(campaign.id, campaign.year), targetDistricts()]);
  const wb = buildTargetsWorkbook({
    title: campaign.title,
    year: campaign.year,
    districts,
    indicators: rows.map(({ indicator: i, targets: t }) => ({
      code: i.code,
      name: i.name,
      unitSymbol: i.unitSymbol,
      unitScale: i.unitScale,
      aggregation: i.aggregation,
      targetValue: t.city?.targetValue ?? null,
      baselineValue: t.city?.baselineValue ?? null,
      growthTargetBp: t.city?.growthTargetBp ?? null,
      multipleTargetPct: t.city?.multipleTargetPct ?? null,
      districtTargets: new Map([...t.districts].map(([id, r]) => [id, r.targetValue])),
      breakdownNote: t.city?.breakdownNote ?? "",
      stamp: t.stamp,
    })),
  });
  return xlsxResponse(wb, `${campaign.year}年${campaign.title}目标分解表.xlsx`);
}
