import { notFound } from "next/navigation";
import { getCampaignRollups } from "@/app/_lib/city-data";
import { xlsxResponse } from "@/app/_lib/excel/workbook";
import { requirePermission } from "@/app/_lib/guards";
import { exportContext, exportFilename } from "../context";
import { aboutLines, aboutSheet, districtSheet, newWorkbook } from "../sheets";

/** GET /city/export/district?code=&month=&include=unapproved — one district's indicators, as its drill-down page lists them. */
export async function GET(request: Request): Promise<Response> {
  await requirePermission("export.download", {}, { next: "/city" });
  const ctx = await exportContext(request);
  const { campaign, scope } = ctx;
  const rollups = await getCampaignRollups(campaign.id, scope.month, scope.mode, campaign.paceWarnBp);
  const district = rollups.districts.find((d) => d.code === ctx.params.get("code"));
  if (!district) notFound();
  const wb = newWorkbook();
  districtSheet(wb, rollups.indicators, district.id, scope.month);
  aboutSheet(wb, aboutLines({ title: `${district.name} · 各项指标完成情况`, cityName: campaign.cityName, year: campaign.year, month: scope.month, include: scope.include, demo: ctx.demo }));
  return xlsxResponse(wb, exportFilename(ctx, `${district.name}各项指标`));
}
