// @ts-check
/**
 * The production HTTP server (`npm start` runs it as a child of scripts/start.ts, which restarts
 * it when it dies). Next.js's own request handler (the documented custom-server API) behind a
 * thin front that does what the app cannot do for itself:
 *
 * - the client address comes from the socket, or from X-Forwarded-For only as far as
 *   TUIJIN_TRUSTED_PROXIES allows; it is handed to the app in `x-tuijin-client-address` (and as
 *   the only X-Forwarded-For entry). Without a trusted proxy, forwarded headers sent by the
 *   client (X-Forwarded-For/-Host/-Port, X-Real-IP, Forwarded) are dropped, so Next.js's own
 *   checks compare against the real Host;
 * - every response carries the security headers, and a public page its fixed
 *   Content-Security-Policy (and HSTS over HTTPS), set here before Next.js answers
 *   (app/_lib/csp.mjs `frontHeaders`; proxy.ts gives per-request pages their nonce policy);
 * - every request that can change something (not GET/HEAD/OPTIONS: server actions, route
 *   handlers) must carry an Origin equal to TUIJIN_PUBLIC_ORIGIN, or to the Host it was sent
 *   to: missing or foreign → 403, malformed → 400;
 * - bodies over the server-action limit (next.config.ts) are refused with 413 before they are
 *   read, and bodies of unknown length with 411, instead of failing inside Next.js with 500;
 * - server-action bodies are read and checked first (scripts/action-body.mjs): a broken one
 *   (junk multipart, no boundary, a reply that is not JSON) is 400, not Next.js's 500;
 * - public pages, and the signed-in pages marked plain, go out as plain HTML, without the
 *   framework's scripts (they hydrate nothing);
 * - the leader's page bodies are kept and put into their pages here (app/_lib/kept-bodies.mjs);
 * - public pages and the build's static files are compressed here (scripts/precompress.mjs):
 *   a page served from the page cache is compressed once, not again for every request; signed-in
 *   pages are compressed here per request, whole, instead of by Next.js's chunk-by-chunk gzip.
 *
 * Plain JavaScript: it runs with `node`, not through a TypeScript loader.
 */
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";
import { CLIENT_ADDRESS_HEADER, FORWARDED_HEADERS, checkMutationOrigin, forwardingSettings, resolveClientAddress } from "../app/_lib/forwarding.mjs";
import { attachBody, checkActionBody, isActionRequest, readBody } from "./action-body.mjs";
import { needsDatabase, sendUnavailable } from "./db-unavailable.mjs";
import { databaseDown, sharedCacheEnabled, startSharedCache } from "./shared-cache.mjs";
import { builtPlainPage, fixedPage, measureTextsOnce, passCompressed } from "./precompress.mjs";
import { backPath, refusalPage, SERVER_ERROR_HTML } from "./error-page.mjs";
import { frontHeaders } from "../app/_lib/csp.mjs";
import { dropTicket, newTicket, TICKET_HEADER } from "../app/_lib/kept-bodies.mjs";

process.env.NODE_ENV = "production";
const root = process.cwd();
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? "0.0.0.0";
const distDir = path.join(root, process.env.NEXT_DIST_DIR || ".next");

/** @param {string} message */
function fail(message) {
  console.error(`[tuijin] ${message}`);
  process.exit(1);
}

let settings;
try {
  settings = forwardingSettings();
} catch (e) {
  fail(e instanceof Error ? e.message : String(e));
}
const { hops, publicOrigin } = settings;
const publicUrl = publicOrigin ? new URL(publicOrigin) : null;

/** The server-action body limit from the build's own copy of next.config (default 1 MB, as Next.js). */
async function bodyLimitBytes() {
  const { default: bytes } = await import("next/dist/compiled/bytes/index.js");
  try {
    const files = JSON.parse(readFileSync(path.join(distDir, "required-server-files.json"), "utf8"));
    const limit = files?.config?.experimental?.serverActions?.bodySizeLimit;
    const parsed = typeof limit === "number" ? limit : typeof limit === "string" ? bytes.parse(limit) : null;
    if (typeof parsed === "number" && parsed > 0) return parsed;
  } catch {
    // No readable build metadata: Next.js will complain about the build itself.
  }
  return 1024 * 1024;
}

/**
 * The front's own refusal: a page with the reason and a way back when a browser posted a form
 * (it asks for HTML), the reason as plain text otherwise (a script's fetch, an API client).
 * @param {import("node:http").ServerResponse} res
 * @param {number} status
 * @param {string} message
 * @param {import("node:http").IncomingMessage} [req]
 */
