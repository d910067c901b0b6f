import { cachedCatalog } from "@/app/_lib/public/open-data-catalog";
import { jsonResponse, unavailable } from "./_lib/respond";
import { requirePublicRead } from "@/app/_lib/guards";

/** GET /api/v1 — the catalogue: datasets, as-of month, codes. Read-only public data (guard: public read). */
export async function GET(request: Request): Promise<Response> {
  requirePublicRead();
  const data = await cachedCatalog();
  if (!data) return unavailable();
  return jsonResponse(request, data);
}
