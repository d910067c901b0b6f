import { cachedProjectDataset, PROJECT_FIELDS, toCsv } from "@/app/(public)/_lib/open-data";
import { filterProjects } from "../_lib/filters";
import { csvResponse, unavailable } from "../_lib/respond";

/** GET /api/v1/projects.csv[?district=] — public projects, one row each. Read-only public data; no guard needed. */
export async function GET(request: Request): Promise<Response> {
  const data = await cachedProjectDataset();
  if (!data) return unavailable();
  const rows = filterProjects(data, new URL(request.url));
  if (rows instanceof Response) return rows;
  return csvResponse(request, toCsv(PROJECT_FIELDS, rows), `projects-${data.meta.as_of_month ?? data.meta.campaign.year}.csv`);
}
