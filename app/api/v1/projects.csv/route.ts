import { cachedProjectDataset } from "@/app/_lib/public/open-data-catalog";
import { PROJECT_FIELDS } from "@/app/_lib/public/open-data";
import { toCsv } from "@/app/_lib/public/csv";
import { filterProjects } from "../_lib/filters";
import { CSV_TYPE, keptOpenData, unavailable } from "../_lib/respond";
import { requirePublicRead } from "@/app/_lib/guards";

/** GET /api/v1/projects.csv[?district=] — public projects, one row each. Read-only public data (guard: public read). */
export async function GET(request: Request): Promise<Response> {
  requirePublicRead();
  return keptOpenData(request, async () => {
    const data = await cachedProjectDataset();
    if (!data) return unavailable();
    const rows = filterProjects(data, new URL(request.url));
    if (rows instanceof Response) return rows;
    return { body: toCsv(PROJECT_FIELDS, rows), contentType: CSV_TYPE, filename: `projects-${data.meta.as_of_month ?? data.meta.campaign.year}.csv` };
  });
}
