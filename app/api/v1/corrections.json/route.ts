import { cachedCorrectionDataset } from "@/app/_lib/public/open-data-corrections";
import { filterCorrections } from "../_lib/filters";
import { JSON_TYPE, keptOpenData, unavailable } from "../_lib/respond";
import { requirePublicRead } from "@/app/_lib/guards";

/**
 * GET /api/v1/corrections.json[?indicator=&district=&month=] — every approved correction of a
 * published value of a public indicator or public project: original and revised (display and base
 * units), reason, date. Read-only public data (guard: public read).
 */
export async function GET(request: Request): Promise<Response> {
  requirePublicRead();
  return keptOpenData(request, async () => {
    const data = await cachedCorrectionDataset();
    if (!data) return unavailable();
    const rows = filterCorrections(data, new URL(request.url));
    if (rows instanceof Response) return rows;
    return { body: JSON.stringify({ ...data, corrections: rows }), contentType: JSON_TYPE };
  });
}
