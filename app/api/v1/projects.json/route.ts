import { cachedProjectDataset } from "@/app/_lib/public/open-data-catalog";
import { filterProjects } from "../_lib/filters";
import { JSON_TYPE, keptOpenData, unavailable } from "../_lib/respond";
import { requirePublicRead } from "@/app/_lib/guards";

/** GET /api/v1/projects.json[?district=] — public projects with approved investment by month. Read-only public data (guard: public read). */
export async function GET(request: Request): Promise<Response> {
  requirePublicRead();
  return keptOpenData(request, async () => {
    const data = await cachedProjectDataset();
    if (!data) return unavailable();
    const rows = filterProjects(data, new URL(request.url));
    if (rows instanceof Response) return rows;
    return { body: JSON.stringify({ ...data, projects: rows }), contentType: JSON_TYPE };
  });
}
