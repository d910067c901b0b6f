/**
 * The Content-Security-Policy, in one place. Pages rendered per request (proxy.ts) get a script
 * nonce; the public pages, cached and shared by everyone, cannot carry one and get the fixed
 * policy (next.config.ts headers). Over HTTPS the policy also upgrades insecure requests.
 * Imported by next.config.ts: no imports of its own.
 */
export function contentSecurityPolicy(nonce: string | null, https: boolean): string {
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
