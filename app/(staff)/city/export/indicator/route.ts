import { notFound } from "next/navigation";
import { xlsxResponse } from "@/app/_lib/excel/workbook";
import { requirePermission } from "@/app/_lib/guards";
import { listReportedIndicators, listReportingDistricts } from "@/db/queries/figures";
import { loadRankings } from "../../rankings/load";
import { exportContext, exportFilename } from "../context";
import { aboutLines, aboutSheet, indicatorSheet, newWorkbook } from "../sheets";

/** GET /city/export/indicator?code=&month=&include=unapproved — one indicator's district table with ranks. */
export async function GET(request: Request): Promise<Response> {
  await requirePermission("export.download", {}, { next: "/city" });
  const ctx = await exportContext(request);
  const { campaign, scope } = ctx;
  const code = ctx.params.get("code");
  const [data, districts, reported] = await Promise.all([loadRankings(campaign, scope.month, scope.mode), listReportingDistricts(), listReportedIndicators(campaign.id)]);
  const ind = code ? data.indicators.get(code) : undefined;
  if (!ind) notFound();
  const partUnit = ind.aggregation === "ratio" ? (reported.find((r) => r.code === ind.code)?.partUnit ?? null) : null;
  const wb = newWorkbook();
  indicatorSheet(wb, ind, districts, data.rankings, partUnit, scope.month);
  aboutSheet(wb, aboutLines({ title: `${ind.name} · 分区县`, cityName: campaign.cityName, year: campaign.year, month: scope.month, include: scope.include, demo: ctx.demo }));
  return xlsxResponse(wb, exportFilename(ctx, `${ind.name}分区县`));
}
