// @ts-check
/**
 * Compression in the front server (scripts/server.mjs), instead of Next.js's per-request gzip:
 * a page Next.js serves from its page cache (`x-nextjs-cache`) and the build's static files are
 * the same bytes for every visitor, so they are compressed once (brotli or gzip) and the
 * compressed bytes are kept, keyed by a hash of the content — a revalidated page has new content
 * and so a new key; nothing here decides freshness. Other public answers (not from the cache) are
 * compressed per request at a fast level. Signed-in pages (HTML and the router's RSC answers) are
 * compressed here too, per request, whole (brotli quality 4 or gzip 6, about 2 ms for a 300 KB
 * dashboard): Next.js's own gzip flushes the stream after every chunk it writes, which cost the
 * dashboard about 10 ms per request, and no page here streams a fallback (no Suspense). Their
 * other answers (downloads, files) pass through untouched (scripts/server.mjs).
 *
 * Plain JavaScript: it runs with `node`, not through a TypeScript loader.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { BODY_HEADER, settleTicket } from "../app/_lib/kept-bodies.mjs";

const COMPRESSIBLE = /^(?:text\/|application\/(?:javascript|json|xml|manifest\+json)|image\/svg\+xml)/;
const MIN_BYTES = 1024;
/** What a signed-in page answers: its HTML, or the router's RSC payload on a client navigation. */
const PAGE_TYPES = /^text\/(?:html|x-component)\b/;
/** An ETag that is a content hash (app/api/v1/_lib/respond.ts): 32 characters of base64url. */
const HASH_TAG = /^"([A-Za-z0-9_-]{32})"$/;
/**
 * Bytes kept by key up to a bound, least recently used first out.
 * @param {number} maxBytes
 */
function boundedBytes(maxBytes) {
  /** @type {Map<string, Buffer>} */
  const entries = new Map();
  let total = 0;
  return {
    /** @param {string} key */
    get(key) {
      const hit = entries.get(key);
      if (hit) {
        // Most recently used last, so eviction takes the oldest.
        entries.delete(key);
        entries.set(key, hit);
      }
      return hit;
    },
    /** @param {string} key @param {Buffer} bytes */
    set(key, bytes) {
      const old = entries.get(key);
      if (old) total -= old.length;
      entries.delete(key);
      entries.set(key, bytes);
      total += bytes.length;
      for (const [k, v] of entries) {
        if (total <= maxBytes) break;
        entries.delete(k);
        total -= v.length;
      }
    },
  };
}

/** Shared answers (public pages, static files): compressed and plain bytes, 64 MB at most. */
const kept = boundedBytes(64 * 1024 * 1024);
/**
 * Signed-in plain pages without anything of their request (signedInOnce): compressed bytes by a
 * SHA-256 of the page, 16 MB at most, apart from the shared answers so that many readers' pages
 * cannot push the public pages out.
 */
const signedIn = boundedBytes(16 * 1024 * 1024);

/** @param {string | string[] | undefined} header @returns {"br" | "gzip" | null} */
export function chooseEncoding(header) {
  const a = Array.isArray(header) ? header.join(",") : (header ?? "");
  const offered = new Map(
    a.split(",").map((part) => {
      const [name, ...params] = part.trim().toLowerCase().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return /** @type {[string, number]} */ ([name ?? "", q ? Number(q.slice(2)) : 1]);
    }),
  );
  const ok = (/** @type {string} */ n) => (offered.get(n) ?? offered.get("*") ?? 0) > 0;
  if (ok("br")) return "br";
  if (ok("gzip")) return "gzip";
  return null;
}

/** @param {Buffer} body @param {"br" | "gzip"} encoding @param {boolean} once */
function compress(body, encoding, once) {
  if (encoding === "br") {
    // Quality 5 is within 1 % of quality 9's size on these pages at a small fraction of its time
    // (9 took 0.1–0.7 s for a 100 KB page here: too slow even once, for the first visitor).
    // The window no larger than the body (brotli's default is 4 MB): a bigger one finds nothing more
    // in a 100 KB page, and the encoder's memory grows with it.
    const lgwin = Math.min(constants.BROTLI_DEFAULT_WINDOW, Math.max(constants.BROTLI_MIN_WINDOW_BITS + 6, Math.ceil(Math.log2(body.length + 1))));
    return brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: once ? 5 : 4, [constants.BROTLI_PARAM_SIZE_HINT]: body.length, [constants.BROTLI_PARAM_LGWIN]: lgwin } });
  }
  return gzipSync(body, { level: 6 });
}

