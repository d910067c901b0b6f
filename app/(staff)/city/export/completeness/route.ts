import { xlsxResponse } from "@/app/_lib/excel/workbook";
import { requirePermission } from "@/app/_lib/guards";
import { loadCompletenessBoard } from "../../completeness/load";
import { exportContext, exportFilename } from "../context";
import { aboutLines, aboutSheet, completenessSheets, newWorkbook } from "../sheets";

/** GET /city/export/completeness — every opened month × district: submitted, approved, on time or late. */
export async function GET(request: Request): Promise<Response> {
  await requirePermission("export.download", {}, { next: "/city/completeness" });
  const ctx = await exportContext(request);
  const { campaign } = ctx;
  const board = await loadCompletenessBoard(campaign.id);
  const wb = newWorkbook();
  completenessSheets(wb, board);
  aboutSheet(wb, [...aboutLines({ title: `${campaign.title}${campaign.subtitle} · 报送完整性`, cityName: campaign.cityName, year: campaign.year, month: null, include: null, demo: ctx.demo }), "按时 = 在截止日（含当日，北京时间）前报送。"]);
  return xlsxResponse(wb, exportFilename(ctx, "月报报送情况", false));
}
