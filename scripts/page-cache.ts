import { rmSync } from "node:fs";
import path from "node:path";

/**
 * Public pages are cached on disk in the build folder (Next's incremental cache). A cached page
 * belongs to the database it was rendered from, which may have been restored, reseeded or
 * swapped while the server was down: drop the cache before a server starts, so the first
 * visitor of each page gets it freshly rendered from the database now in use.
 */
export function clearPageCache(distDir: string): void {
  for (const dir of [path.join(distDir, "server", "route-cache"), path.join(distDir, "cache", "fetch-cache")]) rmSync(dir, { recursive: true, force: true });
}
