import { cachedIndicatorDataset } from "@/app/_lib/public/open-data-catalog";
import { INDICATOR_FIELDS } from "@/app/_lib/public/open-data";
import { toCsv } from "@/app/_lib/public/csv";
import { filterIndicatorRows } from "../_lib/filters";
import { CSV_TYPE, keptOpenData, unavailable } from "../_lib/respond";
import { requirePublicRead } from "@/app/_lib/guards";

/** GET /api/v1/indicators.csv[?indicator=&area=&month=] — the indicator values as CSV. Read-only public data (guard: public read). */
export async function GET(request: Request): Promise<Response> {
  requirePublicRead();
  return keptOpenData(request, async () => {
    const data = await cachedIndicatorDataset();
    if (!data) return unavailable();
    const rows = filterIndicatorRows(data, new URL(request.url));
    if (rows instanceof Response) return rows;
    return { body: toCsv(INDICATOR_FIELDS, rows), contentType: CSV_TYPE, filename: `indicators-${data.meta.as_of_month ?? data.meta.campaign.year}.csv` };
  });
}
