import { getCampaignRollups } from "@/app/_lib/city-data";
import { xlsxResponse } from "@/app/_lib/excel/workbook";
import { requirePermission } from "@/app/_lib/guards";
import { exportContext, exportFilename } from "../context";
import { aboutLines, aboutSheet, laggingItems, laggingSheet, newWorkbook, type LaggingScope } from "../sheets";

/** GET /city/export/lagging?month=&include=unapproved&scope=city|districts — every indicator and district behind pace, worst first. */
export async function GET(request: Request): Promise<Response> {
  await requirePermission("export.download", {}, { next: "/city/lagging" });
  const ctx = await exportContext(request);
  const { campaign, scope } = ctx;
  const rollups = await getCampaignRollups(campaign.id, scope.month, scope.mode, campaign.paceWarnBp);
  const wb = newWorkbook();
  const s = ctx.params.get("scope");
  const area: LaggingScope = s === "city" || s === "districts" ? s : "all";
  laggingSheet(wb, laggingItems(rollups.indicators, rollups.districts, area), scope.month);
  aboutSheet(wb, aboutLines({ title: `滞后清单：落后于序时进度的指标和区县（${{ all: "全市和区县", city: "仅全市", districts: "仅区县" }[area]}）`, cityName: campaign.cityName, year: campaign.year, month: scope.month, include: scope.include, demo: ctx.demo }));
  return xlsxResponse(wb, exportFilename(ctx, "滞后清单"));
}
