import { xlsxResponse } from "@/app/_lib/excel/workbook";
import { requirePermission } from "@/app/_lib/guards";
import { loadRankings } from "../../rankings/load";
import { exportContext, exportFilename } from "../context";
import { aboutLines, aboutSheet, newWorkbook, rankingSheets } from "../sheets";

/** GET /city/export/rankings?month=&include=unapproved — overall and per-indicator rankings (default month as the page). */
export async function GET(request: Request): Promise<Response> {
  await requirePermission("export.download", {}, { next: "/city/rankings" });
  const ctx = await exportContext(request, "complete");
  const { campaign, scope } = ctx;
  const data = await loadRankings(campaign, scope.month, scope.mode);
  const wb = newWorkbook();
  rankingSheets(wb, data.rankings, data.indicators, scope.month);
  aboutSheet(wb, aboutLines({ title: `${campaign.title}${campaign.subtitle} · 区县排名`, cityName: campaign.cityName, year: campaign.year, month: scope.month, include: scope.include, demo: ctx.demo }));
  return xlsxResponse(wb, exportFilename(ctx, "区县排名"));
}
