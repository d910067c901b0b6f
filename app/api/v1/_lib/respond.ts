import "server-only";
import { createHash } from "node:crypto";

/*
 * Responses of the open-data API (/api/v1). Every route here is a read-only GET of public data
 * (approved figures, public records) built by app/(public)/_lib/open-data.ts: no session, no
 * guard beyond "public data only", the same for every caller.
 */

/** Clients and shared caches may keep a copy a minute, then revalidate with the ETag. */
const CACHE_CONTROL = "public, max-age=60, stale-while-revalidate=300";

function etagOf(body: string): string {
  return `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;
}

/** Whether an If-None-Match header matches the ETag (weak comparison, lists and "*"). */
export function matchesEtag(header: string | null, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  const bare = etag.replace(/^W\//, "");
  return header.split(",").some((t) => t.trim().replace(/^W\//, "") === bare);
}

function baseHeaders(etag: string): Headers {
  return new Headers({
    "Cache-Control": CACHE_CONTROL,
    ETag: etag,
    Vary: "Accept-Encoding",
    // Open data: any site may read it (no credentials are involved).
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Expose-Headers": "ETag",
  });
}

/** The body with Cache-Control and ETag; 304 with no body when If-None-Match matches. */
export function openDataResponse(request: Request, body: string, contentType: string, filename?: string): Response {
  const etag = etagOf(body);
  const headers = baseHeaders(etag);
  if (matchesEtag(request.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers });
  headers.set("Content-Type", contentType);
  if (filename) headers.set("Content-Disposition", `inline; filename="${filename}"`);
  return new Response(request.method === "HEAD" ? null : body, { status: 200, headers });
}

export function jsonResponse(request: Request, data: unknown): Response {
  return openDataResponse(request, JSON.stringify(data), "application/json; charset=utf-8");
}

export function csvResponse(request: Request, csv: string, filename: string): Response {
  return openDataResponse(request, csv, "text/csv; charset=utf-8; header=present", filename);
}

/** A client error in the same shape everywhere: { error: { code, message } }. */
export function badRequest(status: 400 | 404, code: string, message: string): Response {
  return Response.json({ error: { code, message } }, { status, headers: { "Cache-Control": "no-store", "Access-Control-Allow-Origin": "*" } });
}

export function unavailable(): Response {
  return badRequest(404, "no_campaign", "No campaign is published yet.");
}
