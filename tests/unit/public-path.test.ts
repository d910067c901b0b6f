import { describe, expect, it } from "vitest";
// @ts-expect-error Next.js's own compiled path-to-regexp (the one its rewrites use) has no types.
import { pathToRegexp } from "next/dist/compiled/path-to-regexp";
import nextConfig from "@/next.config";
import { publicPageUrl } from "../../scripts/public-path.mjs";

/*
 * The front server maps a public URL to its /zh page itself (scripts/public-path.mjs), so Next.js
 * need not match and apply its rewrite twice per request (issue #17). The mapping must stay the
 * one next.config.ts declares: here every path is put through both.
 */

type Rewrite = { source: string; destination: string };

async function nextRewrite(pathname: string): Promise<string> {
  const rules = (await nextConfig.rewrites!()) as { beforeFiles: Rewrite[] };
  for (const rule of rules.beforeFiles) {
    const keys: { name: string }[] = [];
    const m = pathToRegexp(rule.source, keys).exec(pathname) as RegExpExecArray | null;
    if (!m) continue;
    return keys.reduce((dest, key, i) => dest.replace(`:${key.name}`, m[i + 1]!), rule.destination);
  }
  return pathname;
}

const PATHS = [
  "/", "/projects", "/projects/abc-1", "/indicators/key_investment", "/districts/licheng", "/rankings", "/english", "/statusx", "/cityscape",
  "/zh", "/zh/projects", "/en", "/en/projects", "/status", "/city", "/city/rankings", "/district", "/account", "/login", "/api/v1/photos/1",
  "/_next/static/chunks/a.js", "/icon.svg", "/favicon.ico", "/robots.txt", "/maps/quanzhou.geojson", "/js/print.js",
];

describe("public page URLs mapped in the front server", () => {
  it.each(PATHS)("%s goes to the page next.config.ts's rewrite gives", async (pathname) => {
    expect(publicPageUrl(pathname)).toBe(await nextRewrite(pathname));
  });

  it("keeps the query", () => {
    expect(publicPageUrl("/projects?page=50&sector=2")).toBe("/zh/projects?page=50&sector=2");
    expect(publicPageUrl("/?month=2023-10")).toBe("/zh?month=2023-10");
    expect(publicPageUrl("/status?x=1")).toBe("/status?x=1");
  });

  it("leaves percent-encoded and odd paths to Next.js's own rewrite", () => {
    for (const url of ["/%E6%B3%89%E5%B7%9E", "/a//b", "/./projects", "/projects/../city", "/项目"]) expect(publicPageUrl(url)).toBe(url);
  });
});
