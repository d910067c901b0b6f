import { forbidden, notFound } from "next/navigation";
import { buildFiguresWorkbook } from "@/app/_lib/excel/figures-sheet";
import { progressTemplateRows } from "@/app/_lib/excel/month-projects";
import { xlsxResponse } from "@/app/_lib/excel/workbook";
import { requirePermission, requireUser } from "@/app/_lib/guards";
import { addMonths, isMonth, monthLabel } from "@/domain/months";
import { getCurrentCampaign } from "@/db/queries/campaigns";
import { listKeyProjectsForMonth } from "@/db/queries/project-months";
import { listPeriods } from "@/db/queries/reporting";
import { loadFigureRows } from "../../../../_lib/figures-load";
import { resolveDistrict } from "../scope";
import { confinedDepartmentId } from "@/domain/work-scope";

/** GET /district/figures/template?month=YYYY-MM: the month's Excel template with current values. */
export async function GET(request: Request): Promise<Response> {
  const user = await requireUser({ next: "/district/figures" });
  if (user.role === "city_leader") forbidden();
  const url = new URL(request.url);
  const month = url.searchParams.get("month");
  const campaign = await getCurrentCampaign();
  if (!campaign || !isMonth(month) || !(await listPeriods(campaign.id)).some((p) => p.month === month && p.isOpen)) notFound();
  const district = await resolveDistrict(user, url.searchParams.get("district"));
  if (!district) notFound();
  const ownerDepartment = confinedDepartmentId(user);
  const rows = await loadFigureRows(campaign.id, district.id, month, ownerDepartment);
  const ownerDepartmentIds = [...new Set(rows.map((r) => r.indicator.ownerDepartmentId).filter((x): x is number => x != null))];
  await requirePermission("report.read", { districtId: district.id, ownerDepartmentIds });
  const projects = user.role === "department_editor" ? [] : await listKeyProjectsForMonth({ campaignId: campaign.id, districtIds: [district.id] }, district.id, month, addMonths(month, -1));
  const wb = buildFiguresWorkbook({
    districtName: district.name,
    month,
    rows,
    projects: progressTemplateRows(projects, month),
  });
  return xlsxResponse(wb, `${district.name}${monthLabel(month)}填报模板.xlsx`);
}
