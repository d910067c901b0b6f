// @ts-check
/**
 * Chinese public pages live at unprefixed URLs: /projects is /zh/projects, / is /zh. next.config.ts
 * says so with two rewrites, and the front server (scripts/server.mjs) applies the same mapping to
 * a public GET before handing it to Next.js, so Next.js routes the page directly. Profiled on the
 * public indicator page (issue #17): matching and applying the rewrite ran twice per request
 * (router, then the page's own prepare step), about 0.1 ms, a tenth of the request.
 *
 * Only plain ASCII paths are mapped here; anything else (percent-encoded, odd characters) is left
 * to Next.js's own rewrite, which stays in next.config.ts and gives the same page.
 * tests/unit/public-path.test.ts puts each path through both. `TUIJIN_FRONT_REWRITE=0` leaves every
 * public URL to Next.js (to measure the difference).
 */

/** The paths next.config.ts's rewrite leaves alone: English and explicit Chinese pages, staff areas, sign-in, the API, the health page, framework assets, public/ files. */
const NOT_REWRITTEN = /^\/(?:(?:en|zh|api|_next|login|account|city|district|status|maps|js)(?:\/|$)|icon\.svg$|favicon\.ico$|robots\.txt$)/;
const PLAIN_PATH = /^\/[A-Za-z0-9_\-./]*$/;

/**
 * The URL Next.js serves for a public request URL (path and query), or the URL itself when
 * next.config.ts's rewrite would not apply (or is left to do it).
 * @param {string} url
 */
export function publicPageUrl(url) {
  const q = url.indexOf("?");
  const pathname = q < 0 ? url : url.slice(0, q);
  if (!PLAIN_PATH.test(pathname) || pathname.includes("//") || pathname.includes("/.")) return url;
  if (pathname === "/") return `/zh${q < 0 ? "" : url.slice(q)}`;
  if (NOT_REWRITTEN.test(pathname)) return url;
  return `/zh${url}`;
}