function refuse(res, status, message, req) {
  const page = req !== undefined && /\btext\/html\b/i.test(String(req.headers.accept ?? ""));
  res.writeHead(status, { "content-type": page ? "text/html; charset=utf-8" : "text/plain; charset=utf-8", connection: "close", "cache-control": "no-store" });
  res.end(page ? refusalPage(message, backPath(one(req.headers.referer))) : message);
}

/**
 * Evidence uploads (photos, documents) post to a route handler with a larger body than server
 * actions get: the file limit (TUIJIN_EVIDENCE_MAX_FILE_MB, default 8, at most 9; see
 * domain/evidence/settings.ts) plus 1 MB for the form's other fields. Only these paths (a
 * project's, problem's, order's or signing's evidence).
 */
const EVIDENCE_UPLOAD = /^\/(?:district\/(?:projects|problems|orders|signings)|city\/orders)\/[1-9]\d{0,8}\/evidence(?:\?|$)/;
function evidenceBodyLimit() {
  const mb = Number(process.env.TUIJIN_EVIDENCE_MAX_FILE_MB);
  const fileMb = Number.isFinite(mb) && mb >= 0.01 && mb <= 9 ? mb : 8;
  return Math.round((fileMb + 1) * 1024 * 1024);
}
/** Pages rendered per user and per request, their route handlers, and sign-in: compressed per request, pages only (precompress.mjs). */
const SIGNED_IN_PATHS = /^\/(?:city|district|account|api|login)(?:[/?]|$)/;
/** The API's route handlers: Next.js compresses those itself, streaming (the open-data API aside). */
const API_PATHS = /^\/api(?:[/?]|$)/;
/** The open-data API (public, the same answer for every caller): its hash-tagged answers are compressed here once. */
const OPEN_DATA_PATHS = /^\/api\/v1(?:[/?]|$)/;
/** TUIJIN_FRONT_COMPRESSION=0 leaves all compression to Next.js (per request), e.g. behind a proxy that compresses. */
const frontCompression = process.env.TUIJIN_FRONT_COMPRESSION !== "0";

/**
 * Pages without a client component go out as plain HTML, without the framework's scripts and the
 * inlined RSC payload (precompress.mjs, withoutRuntime): every public page, and the signed-in
 * pages that carry the plain mark (components/plain-html.tsx: the leader's read-only pages).
 * TUIJIN_PLAIN_HTML=0 sends them as Next.js renders them.
 */
const plainPages = process.env.TUIJIN_PLAIN_HTML !== "0";
/**
 * The leader's page bodies are kept per everything they are made from and put into the page here
 * (app/_lib/kept-bodies.mjs), on plain pages only. TUIJIN_KEPT_BODIES=0 renders every body afresh.
 */
const keptBodies = process.env.TUIJIN_KEPT_BODIES !== "0";

/** The site's 404 page as the build rendered it (app/not-found.tsx), for a public 404 Next.js left bare (precompress.mjs). */
const notFoundPage = builtPlainPage(path.join(distDir, "server", "app", "_not-found.html"));
/** The page for a public page that failed on the server, in place of the bare error document (scripts/error-page.mjs). */
const serverErrorPage = fixedPage(SERVER_ERROR_HTML);
/** How a public page goes out (one object, not one per request). */
const publicPageOptions = { plainPages, compression: frontCompression, notFound: plainPages ? notFoundPage : undefined, serverError: plainPages ? serverErrorPage : undefined };

/** @param {string | string[] | undefined} v */
const one = (v) => (Array.isArray(v) ? v.join(", ") : v);

