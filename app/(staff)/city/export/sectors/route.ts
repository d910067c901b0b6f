import { notFound } from "next/navigation";
import { xlsxResponse } from "@/app/_lib/excel/workbook";
import { requirePermission } from "@/app/_lib/guards";
import { listReportingDistricts } from "@/db/queries/figures";
import { loadKeyProjectSectors } from "@/db/queries/key-project-sectors";
import { exportContext, exportFilename } from "../context";
import { aboutLines, aboutSheet, newWorkbook, sectorSheets } from "../sheets";

/** GET /city/export/sectors?month=&include=unapproved[&district=code] — key projects by sector, and per district. */
export async function GET(request: Request): Promise<Response> {
  await requirePermission("export.download", {}, { next: "/city" });
  const ctx = await exportContext(request);
  const { campaign, scope } = ctx;
  const districts = await listReportingDistricts();
  const code = ctx.params.get("district");
  const one = code ? districts.find((d) => d.code === code) : undefined;
  if (code && !one) notFound();
  const bySector = await loadKeyProjectSectors(campaign.id, scope.month, scope.mode, one?.id);
  const byDistrict = one ? [] : await Promise.all(districts.map(async (d) => ({ name: d.name, rows: await loadKeyProjectSectors(campaign.id, scope.month, scope.mode, d.id) })));
  const scopeName = one ? one.name : "全市";
  const wb = newWorkbook();
  sectorSheets(wb, bySector, byDistrict, scope.month, campaign.paceWarnBp, scopeName);
  aboutSheet(wb, aboutLines({ title: `${scopeName}市重点项目分行业完成情况`, cityName: campaign.cityName, year: campaign.year, month: scope.month, include: scope.include, demo: ctx.demo }));
  return xlsxResponse(wb, exportFilename(ctx, `${one ? one.name : ""}市重点项目分行业`));
}
