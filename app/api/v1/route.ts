import { cachedCatalog } from "@/app/_lib/public/open-data-catalog";
import { JSON_TYPE, keptOpenData, unavailable } from "./_lib/respond";
import { requirePublicRead } from "@/app/_lib/guards";

/** GET /api/v1 — the catalogue: datasets, as-of month, codes. Read-only public data (guard: public read). */
export async function GET(request: Request): Promise<Response> {
  requirePublicRead();
  return keptOpenData(request, async () => {
    const data = await cachedCatalog();
    if (!data) return unavailable();
    return { body: JSON.stringify(data), contentType: JSON_TYPE };
  });
}
