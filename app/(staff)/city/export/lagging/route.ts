import { getCampaignRollups } from "@/app/_lib/city-data";
import { xlsxResponse } from "@/app/_lib/excel/workbook";
import { requirePermission } from "@/app/_lib/guards";
import { exportContext, exportFilename } from "../context";
import { aboutLines, aboutSheet, laggingItems, laggingSheet, newWorkbook } from "../sheets";

/** GET /city/export/lagging?month=&include=unapproved — every indicator and district behind pace, worst first. */
export async function GET(request: Request): Promise<Response> {
  await requirePermission("export.download", {}, { next: "/city/lagging" });
  const ctx = await exportContext(request);
  const { campaign, scope } = ctx;
  const rollups = await getCampaignRollups(campaign.id, scope.month, scope.mode, campaign.paceWarnBp);
  const wb = newWorkbook();
  laggingSheet(wb, laggingItems(rollups.indicators, rollups.districts), scope.month);
  aboutSheet(wb, aboutLines({ title: "滞后清单：落后于序时进度的指标和区县", cityName: campaign.cityName, year: campaign.year, month: scope.month, include: scope.include, demo: ctx.demo }));
  return xlsxResponse(wb, exportFilename(ctx, "滞后清单"));
}
