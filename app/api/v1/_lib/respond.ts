import "server-only";
import { createHash } from "node:crypto";
import { getMetaValue } from "@/db/queries/meta";

/*
 * Responses of the open-data API (/api/v1). Every route here is a read-only GET of public data
 * (approved figures, public records) built by app/(public)/_lib/open-data.ts: no session, no
 * guard beyond "public data only", the same for every caller.
 */

/** Clients and shared caches may keep a copy a minute, then revalidate with the ETag. */
const CACHE_CONTROL = "public, max-age=60, stale-while-revalidate=300";

export const JSON_TYPE = "application/json; charset=utf-8";
export const CSV_TYPE = "text/csv; charset=utf-8; header=present";

/**
 * The ETag: a hash of the body, 32 characters of base64url. The front server (scripts/server.mjs)
 * takes an open-data answer with such an ETag as shared: it compresses it once per hash and tags
 * each representation "<hash>-br" / "<hash>-gzip".
 */
function etagOf(body: string | Buffer): string {
  return `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;
}

/** Whether If-None-Match holds the tag or one of its compressed representations' (the same bytes). */
function holds(header: string | null, etag: string): boolean {
  return ["", "-br", "-gzip"].some((suffix) => matchesEtag(header, `${etag.slice(0, -1)}${suffix}"`));
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
  const bytes = Buffer.from(body, "utf8");
  return sendBytes(request, bytes, etagOf(bytes), contentType, filename);
}

function sendBytes(request: Request, bytes: Buffer, etag: string, contentType: string, filename?: string): Response {
  const headers = baseHeaders(etag);
  if (holds(request.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers });
  headers.set("Content-Type", contentType);
  if (filename) headers.set("Content-Disposition", `inline; filename="${filename}"`);
  if (request.method === "HEAD") return new Response(null, { status: 200, headers });
  // As a stream of the kept bytes: a Uint8Array body would be copied whole for every response.
  // A plain (not byte) stream hands the view on as it is; nothing downstream writes into it.
  const view = new Uint8Array(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.length);
  return new Response(
    new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(view);
        controller.close();
      },
    }),
    { status: 200, headers },
  );
}

export function jsonResponse(request: Request, data: unknown): Response {
  return openDataResponse(request, JSON.stringify(data), JSON_TYPE);
}

/** What an open-data route builds: the body once, for every caller until the data changes. */
export interface OpenDataBody {
  body: string;
  contentType: string;
  filename?: string;
}

interface KeptBody {
  version: string;
  at: number;
  bytes: Buffer;
  etag: string;
  contentType: string;
  filename?: string;
}

/**
 * Open-data answers kept per URL (path and query) until the data changes: issue #17 measured
 * /api/v1/indicators.json at 3.4 MB and 40–150 ms of the server's one thread per request on the
 * 1M-row city — the cached dataset parsed back from the page cache, filtered, serialised, hashed
 * and encoded again for every caller. Kept here: the UTF-8 bytes and their hash (the ETag).
 * Compression is the front server's (scripts/precompress.mjs), once per hash: Next.js drops a
 * route handler's own Content-Encoding.
 *
 * Fresh as the data: an entry is used only while app_meta.data_version (bumped by every data
 * write, on any instance: db/client.ts) is the one it was built under, and for at most `keepMs`
 * (a minute, the Cache-Control max-age clients are already told they may keep a copy). The version
 * is read before the build, so a write during it leaves newer data under an older version, which
 * the next request rebuilds. Bounded: at most `maxBytes` of bodies, the least recently used
 * dropped first.
 */
export function openDataKeeper(options: { version: () => Promise<string>; now?: () => number; keepMs?: number; maxBytes?: number }) {
  const now = options.now ?? Date.now;
  const keepMs = options.keepMs ?? 60_000;
  const maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
  const store = new Map<string, KeptBody>();
  let total = 0;

  const drop = (key: string) => {
    const entry = store.get(key);
    if (!entry) return;
    store.delete(key);
    total -= entry.bytes.length;
  };

  return {
    /** Entries kept now (for tests). */
    get size() {
      return store.size;
    },
    /**
     * The answer to an open-data GET or HEAD: `build` runs only when no kept body is current; a
     * Response it returns (a refusal, "no campaign") goes out as it is and is not kept.
     */
    async respond(request: Request, build: () => Promise<OpenDataBody | Response>): Promise<Response> {
      const url = new URL(request.url);
      const key = url.pathname + url.search;
      const version = await options.version();
      let entry = store.get(key);
      if (entry && (entry.version !== version || now() - entry.at > keepMs)) {
        drop(key);
        entry = undefined;
      }
      if (entry) {
        // Most recently used last.
        store.delete(key);
        store.set(key, entry);
      } else {
        const built = await build();
        if (built instanceof Response) return built;
        const bytes = Buffer.from(built.body, "utf8");
        entry = { version, at: now(), bytes, etag: etagOf(bytes), contentType: built.contentType, filename: built.filename };
        if (bytes.length <= maxBytes) {
          // Another request may have built the same URL meanwhile: its entry is replaced, not counted twice.
          drop(key);
          store.set(key, entry);
          total += bytes.length;
          for (const old of store.keys()) {
            if (total <= maxBytes) break;
            if (old !== key) drop(old);
          }
        }
      }
      return sendBytes(request, entry.bytes, entry.etag, entry.contentType, entry.filename);
    },
  };
}

const keeper = openDataKeeper({ version: async () => (await getMetaValue("data_version")) ?? "0" });

/** An open-data answer kept until the data changes (openDataKeeper). */
export function keptOpenData(request: Request, build: () => Promise<OpenDataBody | Response>): Promise<Response> {
  return keeper.respond(request, build);
}

/** A client error in the same shape everywhere: { error: { code, message } }. */
export function badRequest(status: 400 | 404, code: string, message: string): Response {
  return Response.json({ error: { code, message } }, { status, headers: { "Cache-Control": "no-store", "Access-Control-Allow-Origin": "*" } });
}

export function unavailable(): Response {
  return badRequest(404, "no_campaign", "No campaign is published yet.");
}
