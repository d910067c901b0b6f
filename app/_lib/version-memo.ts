import "server-only";
/**
 * Results kept until the data changes. Every data write bumps app_meta.data_version
 * (db/client.ts), in this instance or any other on the same database, so a result computed at
 * one version is reused only while the version is unchanged. The version is read once per
 * request (React cache), however many memos a page uses.
 *
 * Kept values are shared between requests: callers must not change them.
 */
import { cache } from "react";
import { getMetaValue } from "@/db/queries/meta";

export const currentDataVersion = cache(async (): Promise<string> => (await getMetaValue("data_version")) ?? "0");

/**
 * `fn` memoised per (its arguments, data version), at most `limit` argument sets (the oldest used
 * goes first). A failed computation is not kept. Arguments must be strings, numbers or booleans.
 */
export function perDataVersion<A extends (string | number | boolean)[], T>(limit: number, fn: (...args: A) => Promise<T>): (...args: A) => Promise<T> {
  const memo = new Map<string, { version: string; value: Promise<T> }>();
  return async (...args: A): Promise<T> => {
    const version = await currentDataVersion();
    const key = JSON.stringify(args);
    const hit = memo.get(key);
    if (hit && hit.version === version) {
      memo.delete(key);
      memo.set(key, hit);
      return hit.value;
    }
    const entry = { version, value: fn(...args) };
    memo.delete(key);
    memo.set(key, entry);
    if (memo.size > limit) memo.delete(memo.keys().next().value!);
    entry.value.catch(() => {
      if (memo.get(key) === entry) memo.delete(key);
    });
    return entry.value;
  };
}
