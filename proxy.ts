import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, HSTS } from "@/app/_lib/csp.mjs";

/*
 * NOT the security boundary. Every page, action and route handler checks permission itself
 * (app/_lib/guards.ts); middleware-style checks have been bypassed before (CVE-2025-29927).
 * This file does two conveniences only:
 * - a per-request CSP nonce, so dynamic pages run no inline script the server did not write;
 * - a redirect to sign-in for staff pages when there is no session cookie at all.
 * It runs only for the signed-in areas, sign-in and the API (the matcher below). Public pages are
 * cached and shared by everyone, so they cannot carry a per-request nonce; they hold no user
 * input and no session, and get a fixed policy from the front server (app/_lib/csp.mjs,
 * `frontHeaders`) without running this function: its cost on every public request was about 5 %
 * of /status (issue #17).
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

  const nonce = btoa(crypto.randomUUID());
  const csp = contentSecurityPolicy(nonce, https);

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  if (https) response.headers.set("Strict-Transport-Security", HSTS);
  return response;
}

export const config = {
  // The pages rendered per request (signed-in areas, sign-in) and the API. Keep in step with
  // DYNAMIC_PATHS in app/_lib/csp.mjs, which gives every other page the public policy.
  matcher: ["/city/:path*", "/district/:path*", "/account/:path*", "/login/:path*", "/api/:path*"],
};
