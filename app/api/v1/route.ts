import { cachedCatalog } from "@/app/(public)/_lib/open-data";
import { jsonResponse, unavailable } from "./_lib/respond";

/** GET /api/v1 — the catalogue: datasets, as-of month, codes. Read-only public data; no guard needed. */
export async function GET(request: Request): Promise<Response> {
  const data = await cachedCatalog();
  if (!data) return unavailable();
  return jsonResponse(request, data);
}
