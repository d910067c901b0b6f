import "server-only";
import { isMonth } from "@/domain/months";
import type { IndicatorDataset } from "@/app/_lib/public/open-data-indicators";
import type { IndicatorValueRow } from "@/app/_lib/public/open-data";
import type { ProjectDataset } from "@/app/_lib/public/open-data-projects";
import type { CorrectionDataset, CorrectionRecord } from "@/app/_lib/public/open-data-corrections";
import { badRequest } from "./respond";

/** ?indicator=&area=&month= on the indicator dataset; a Response for a bad or unknown value. */
export function filterIndicatorRows(data: IndicatorDataset, url: URL): IndicatorValueRow[] | Response {
  const indicator = url.searchParams.get("indicator");
  const area = url.searchParams.get("area");
  const month = url.searchParams.get("month");
  if (indicator != null && !data.indicators.some((i) => i.code === indicator)) return badRequest(404, "unknown_indicator", `No public indicator has the code "${indicator}".`);
  if (area != null && area !== "city" && !data.values.some((r) => r.area_code === area)) return badRequest(404, "unknown_area", `No area has the code "${area}" (use "city" or a district code).`);
  if (month != null && !isMonth(month)) return badRequest(400, "bad_month", "month must be YYYY-MM.");
  return data.values.filter((r) => (indicator == null || r.indicator_code === indicator) && (area == null || r.area_code === area) && (month == null || r.month === month));
}

/** ?district= on the project dataset. */
export function filterProjects(data: ProjectDataset, url: URL): ProjectDataset["projects"] | Response {
  const district = url.searchParams.get("district");
  if (district == null) return data.projects;
  const rows = data.projects.filter((p) => p.district_code === district);
  if (rows.length === 0 && !/^[a-z0-9_-]{1,60}$/.test(district)) return badRequest(400, "bad_district", "district must be a district code.");
  return rows;
}

/**
 * ?indicator=&district=&month= on the corrections dataset. A code that is well formed but has no
 * correction gives an empty list (a correction may simply not have happened yet), not a 404.
 */
export function filterCorrections(data: CorrectionDataset, url: URL): CorrectionRecord[] | Response {
  const indicator = url.searchParams.get("indicator");
  const district = url.searchParams.get("district");
  const month = url.searchParams.get("month");
  const code = /^[A-Za-z0-9_-]{1,60}$/;
  if (indicator != null && !code.test(indicator)) return badRequest(400, "bad_indicator", "indicator must be an indicator code.");
  if (district != null && !code.test(district)) return badRequest(400, "bad_district", "district must be a district code.");
  if (month != null && !isMonth(month)) return badRequest(400, "bad_month", "month must be YYYY-MM.");
  return data.corrections.filter((r) => (indicator == null || r.indicator_code === indicator) && (district == null || r.district_code === district) && (month == null || r.month === month));
}
