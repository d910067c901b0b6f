// @ts-check
/**
 * Next.js `cacheHandler` (next.config.ts): Next's own file-system page cache, plus telling the
 * other app instances which tags were revalidated (scripts/shared-cache.mjs explains the design).
 * Without the shared poll running (a single instance on a file, the build) it is exactly the
 * default handler.
 */
import FileSystemCacheModule from "next/dist/server/lib/incremental-cache/file-system-cache.js";
import { publishRevalidation } from "./shared-cache.mjs";

/** @type {any} */
const FileSystemCache = /** @type {any} */ (FileSystemCacheModule).default ?? FileSystemCacheModule;

export default class SharedTagsCacheHandler extends FileSystemCache {
  /**
   * @param {string | string[]} tags
   * @param {unknown} [durations]
   */
  async revalidateTag(tags, durations) {
    await super.revalidateTag(tags, durations);
    const list = typeof tags === "string" ? [tags] : tags;
    if (list.length > 0) await publishRevalidation(list);
  }
}
