import { CORRECTION_FIELDS, cachedCorrectionDataset } from "@/app/_lib/public/open-data-corrections";
import { toCsv } from "@/app/_lib/public/csv";
import { filterCorrections } from "../_lib/filters";
import { CSV_TYPE, keptOpenData, unavailable } from "../_lib/respond";
import { requirePublicRead } from "@/app/_lib/guards";

/** GET /api/v1/corrections.csv[?indicator=&district=&month=] — the corrections, one row per corrected value. Read-only public data (guard: public read). */
export async function GET(request: Request): Promise<Response> {
  requirePublicRead();
  return keptOpenData(request, async () => {
    const data = await cachedCorrectionDataset();
    if (!data) return unavailable();
    const rows = filterCorrections(data, new URL(request.url));
    if (rows instanceof Response) return rows;
    return { body: toCsv(CORRECTION_FIELDS, rows), contentType: CSV_TYPE, filename: `corrections-${data.meta.as_of_month ?? data.meta.campaign.year}.csv` };
  });
}
