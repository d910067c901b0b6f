// @ts-check
/**
 * The response security headers, in one place. Pages rendered per request (proxy.ts) get a script
 * nonce; the public pages, cached and shared by everyone, cannot carry one and get the fixed
 * policy. Over HTTPS the policy also upgrades insecure requests and HSTS is sent.
 *
 * The front server (scripts/server.mjs) puts them on every response before Next.js sees the
 * request (`frontHeaders`), redirects and refusals included. Next.js's own header rules
 * (next.config.ts `headers()`) are used only by `next dev`: in the production server they matched
 * every rule against every request and compiled the policy's text as a path pattern per request
 * (issue #17 profile: 40–80 µs of a cached page, more the more segments its address has).
 *
 * Plain JavaScript so the front server can run it without a build; types in csp.d.mts.
 */

/** @param {string | null} nonce @param {boolean} https */
export function contentSecurityPolicy(nonce, https) {
  return [
    "default-src 'self'",
    nonce ? `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'` : "script-src 'self' 'unsafe-inline'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** Headers every response carries. */
export const SECURITY_HEADERS = Object.freeze([
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
]);

export const HSTS = "max-age=31536000; includeSubDomains";

/**
 * Addresses outside the per-request areas (proxy.ts's matcher: signed-in areas, sign-in, the
 * API) and the framework's files: the public pages (and the site's static files), cached and
 * shared, with the fixed policy.
 */
export const DYNAMIC_PATHS = "city|district|account|login|api";
const NOT_PUBLIC = new RegExp(`^/(?:${DYNAMIC_PATHS}|_next)(?:[/?#]|$)`);

/** @param {string} url a request's path and query */
export function isPublicPagePath(url) {
  return !NOT_PUBLIC.test(url);
}

/** @param {boolean} publicPage @param {boolean} https @returns {readonly (readonly [string, string])[]} */
function headerSet(publicPage, https) {
  /** @type {(readonly [string, string])[]} */
  const out = SECURITY_HEADERS.map((h) => /** @type {const} */ ([h.key, h.value]));
  if (publicPage) {
    out.push(["Content-Security-Policy", contentSecurityPolicy(null, https)]);
    if (https) out.push(["Strict-Transport-Security", HSTS]);
  }
  return Object.freeze(out);
}
const SETS = { other: headerSet(false, false), public: headerSet(true, false), publicHttps: headerSet(true, true) };

/**
 * The headers the front server sets on a response before the app answers: the security headers,
 * and on a public page the fixed policy (with HSTS over HTTPS). A page rendered per request gets
 * its nonce policy and HSTS from proxy.ts instead.
 * @param {string} url the request's path and query
 * @param {boolean} https the request came over HTTPS (X-Forwarded-Proto, as proxy.ts checks)
 */
export function frontHeaders(url, https) {
  return !isPublicPagePath(url) ? SETS.other : https ? SETS.publicHttps : SETS.public;
}
