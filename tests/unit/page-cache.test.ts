import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { clearPageCache } from "../../scripts/page-cache";

/**
 * The build renders the public pages of static routes (/, /projects, /en, …) on an empty database
 * of its own (scripts/start.ts). Those copies must never reach a visitor: before a server starts,
 * clearPageCache drops them with the runtime page cache, and keeps what is static for good.
 */
describe("clearPageCache", () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  function distWith(routes: Record<string, { initialRevalidateSeconds: number | false; dataRoute: string | null }>, files: string[]): string {
    const dist = mkdtempSync(path.join(tmpdir(), "tuijin-dist-"));
    dirs.push(dist);
    writeFileSync(path.join(dist, "prerender-manifest.json"), JSON.stringify({ version: 4, routes, dynamicRoutes: {} }));
    for (const f of files) {
      const full = path.join(dist, f);
      mkdirSync(path.dirname(full), { recursive: true });
      writeFileSync(full, "x");
    }
    return dist;
  }

  it("removes the build's copies of revalidated pages, in both languages, and the runtime cache; keeps static pages and compiled code", () => {
    const dist = distWith(
      {
        "/": { initialRevalidateSeconds: 3600, dataRoute: "/index.rsc" },
        "/en": { initialRevalidateSeconds: 3600, dataRoute: "/en.rsc" },
        "/en/projects": { initialRevalidateSeconds: 3600, dataRoute: "/en/projects.rsc" },
        "/status": { initialRevalidateSeconds: false, dataRoute: "/status.rsc" },
        "/icon.svg": { initialRevalidateSeconds: false, dataRoute: null },
      },
      [
        "server/app/index.html", "server/app/index.rsc", "server/app/index.meta", "server/app/index.segments/_tree.segment.rsc",
        "server/app/en.html", "server/app/en.rsc", "server/app/en/projects.html", "server/app/en/projects.meta",
        "server/app/en/page.js", "server/app/(public)/(zh)/page.js",
        "server/app/status.html", "server/app/status.rsc", "server/app/icon.svg.body",
        "server/route-cache/APP_PAGE/abc/$/zh.rsc", "cache/fetch-cache/x",
      ],
    );
    clearPageCache(dist);
    const exists = (f: string) => existsSync(path.join(dist, f));
    for (const gone of ["server/app/index.html", "server/app/index.rsc", "server/app/index.meta", "server/app/index.segments", "server/app/en.html", "server/app/en.rsc", "server/app/en/projects.html", "server/app/en/projects.meta", "server/route-cache", "cache/fetch-cache"]) {
      expect(exists(gone), gone).toBe(false);
    }
    for (const kept of ["server/app/en/page.js", "server/app/(public)/(zh)/page.js", "server/app/status.html", "server/app/status.rsc", "server/app/icon.svg.body"]) {
      expect(exists(kept), kept).toBe(true);
    }
  });

  it("does nothing harmful without a build, or with a manifest naming a path outside the app folder", () => {
    const empty = mkdtempSync(path.join(tmpdir(), "tuijin-dist-"));
    dirs.push(empty);
    expect(() => clearPageCache(empty)).not.toThrow();
    const dist = distWith({ "/../../outside": { initialRevalidateSeconds: 60, dataRoute: "/../../outside.rsc" } }, ["outside.html"]);
    clearPageCache(dist);
    expect(existsSync(path.join(dist, "outside.html"))).toBe(true);
  });
});
