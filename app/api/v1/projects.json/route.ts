import { cachedProjectDataset } from "@/app/(public)/_lib/open-data";
import { filterProjects } from "../_lib/filters";
import { jsonResponse, unavailable } from "../_lib/respond";

/** GET /api/v1/projects.json[?district=] — public projects with approved investment by month. Read-only public data; no guard needed. */
export async function GET(request: Request): Promise<Response> {
  const data = await cachedProjectDataset();
  if (!data) return unavailable();
  const rows = filterProjects(data, new URL(request.url));
  if (rows instanceof Response) return rows;
  return jsonResponse(request, { ...data, projects: rows });
}
