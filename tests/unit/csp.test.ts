import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, frontHeaders, isPublicPagePath } from "@/app/_lib/csp.mjs";

/*
 * The headers the front server puts on every response (scripts/server.mjs, issue #17): what
 * next.config.ts's header rules gave before — the security headers everywhere, and the public
 * pages' fixed policy (with HSTS over HTTPS) outside the areas proxy.ts serves per request.
 */

const asMap = (url: string, https: boolean) => new Map(frontHeaders(url, https).map(([k, v]) => [k.toLowerCase(), v]));

describe("front headers", () => {
  it("every response gets the security headers", () => {
    for (const url of ["/", "/projects/page/2", "/city", "/district/figures?month=2023-10", "/api/v1/projects.json", "/_next/static/chunks/a.js", "/login?next=%2Fcity"]) {
      for (const https of [false, true]) {
        const h = asMap(url, https);
        expect(h.get("x-content-type-options"), url).toBe("nosniff");
        expect(h.get("x-frame-options"), url).toBe("DENY");
        expect(h.get("referrer-policy"), url).toBe("strict-origin-when-cross-origin");
        expect(h.get("permissions-policy"), url).toBe("camera=(), microphone=(), geolocation=()");
      }
    }
  });

  it("a public page gets the fixed policy, upgraded with HSTS over HTTPS", () => {
    for (const url of ["/", "/status", "/districts", "/districts/quangang", "/indicators/key_investment", "/en/projects", "/icon.svg", "/cityscape", "/?x=1"]) {
      expect(isPublicPagePath(url), url).toBe(true);
      const plain = asMap(url, false);
      expect(plain.get("content-security-policy"), url).toBe(contentSecurityPolicy(null, false));
      expect(plain.get("content-security-policy"), url).toContain("script-src 'self' 'unsafe-inline'");
      expect(plain.has("strict-transport-security"), url).toBe(false);
      const https = asMap(url, true);
      expect(https.get("content-security-policy"), url).toContain("upgrade-insecure-requests");
      expect(https.get("strict-transport-security"), url).toBe("max-age=31536000; includeSubDomains");
    }
  });

  it("the per-request areas and the framework's files get no fixed policy (proxy.ts sets theirs)", () => {
    for (const url of ["/city", "/city/", "/city/lagging?month=2023-10", "/district", "/district/figures", "/account/password", "/login", "/login?next=%2Fcity", "/api/v1/projects.json", "/api", "/_next/static/css/a.css", "/_next/image?url=x"]) {
      expect(isPublicPagePath(url), url).toBe(false);
      for (const https of [false, true]) {
        const h = asMap(url, https);
        expect(h.has("content-security-policy"), url).toBe(false);
        expect(h.has("strict-transport-security"), url).toBe(false);
      }
    }
  });
});
