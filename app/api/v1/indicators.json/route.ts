import { cachedIndicatorDataset } from "@/app/_lib/public/open-data-catalog";
import { filterIndicatorRows } from "../_lib/filters";
import { JSON_TYPE, keptOpenData, unavailable } from "../_lib/respond";
import { requirePublicRead } from "@/app/_lib/guards";

/**
 * GET /api/v1/indicators.json[?indicator=&area=&month=] — approved figures of public indicators
 * for the city and each district, by month and year-to-date. Read-only public data (guard: public read).
 */
export async function GET(request: Request): Promise<Response> {
  requirePublicRead();
  return keptOpenData(request, async () => {
    const data = await cachedIndicatorDataset();
    if (!data) return unavailable();
    const rows = filterIndicatorRows(data, new URL(request.url));
    if (rows instanceof Response) return rows;
    return { body: JSON.stringify({ ...data, values: rows }), contentType: JSON_TYPE };
  });
}
