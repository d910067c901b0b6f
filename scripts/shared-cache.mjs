// @ts-check
/**
 * Freshness across app instances (issue #18). Every instance keeps Next.js's own page cache
 * (memory + the build folder); what they share is *which cache tags were revalidated*, through
 * the database every instance already uses:
 *
 * - when an instance revalidates (revalidatePath/revalidateTag after an approval, a public
 *   record change, an admin refresh), the cache handler (scripts/shared-cache-handler.cjs)
 *   expires the tags locally, as Next.js does, and adds 1 to `app_meta` row
 *   `cache_tag:<tag>` (one atomic upsert, no read-then-write);
 * - every instance reads those rows every POLL_MS (one indexed read of a handful of rows) and,
 *   for each counter that moved, expires the tag in its own cache — again POLL_MS + 1 s later,
 *   for a page whose render began before the change committed and finished after it was seen.
 *
 * Why this and not a shared cache store: rendering, not storage, is the cost (stack notes), a
 * page cache in the database would put every cached byte on the database's path, and Next.js's
 * tag checks already do the right thing once they learn the tag changed. It works with any
 * number of instances, needs no new server and no instance list, and survives an instance
 * restart (a starting instance expires every shared tag once, since its copies on disk may
 * predate changes it did not see). With nginx caching public pages for 1 s on top, a change is
 * visible everywhere within POLL_MS + 1 s plus one render.
 *
 * The same poll tells the front server (scripts/server.mjs) whether the database answers:
 * `databaseDown()` is true after a failed poll until one succeeds, and staff requests then get
 * a 503 "数据库暂时不可用" page instead of an error from deep inside a render.
 *
 * TUIJIN_SHARED_CACHE_DEBUG=1 logs each expiry (tags and time; nothing secret).
 *
 * On only where several instances can exist: a libSQL server URL (http, https, libsql, ws),
 * or TUIJIN_SHARED_CACHE=1; TUIJIN_SHARED_CACHE=0 turns it off. Plain JavaScript (runs in
 * scripts/server.mjs without a build); state lives on globalThis so the copy Next.js loads for
 * the cache handler and the copy the front server loads are one.
 */
import { createClient } from "@libsql/client";
import FileSystemCacheModule from "next/dist/server/lib/incremental-cache/file-system-cache.js";

export const POLL_MS = 100;
const KEY_PREFIX = "cache_tag:";
const SYMBOL = Symbol.for("tuijin.sharedCache");

/** @typedef {{ client: import("@libsql/client").Client, known: Map<string, number> | null, down: boolean, lastOk: number, pending: Set<string>, timer: NodeJS.Timeout | null, stopped: boolean, expire: (tags: string[]) => Promise<void> }} State */

/** @param {Record<string, string | undefined>} env */
export function sharedCacheEnabled(env = process.env) {
  const flag = (env.TUIJIN_SHARED_CACHE ?? "").trim();
  if (flag === "0") return false;
  if (flag === "1") return true;
  return /^(https?|libsql|wss?):/i.test((env.DATABASE_URL ?? "").trim());
}

/** @returns {State | undefined} */
function state() {
  return /** @type {any} */ (globalThis)[SYMBOL];
}

/** Expires tags in this process's page cache exactly as Next.js's own revalidateTag does. */
async function expireLocally(/** @type {string[]} */ tags) {
  const FileSystemCache = /** @type {any} */ (FileSystemCacheModule).default ?? FileSystemCacheModule;
  await FileSystemCache.prototype.revalidateTag.call(null, tags);
}

/**
 * Starts the poll (once per process). `expire` is injectable for tests.
 * @param {{ url?: string, authToken?: string, expire?: (tags: string[]) => Promise<void> }} [opts]
 */
export function startSharedCache(opts = {}) {
  const existing = state();
  if (existing && !existing.stopped) return existing;
  const url = opts.url ?? process.env.DATABASE_URL ?? "";
  const authToken = opts.authToken ?? process.env.DATABASE_AUTH_TOKEN;
  /** @type {State} */
  const s = {
    client: createClient({ url, authToken: authToken || undefined, intMode: "number" }),
    known: null,
    down: false,
    lastOk: 0,
    pending: new Set(),
    timer: null,
    stopped: false,
    expire: opts.expire ?? expireLocally,
  };
  /** @type {any} */ (globalThis)[SYMBOL] = s;
  const tick = async () => {
    if (s.stopped) return;
    try {
      await pollOnce(s);
    } finally {
      if (!s.stopped) {
        s.timer = setTimeout(tick, POLL_MS);
        s.timer.unref?.();
      }
    }
  };
  void tick();
  return s;
}

export function stopSharedCache() {
  const s = state();
  if (!s) return;
  s.stopped = true;
  if (s.timer) clearTimeout(s.timer);
  s.client.close();
  delete (/** @type {any} */ (globalThis)[SYMBOL]);
}

/**
 * A promise that fails after `ms` (a database that hangs counts as down, not as a stuck poll).
 * @template T @param {Promise<T>} p @param {number} ms @returns {Promise<T>}
 */
function within(p, ms) {
  /** @type {NodeJS.Timeout | undefined} */
  let t;
  return Promise.race([p, new Promise((_, reject) => (t = setTimeout(() => reject(new Error("timeout")), ms)))]).finally(() => clearTimeout(t));
}

/** @param {State} s */
async function pollOnce(s) {
  try {
    for (const tag of [...s.pending]) {
      await bump(s, tag);
      s.pending.delete(tag);
    }
    const rs = await within(s.client.execute({ sql: "select key, value from app_meta where key >= ? and key < ?", args: [KEY_PREFIX, KEY_PREFIX.slice(0, -1) + ";"] }), 2000);
    /** @type {Map<string, number>} */
    const now = new Map();
    for (const row of rs.rows) now.set(String(row.key).slice(KEY_PREFIX.length), Number(row.value));
    const first = s.known === null;
    const changed = [];
    for (const [tag, v] of now) if (first || s.known?.get(tag) !== v) changed.push(tag);
    s.known = now;
    s.down = false;
    s.lastOk = Date.now();
    if (changed.length > 0) {
      if (process.env.TUIJIN_SHARED_CACHE_DEBUG) console.log(`[shared-cache] expire ${changed.join(",")} wall=${Date.now()} perf=${Math.round(performance.timeOrigin + performance.now())}`);
      await s.expire(changed);
      // A render that began before the change committed may store its page after this point.
      if (!first) setTimeout(() => void s.expire(changed).catch(() => undefined), POLL_MS + 1000).unref?.();
    }
  } catch {
    s.down = true;
  }
}

/** @param {State} s @param {string} tag */
async function bump(s, tag) {
  await within(s.client.execute({
    sql: "insert into app_meta (key, value) values (?, '1') on conflict (key) do update set value = cast(value as integer) + 1, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')",
    args: [KEY_PREFIX + tag],
  }), 2000);
}

/**
 * Tells every other instance that these tags were revalidated here. When the database does
 * not answer, the poll keeps trying until it does (the change itself was committed before).
 * @param {string[]} tags
 */
export async function publishRevalidation(tags) {
  const s = state();
  if (!s || s.stopped) return;
  for (const tag of tags) {
    try {
      await bump(s, tag);
    } catch {
      s.pending.add(tag);
    }
  }
}

/** True while the shared-cache poll cannot reach the database (false when the poll is off). */
export function databaseDown() {
  const s = state();
  return !!s && !s.stopped && s.down;
}
