import "server-only";
import { getDatabase } from "./index";

/**
 * Definitions kept per definitions version (issue #17).
 *
 * A month save, and most pages, read the same definitions every time: the current campaign, the
 * reporting districts, the indicators with their units and actions, the settings in app_meta.
 * They change only when the campaign office sets the campaign up. The database keeps a token for
 * them, app_meta `definitions_version`, which its own triggers replace on every insert, update or
 * delete in those tables (migration 0015), whatever code path or app instance wrote. A kept
 * answer is reused only while the token is the one it was loaded under.
 *
 * The token is read first, the definitions after it: a change committed between the two leaves
 * newer definitions under the older token, which the next read loads again — never older
 * definitions under a newer token. Without a token (a database not yet migrated) nothing is kept.
 *
 * Kept answers are frozen: a caller that changed one in place would change it for every later
 * request, so it fails at once instead.
 */
export const DEFINITIONS_VERSION_KEY = "definitions_version";

const LIMIT = 64;
const kept = new Map<string, { version: string; value: unknown }>();

/** The current definitions token, or null when the database has none. */
export async function definitionsVersion(): Promise<string | null> {
  const { client } = await getDatabase();
  const r = await client.execute({ sql: "select value from app_meta where key = ?", args: [DEFINITIONS_VERSION_KEY] });
  const v = r.rows[0]?.value;
  return typeof v === "string" && v !== "" ? v : null;
}

/** `load()`'s answer, reused under `key` until the definitions change. */
export async function keptDefinition<T>(key: string, load: () => Promise<T>): Promise<T> {
  const version = await definitionsVersion();
  if (version !== null) {
    const hit = kept.get(key);
    if (hit && hit.version === version) return hit.value as T;
  }
  const value = deepFreeze(await load());
  if (version !== null) {
    kept.delete(key);
    kept.set(key, { version, value });
    if (kept.size > LIMIT) kept.delete(kept.keys().next().value!);
  }
  return value;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
