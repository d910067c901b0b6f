import { getCampaignRollups } from "@/app/_lib/city-data";
import { xlsxResponse } from "@/app/_lib/excel/workbook";
import { requirePermission } from "@/app/_lib/guards";
import { listActionOverview } from "@/db/queries/campaigns";
import { exportContext, exportFilename } from "../context";
import { aboutLines, aboutSheet, dashboardSheet, newWorkbook } from "../sheets";

/** GET /city/export/dashboard?month=&include=unapproved — every indicator of the dashboard. */
export async function GET(request: Request): Promise<Response> {
  await requirePermission("export.download", {}, { next: "/city" });
  const ctx = await exportContext(request);
  const { campaign, scope } = ctx;
  const [rollups, actions] = await Promise.all([getCampaignRollups(campaign.id, scope.month, scope.mode, campaign.paceWarnBp), listActionOverview(campaign.id)]);
  const actionNames = new Map(actions.map((a) => [a.id, a.name]));
  const wb = newWorkbook();
  dashboardSheet(wb, rollups.indicators, (id) => actionNames.get(id) ?? "", campaign.year, scope.month);
  aboutSheet(wb, aboutLines({ title: `${campaign.title}${campaign.subtitle} · 指标总览`, cityName: campaign.cityName, year: campaign.year, month: scope.month, include: scope.include, demo: ctx.demo }));
  return xlsxResponse(wb, exportFilename(ctx, "指标总览"));
}