/** If-None-Match names this ETag (or is "*"). @param {string | string[] | undefined} header @param {string} etag */
function matches(header, etag) {
  const list = Array.isArray(header) ? header.join(",") : (header ?? "");
  return list.split(",").some((t) => {
    const tag = t.trim();
    return tag === "*" || tag === etag || tag === `W/${etag}`;
  });
}

/** @param {Buffer} body */
const contentHash = (body) => createHash("sha1").update(body).digest("base64");

/**
 * A page from the page cache reaches `res.end` as one string, the same text for every request.
 * Encoding it as UTF-8 and hashing it cost about 0.25 ms per request on the public home (its
 * ~185 KB of mostly Chinese text), a fifth of the request: the bytes and hash of each text are kept,
 * keyed by the text itself. A long string's lookup compares the text (V8 hashes long strings by
 * length only), at worst a memcmp; the same string object, as Next.js hands its cached page again,
 * compares equal at once. Bounded, oldest first.
 * @type {Map<string, { body: Buffer, hash: string }>}
 */
const encoded = new Map();
let encodedBytes = 0;
const MAX_ENCODED_BYTES = 32 * 1024 * 1024;
/** @param {string} text */
export function encodedOnce(text) {
  const hit = encoded.get(text);
  if (hit) {
    encoded.delete(text);
    encoded.set(text, hit);
    return hit;
  }
  const body = Buffer.from(text, "utf8");
  const entry = { body, hash: contentHash(body) };
  encoded.set(text, entry);
  encodedBytes += text.length * 2 + body.length;
  for (const [k, v] of encoded) {
    if (encodedBytes <= MAX_ENCODED_BYTES) break;
    encoded.delete(k);
    encodedBytes -= k.length * 2 + v.body.length;
  }
  return entry;
}

/**
 * Next.js sets a page's Content-Length from `Buffer.byteLength` of the page cache's text on every
 * request, before the text reaches `res.end` here (send-payload.js, sendRenderResult). On the
 * public home that text (the page with its inlined RSC payload, about 180,000 characters, mostly
 * Chinese) took about 140 µs per request to measure, a tenth of the request's CPU and more than the
 * whole difference to the static reference (session 15's profile). The texts encoded above already
 * know their length: `Buffer.byteLength` answers from them when asked about the same text, and
 * measures anything else as before (`measureTextsOnce`, installed by scripts/server.mjs). A lookup
 * of a long string is by identity first (the page cache hands the same string object again);
 * another string of the same length is compared, at worst as long as measuring it.
 */
const LONG_TEXT = 16 * 1024;
let measuring = false;
export function measureTextsOnce() {
  if (measuring) return;
  measuring = true;
  const measure = Buffer.byteLength;
  /** @type {typeof Buffer.byteLength} */
  const byteLength = (value, encoding) => {
    if (typeof value === "string" && value.length >= LONG_TEXT && (encoding === undefined || encoding === "utf8" || encoding === "utf-8")) {
      const known = encoded.get(value);
      if (known) return known.body.length;
    }
    return measure(value, encoding);
  };
  Buffer.byteLength = byteLength;
}

/**
 * A page as plain HTML: the page Next.js rendered, without the framework's scripts — the client
 * runtime, the router, and the RSC payload inlined for hydration (1.7–2 × the page's own HTML).
 * Such a page has no client component, so nothing on it needs hydrating: links are plain links,
 * forms are GET forms or server-action forms (which post without JavaScript), and the page reads
 * the same with or without JavaScript. The app's own scripts from `public/` (a `src` outside
 * `/_next/`, e.g. the print button's) stay.
 * Inline scripts never contain a literal `</script>` (React and Next.js escape `<` in them), and
 * page text or attributes never contain a literal `<script` (they are HTML-escaped).
 * @template {string | Buffer} T
 * @param {T} html
 * @returns {T}
 */
export function withoutRuntime(html) {
  return typeof html === "string" ? withoutRuntimeBytes(Buffer.from(html, "utf8")).toString("utf8") : withoutRuntimeBytes(html);
}
const OWN_SRC = /\bsrc="\/(?!_next\/|\/)[^"]*"/;
const OWN_HREF = /\bhref="\/(?!_next\/|\/)[^"]*"/;
const SCRIPT_OPEN = Buffer.from("<script");
const SCRIPT_CLOSE = Buffer.from("</script>");
const LINK_OPEN = Buffer.from("<link");
/** After "<script" or "<link": the name ends (">", "/" or white space), so "<scripts" is not one. */
const endsName = (/** @type {number | undefined} */ c) => c === 0x3e || c === 0x2f || c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0c;

