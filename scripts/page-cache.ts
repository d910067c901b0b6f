import { readFileSync, rmSync } from "node:fs";
import path from "node:path";

/**
 * Public pages are cached on disk in the build folder (Next's incremental cache). A cached page
 * belongs to the database it was rendered from, which may have been restored, reseeded or
 * swapped while the server was down: drop the cache before a server starts, so the first
 * visitor of each page gets it freshly rendered from the database now in use.
 *
 * That includes the public pages the build rendered (static routes such as / and /projects, on
 * the build's empty database, scripts/start.ts): every prerendered page that is revalidated (the
 * build's manifest gives it a revalidate time) is removed; fully static ones (/status, the icon)
 * are kept.
 */
export function clearPageCache(distDir: string): void {
  for (const dir of [path.join(distDir, "server", "route-cache"), path.join(distDir, "cache", "fetch-cache")]) rmSync(dir, { recursive: true, force: true });
  for (const file of revalidatedPrerenders(distDir)) rmSync(file, { recursive: true, force: true });
}

type PrerenderManifest = { routes?: Record<string, { initialRevalidateSeconds?: number | false; dataRoute?: string | null }> };

/** The files of the build's prerendered pages that are revalidated (public pages), under server/app. */
export function revalidatedPrerenders(distDir: string): string[] {
  let manifest: PrerenderManifest;
  try {
    manifest = JSON.parse(readFileSync(path.join(distDir, "prerender-manifest.json"), "utf8")) as PrerenderManifest;
  } catch {
    return []; // no build yet
  }
  const appDir = path.join(distDir, "server", "app");
  const files: string[] = [];
  for (const [route, entry] of Object.entries(manifest.routes ?? {})) {
    if (typeof entry.initialRevalidateSeconds !== "number" || entry.initialRevalidateSeconds <= 0) continue;
    // "/" is stored as index.*, "/en/projects" as en/projects.*.
    const base = entry.dataRoute?.endsWith(".rsc") ? entry.dataRoute.slice(0, -".rsc".length) : route === "/" ? "/index" : route;
    const full = path.join(appDir, base);
    if (!full.startsWith(appDir + path.sep)) continue;
    for (const ext of [".html", ".rsc", ".meta", ".segments", ".body"]) files.push(full + ext);
  }
  return files;
}