async function main() {
  if (frontCompression || plainPages) measureTextsOnce();
  // Several instances on a libSQL server: share page-cache revalidations, watch the database.
  if (sharedCacheEnabled()) startSharedCache();
  const { default: next } = await import("next");
  const app = next({ dev: false, dir: root, hostname, port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const maxBody = await bodyLimitBytes();

  /**
   * @param {import("node:http").IncomingMessage} req
   * @param {import("node:http").ServerResponse} res
   * @param {boolean} expectsContinue the client waits for "100 Continue" before sending its body
   */
  const onRequest = (req, res, expectsContinue) => {
    const h = req.headers;
    const address = resolveClientAddress(req.socket.remoteAddress, one(h["x-forwarded-for"]), hops);
    if (hops === 0) for (const name of FORWARDED_HEADERS) delete h[name];
    h[CLIENT_ADDRESS_HEADER] = address;
    delete h[TICKET_HEADER];
    h["x-forwarded-for"] = address;
    if (publicUrl) {
      h["x-forwarded-host"] = publicUrl.host;
      h["x-forwarded-proto"] = publicUrl.protocol.slice(0, -1);
    }
    // The security headers (and a public page's fixed policy) on every response, the front's own
    // refusals and Next.js's redirects included (app/_lib/csp.mjs).
    for (const [name, value] of frontHeaders(req.url ?? "/", h["x-forwarded-proto"] === "https")) res.setHeader(name, value);

    const refusal = checkMutationOrigin({ method: req.method, origin: one(h.origin), host: one(h.host), forwardedHost: one(h["x-forwarded-host"]) }, { hops, publicOrigin });
    if (refusal) return refuse(res, refusal.status, refusal.reason, req);
    if (databaseDown() && needsDatabase(req.method, req.url)) return sendUnavailable(res, req.method === "HEAD");
    if (req.method !== "GET" && req.method !== "HEAD") {
      const length = h["content-length"];
      if (length === undefined && h["transfer-encoding"]) return refuse(res, 411, "请求需要注明长度（Content-Length）", req);
      const limit = req.method === "POST" && EVIDENCE_UPLOAD.test(req.url ?? "") ? Math.max(maxBody, evidenceBodyLimit()) : maxBody;
      if (length !== undefined && Number(length) > limit) return refuse(res, 413, `提交的内容太大（上限 ${Math.floor(limit / 1024 / 1024)} MB）`, req);
    }
    if (expectsContinue) res.writeContinue();
    if (isActionRequest(req)) return void checkThenHandle(req, res);
    if (req.method === "GET") {
      const url = req.url ?? "";
      if (!SIGNED_IN_PATHS.test(url)) {
        return passCompressed(req, res, pass, publicPageOptions);
      }
      // The open-data API's answers are tagged with their content hash (app/api/v1/_lib/respond.ts):
      // compressed here once per hash, where Next.js compressed a 3.4 MB answer again for every caller.
      if (frontCompression && OPEN_DATA_PATHS.test(url)) return passCompressed(req, res, pass, { hashTagged: true });
      if ((frontCompression || plainPages) && !API_PATHS.test(url)) {
        // A page load (not a client router's RSC request, which gets no page to fill) may take a kept body.
        const ticket = keptBodies && plainPages && h.rsc === undefined ? newTicket() : undefined;
        if (ticket) {
          h[TICKET_HEADER] = ticket;
          res.once("close", () => dropTicket(ticket));
        }
        return passCompressed(req, res, pass, { pagesOnly: true, plainPages: plainPages && "marked", compression: frontCompression, ticket });
      }
    }
    pass(req, res);
  };

  /** @type {(req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse) => void} */
  const pass = (req, res) => {
    handle(req, res).catch((e) => {
      console.error("[tuijin] 请求处理失败：", e instanceof Error ? e.message : e);
      if (!res.headersSent) refuse(res, 500, "服务器内部错误");
      else res.end();
    });
  };

  /** @type {(req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse) => Promise<void>} */
  const checkThenHandle = async (req, res) => {
    const body = await readBody(req, maxBody);
    if (body === null) {
      if (!res.headersSent && !req.socket.destroyed) refuse(res, 413, `提交的内容太大（上限 ${Math.floor(maxBody / 1024 / 1024)} MB）`, req);
      return;
    }
    const problem = await checkActionBody(req.headers, body, maxBody);
    if (problem) return refuse(res, 400, problem, req);
    attachBody(req, body);
    pass(req, res);
  };
  const server = createServer((req, res) => onRequest(req, res, false));
  // "Expect: 100-continue": refuse before the body is sent, rather than after.
  server.on("checkContinue", (req, res) => onRequest(req, res, true));

  server.on("error", (e) => fail(`无法在 ${hostname}:${port} 上监听：${e.message}`));
  server.listen(port, hostname, () => {
    // As `next start` does: where Next.js reaches itself (e.g. to render the page a server action redirects to).
    const local = hostname === "0.0.0.0" ? "localhost" : hostname === "::" ? "[::1]" : hostname.includes(":") ? `[${hostname}]` : hostname;
    process.env.__NEXT_PRIVATE_ORIGIN = `http://${local}:${port}`;
    // Tells the supervisor (scripts/start.ts) that this start worked: a later crash is not a broken start.
    process.send?.("ready");
    console.log(`[tuijin] 服务已就绪：http://${local}:${port}（可信代理层数 ${hops}${publicOrigin ? `，公开地址 ${publicOrigin}` : ""}）`);
  });

  let closing = false;
  const shutdown = () => {
    if (closing) return;
    closing = true;
    server.close(() => {
      app.close().finally(() => process.exit(0));
    });
    // Keep-alive connections would hold close() open: give in-flight requests a moment, then go.
    setTimeout(() => process.exit(0), 5000).unref();
    server.closeIdleConnections();
  };
  process.on("SIGTERM", shutdown);
  process.on("SIGINT", shutdown);
  // Started by scripts/start.ts with an IPC channel: if the supervisor dies, do not linger as an orphan.
  process.on("disconnect", shutdown);
}

main().catch((e) => fail(e instanceof Error ? e.message : String(e)));