/**
 * withoutRuntime on the bytes, without decoding the page: tags and attribute names are ASCII, so
 * a tag read as latin1 tests the same as read as UTF-8 (decoding and encoding a 270 KB page cost
 * about 3 ms of the 4 the string version took, measured on the 1M set's dashboard).
 * @param {Buffer} html
 */
function withoutRuntimeBytes(html) {
  /** @type {Buffer[]} */
  const parts = [];
  let from = 0;
  for (let i = html.indexOf(SCRIPT_OPEN, from); i >= 0; i = html.indexOf(SCRIPT_OPEN, from)) {
    if (!endsName(html[i + SCRIPT_OPEN.length])) {
      parts.push(html.subarray(from, i + SCRIPT_OPEN.length));
      from = i + SCRIPT_OPEN.length;
      continue;
    }
    const gt = html.indexOf(0x3e, i);
    const end = gt < 0 ? -1 : html.indexOf(SCRIPT_CLOSE, gt);
    if (end < 0) break;
    parts.push(html.subarray(from, i));
    if (OWN_SRC.test(html.latin1Slice(i, gt + 1))) parts.push(html.subarray(i, end + SCRIPT_CLOSE.length));
    from = end + SCRIPT_CLOSE.length;
  }
  parts.push(html.subarray(from));
  const scriptless = Buffer.concat(parts);
  parts.length = 0;
  from = 0;
  for (let i = scriptless.indexOf(LINK_OPEN, from); i >= 0; i = scriptless.indexOf(LINK_OPEN, from)) {
    const gt = scriptless.indexOf(0x3e, i);
    if (gt < 0) break;
    const tag = scriptless.latin1Slice(i, gt + 1);
    const drop = endsName(scriptless[i + LINK_OPEN.length]) && ((/\bas="script"/.test(tag) && !OWN_HREF.test(tag)) || /\brel="modulepreload"/.test(tag));
    parts.push(scriptless.subarray(from, drop ? i : gt + 1));
    from = gt + 1;
  }
  parts.push(scriptless.subarray(from));
  return Buffer.concat(parts);
}

/**
 * Next.js answers a 404 of a cached dynamic page (notFound() on /indicators/<unknown code>, or
 * /projects/page/<past the end>) with a bare error document: `<html id="__next_error__">` with an
 * empty body, the not-found page only in the RSC payload for the client to render (Next.js issue
 * 97000 describes the same document for another dynamic 404). A plain page goes out without that
 * payload, so the visitor saw a blank page. Such an answer gets the site's 404 page instead
 * (`notFound`, what the build rendered from app/not-found.tsx), status kept; a failed page (500,
 * the same bare document) gets the fixed error page of scripts/error-page.mjs (`serverError`).
 */
const BARE_ERROR_DOCUMENT = Buffer.from('<html id="__next_error__"');

/**
 * A fixed page (scripts/error-page.mjs) as bytes with its hash, for `serverError`.
 * @param {string} html
 * @returns {() => { body: Buffer, hash: string }}
 */
export function fixedPage(html) {
  const body = Buffer.from(html, "utf8");
  const page = { body, hash: contentHash(body) };
  return () => page;
}

/**
 * A page the build rendered (a file under the build's server/app), as plain HTML with its hash;
 * read once. Null when the file is not there.
 * @param {string} file
 * @returns {() => { body: Buffer, hash: string } | null}
 */
export function builtPlainPage(file) {
  /** @type {{ body: Buffer, hash: string } | null | undefined} */
  let page;
  return () => {
    if (page === undefined) {
      try {
        const body = withoutRuntimeBytes(readFileSync(file));
        page = { body, hash: contentHash(body) };
      } catch {
        page = null;
      }
    }
    return page;
  };
}

/**
 * The mark a signed-in page carries when it may go out plain (components/plain-html.tsx): React
 * writes it into the head as `<meta name="tuijin-runtime" content="none"/>`. Page text cannot
 * contain it (HTML-escaped).
 */
const PLAIN_MARK = Buffer.from('<meta name="tuijin-runtime" content="none"');

