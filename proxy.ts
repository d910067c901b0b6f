import { NextResponse, type NextRequest } from "next/server";

/*
 * NOT the security boundary. Every page, action and route handler checks permission itself
 * (app/_lib/guards.ts); middleware-style checks have been bypassed before (CVE-2025-29927).
 * This file does two conveniences only:
 * - a per-request CSP nonce, so dynamic pages run no inline script the server did not write
 *   (cached public pages get a fixed policy instead);
 * - a redirect to sign-in for staff pages when there is no session cookie at all.
 */

const STAFF_PREFIXES = ["/account", "/city", "/district"];
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const https = request.headers.get("x-forwarded-proto") === "https" || request.nextUrl.protocol === "https:";

  if (STAFF_PREFIXES.some((p) => pathname === p || pathname.startsWith(p + "/"))) {
    const hasCookie = SESSION_COOKIES.some((name) => request.cookies.get(name)?.value || request.cookies.getAll().some((c) => c.name.startsWith(name + ".")));
    if (!hasCookie && request.method === "GET") {
      const url = request.nextUrl.clone();
      url.pathname = "/login";
      url.search = `?next=${encodeURIComponent(pathname + search)}`;
      return NextResponse.redirect(url);
    }
  }

  // Public pages are cached and shared by everyone, so they cannot carry a per-request nonce;
  // they hold no user input and no session. Every other page is rendered per request with one.
  if (isPublicPage(pathname)) {
    // Unprefixed Chinese URLs are rewritten to /zh/… by next.config.ts, after this function: a
    // rewrite returned from here would be fetched over the network (see the comment there).
    const response = NextResponse.next();
    response.headers.set("Content-Security-Policy", policy(null, https));
    if (https) response.headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    return response;
  }

  const nonce = btoa(crypto.randomUUID());
  const csp = policy(nonce, https);

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  if (https) response.headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  return response;
}

const DYNAMIC_PREFIXES = [...STAFF_PREFIXES, "/login", "/api"];

function isPublicPage(pathname: string): boolean {
  return !DYNAMIC_PREFIXES.some((p) => pathname === p || pathname.startsWith(p + "/"));
}

function policy(nonce: string | null, https: boolean): string {
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

export const config = {
  matcher: [
    // Pages only: static files and image optimisation need no nonce.
    { source: "/((?!_next/static|_next/image|favicon.ico|.*\\.(?:png|svg|jpg|ico|css|js|txt|geojson)$).*)" },
  ],
};