/** withoutRuntime for a body; a shared body (from the page cache) is converted once and kept. @param {Buffer} body @param {string | null} hash */
function plainPage(body, hash) {
  const key = hash && `plain:${hash}`;
  const hit = key ? kept.get(key) : undefined;
  if (hit) return hit;
  const bytes = withoutRuntimeBytes(body);
  if (key) kept.set(key, bytes);
  return bytes;
}

/**
 * The compressed bytes of a shared body, computed on first use and kept.
 * @param {Buffer} body @param {"br" | "gzip"} encoding @param {string} [hash] of the body, or of what it was made from
 */
export function compressedOnce(body, encoding, hash = contentHash(body)) {
  const key = `${encoding}:${hash}`;
  const hit = kept.get(key);
  if (hit) return { bytes: hit, hit: true };
  const bytes = compress(body, encoding, true);
  kept.set(key, bytes);
  return { bytes, hit: false };
}

/**
 * A signed-in plain page without the request's CSP nonce. The nonce (proxy.ts, one per request)
 * is all that differs between two loads of a leader's page from a kept body; it lets the
 * framework's inline scripts run, and a plain page has none left: only the app's own scripts from
 * `public/`, by `src` (withoutRuntime). So the page goes out without the nonce attributes and with
 * the script policy `'self'` alone — stricter than the public pages' fixed policy, which allows
 * inline scripts — and two loads of the same page by the same reader are the same bytes, which
 * signedInOnce compresses once. Null when the answer has no nonce policy to take out.
 * @param {Buffer} page @param {import("node:http").ServerResponse} res
 */
export function withoutNonce(page, res) {
  const policy = res.getHeader("content-security-policy");
  const nonce = typeof policy === "string" ? /'nonce-([A-Za-z0-9+/=_-]+)'/.exec(policy)?.[1] : undefined;
  if (!policy || !nonce) return null;
  const attribute = Buffer.from(` nonce="${nonce}"`);
  /** @type {Buffer[]} */
  const parts = [];
  let from = 0;
  for (let i = page.indexOf(attribute); i >= 0; i = page.indexOf(attribute, from)) {
    parts.push(page.subarray(from, i));
    from = i + attribute.length;
  }
  parts.push(page.subarray(from));
  res.setHeader("content-security-policy", String(policy).replace(` 'nonce-${nonce}'`, "").replace(" 'strict-dynamic'", ""));
  return Buffer.concat(parts);
}

/**
 * The compressed bytes of a signed-in plain page without its nonce (withoutNonce), by a SHA-256
 * of the page: the next load of the same page with the same data by the same reader (a leader's
 * page from its kept body) costs a hash, about 0.06 ms for the 105 KB dashboard, instead of a
 * compression, about 1.2 ms. The key is the whole page's digest, so bytes go only to a request
 * whose page is the same, byte for byte.
 * @param {Buffer} page @param {"br" | "gzip"} encoding
 */
export function signedInOnce(page, encoding) {
  const key = `${encoding}:${createHash("sha256").update(page).digest("base64")}`;
  const hit = signedIn.get(key);
  if (hit) return { bytes: hit, hit: true };
  const bytes = compress(page, encoding, false);
  signedIn.set(key, bytes);
  return { bytes, hit: false };
}

/**
 * Handles one GET through `pass` (Next.js's handler), compressing its answer here. The request
 * reaches Next.js without Accept-Encoding (so Next.js does not compress it itself); the answer
 * is collected and sent compressed when it is worth it.
 * @param {import("node:http").IncomingMessage} req
 * @param {import("node:http").ServerResponse} res
 * @param {(req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse) => void} pass
 * `plainPages`: an HTML answer goes out without the framework's scripts (withoutRuntime), also
 * to a client that takes no compression; `"marked"`: only a page that carries the plain mark
 * (PLAIN_MARK). `compression: false` leaves the answer uncompressed. `ticket`: the request's
 * kept-body ticket (app/_lib/kept-bodies.mjs), settled on the whole page. `hashTagged`: only an
 * answer whose ETag is a content hash (`"` + 32 characters of base64url + `"`, as the open-data
 * API tags its answers: app/api/v1/_lib/respond.ts) is collected, as a shared answer under that
 * hash (compressed once per hash, not hashed again); anything else goes out as Next.js writes it.
 * `notFound`, `serverError`: the pages sent in place of Next.js's bare error document on a 404 and
 * on a 500 (BARE_ERROR_DOCUMENT).
 * @param {{ pagesOnly?: boolean, hashTagged?: boolean, plainPages?: boolean | "marked", compression?: boolean, ticket?: string, notFound?: () => { body: Buffer, hash: string } | null, serverError?: () => { body: Buffer, hash: string } | null }} [options]
 */
export function passCompressed(req, res, pass, { pagesOnly = false, hashTagged = false, plainPages = false, compression = true, ticket, notFound, serverError } = {}) {
  const encoding = req.method === "GET" && compression ? chooseEncoding(req.headers["accept-encoding"]) : null;
  if (!encoding && !plainPages && !ticket) return pass(req, res);
  delete req.headers["accept-encoding"];
  const staticFile = (req.url ?? "").startsWith("/_next/static/");
  /** @type {Buffer[]} */
  const chunks = [];
  const original = { writeHead: res.writeHead, write: res.write, end: res.end, flushHeaders: res.flushHeaders };
  const take = (/** @type {unknown} */ chunk, /** @type {unknown} */ enc) => {
    if (chunk == null || chunk === "" || keptBytes) return;
    chunks.push(Buffer.isBuffer(chunk) ? chunk : chunk instanceof Uint8Array ? Buffer.from(chunk) : Buffer.from(String(chunk), typeof enc === "string" ? /** @type {BufferEncoding} */ (enc) : "utf8"));
  };
  /**
   * pagesOnly: at the first header or body, an answer that is not a page (a download, a file)
   * gets the response back as it was and goes out as Next.js writes it, streamed, uncompressed.
   */
  // Not by putting the original methods back: Next.js wraps these methods again after this point
  // (its compression layer), and replacing its wrappers mid-response leaves the response unfinished.
  let decided = !pagesOnly && !hashTagged;
  let page = true;
  /** @type {string | undefined} */
  let taggedHash;
  /** A hash-tagged answer's compressed bytes kept from an earlier request: its body need not be collected. */
  /** @type {Buffer | undefined} */
  let keptBytes;
  const keepsPage = () => {
    if (!decided) {
      decided = true;
      const type = String(res.getHeader("content-type") ?? "");
      if (hashTagged) {
        taggedHash = HASH_TAG.exec(String(res.getHeader("etag") ?? ""))?.[1];
        page = taggedHash !== undefined && COMPRESSIBLE.test(type) && !res.getHeader("content-encoding");
        if (page && encoding && res.statusCode === 200) keptBytes = kept.get(`${encoding}:${taggedHash}`);
      } else page = PAGE_TYPES.test(type) && !res.getHeader("content-encoding");
    }
    return page;
  };
  // Headers are set on the response, not sent, until the whole body is here.
  res.writeHead = /** @type {any} */ (
    function (/** @type {number} */ status, /** @type {any} */ reason, /** @type {any} */ headers) {
      res.statusCode = status;
      const h = typeof reason === "object" && reason !== null ? reason : headers;
      if (typeof reason === "string") res.statusMessage = reason;
      if (Array.isArray(h)) for (let i = 0; i + 1 < h.length; i += 2) res.setHeader(h[i], h[i + 1]);
      else if (h) for (const [k, v] of Object.entries(h)) if (v !== undefined) res.setHeader(k, v);
      if (!keepsPage()) original.writeHead.call(res, status);
      return res;
    }
  );
  res.flushHeaders = () => {
    if (!keepsPage()) original.flushHeaders.call(res);
  };
  res.write = /** @type {any} */ (
    function (/** @type {unknown} */ chunk, /** @type {unknown} */ enc, /** @type {unknown} */ cb) {
      if (!keepsPage()) return original.write.call(res, /** @type {any} */ (chunk), /** @type {any} */ (enc), /** @type {any} */ (cb));
      take(chunk, enc);
      const done = typeof enc === "function" ? enc : cb;
      if (typeof done === "function") process.nextTick(done);
      return true;
    }
  );
  res.end = /** @type {any} */ (
    function (/** @type {unknown} */ chunk, /** @type {unknown} */ enc, /** @type {unknown} */ cb) {
      if (!keepsPage()) return original.end.call(res, /** @type {any} */ (chunk), /** @type {any} */ (enc), /** @type {any} */ (cb));
      Object.assign(res, original);
      const done = [chunk, enc, cb].find((f) => typeof f === "function");
      if (keptBytes && encoding && taggedHash) {
        // The same content as before, by its hash: the bytes compressed then, the tag of that representation.
        const etag = `"${taggedHash}-${encoding}"`;
        res.setHeader("etag", etag);
        const vary = String(res.getHeader("vary") ?? "");
        if (!/\baccept-encoding\b/i.test(vary)) res.setHeader("vary", vary ? `${vary}, Accept-Encoding` : "Accept-Encoding");
        if (matches(req.headers["if-none-match"], etag)) {
          res.statusCode = 304;
          for (const name of ["content-type", "content-length", "content-encoding"]) res.removeHeader(name);
          return res.end(/** @type {any} */ (done));
        }
        res.setHeader("content-encoding", encoding);
        res.setHeader("content-length", keptBytes.length);
        return res.end(keptBytes, /** @type {any} */ (done));
      }
      const type = String(res.getHeader("content-type") ?? "");
      const shared = staticFile || taggedHash !== undefined || res.getHeader("x-nextjs-cache") !== undefined;
      /** @type {Buffer} */ let body;
      /** @type {string | undefined} */ let hash;
      if (shared && chunks.length === 0 && typeof chunk === "string" && (typeof enc !== "string" || /^utf-?8$/i.test(enc))) {
        ({ body, hash } = encodedOnce(chunk));
      } else {
        if (typeof chunk !== "function") take(chunk, enc);
        // One chunk (a kept answer written at once) is not copied again.
        body = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
        hash = taggedHash ?? (shared ? contentHash(body) : undefined);
      }
      const instead = res.statusCode === 404 ? notFound : res.statusCode === 500 ? serverError : undefined;
      if (instead && /^text\/html\b/.test(type) && body.includes(BARE_ERROR_DOCUMENT)) {
        const page = instead();
        if (page) ({ body, hash } = page);
      }
      const plain = plainPages !== false && /^text\/html\b/.test(type) && !res.getHeader("content-encoding") && (plainPages === true || body.includes(PLAIN_MARK));
      if (plain) body = plainPage(body, hash ?? null);
      if (ticket && /^text\/html\b/.test(type)) {
        const settled = settleTicket(ticket, body, res.statusCode === 200 && !res.getHeader("content-encoding"));
        body = settled.page;
        if (settled.how) res.setHeader(BODY_HEADER, settled.how);
      }
      // A signed-in plain page: the same bytes each time once its nonce is out (withoutNonce).
      const own = plain && !hash && res.statusCode === 200 && !res.headersSent ? withoutNonce(body, res) : null;
      if (own) body = own;
      const worth = encoding !== null && res.statusCode === 200 && body.length >= MIN_BYTES && COMPRESSIBLE.test(type) && !res.getHeader("content-encoding");
      if (compression && COMPRESSIBLE.test(type) && !res.getHeader("content-encoding")) {
        // What goes out depends on Accept-Encoding, compressed or not, 200 or 304: say so to caches.
        const vary = String(res.getHeader("vary") ?? "");
        if (!/\baccept-encoding\b/i.test(vary)) res.setHeader("vary", vary ? `${vary}, Accept-Encoding` : "Accept-Encoding");
      }
      if (hash && res.statusCode === 200) {
        // The validator of a shared answer, from the hash already taken (next.config.ts turns
        // Next.js's own off: it hashed every cached page again, in JavaScript, on every request).
        // One per representation: plain or not, and each encoding.
        const etag = `"${hash.replace(/[+/=]/g, (c) => (c === "+" ? "-" : c === "/" ? "_" : ""))}${plain ? "-p" : ""}${worth ? `-${encoding}` : ""}"`;
        res.setHeader("etag", etag);
        if (matches(req.headers["if-none-match"], etag)) {
          res.statusCode = 304;
          for (const name of ["content-type", "content-length", "content-encoding"]) res.removeHeader(name);
          return res.end(/** @type {any} */ (done));
        }
      }
      if (!worth) {
        if (!res.headersSent) res.setHeader("content-length", body.length);
        return res.end(body, /** @type {any} */ (done));
      }
      const bytes = hash ? compressedOnce(body, encoding, hash).bytes : own ? signedInOnce(body, encoding).bytes : compress(body, encoding, false);
      res.setHeader("content-encoding", encoding);
      res.setHeader("content-length", bytes.length);
      return res.end(bytes, /** @type {any} */ (done));
    }
  );
  pass(req, res);
}
