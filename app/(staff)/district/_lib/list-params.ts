/**
 * Query-string reading for the record lists: each parameter is read on its own and a bad value
 * is dropped (never a crash), so a hand-edited URL still shows the list.
 */
import { z } from "zod";

export type SearchParams = Record<string, string | string[] | undefined>;

export const PAGE_SIZE = 50;

export function firstParam(sp: SearchParams, key: string): string | undefined {
  const v = sp[key];
  return Array.isArray(v) ? v[0] : v;
}

export const idParam = z.string().regex(/^[1-9]\d{0,8}$/).transform(Number).optional().catch(undefined);
export const pageParam = z.string().regex(/^[1-9]\d{0,4}$/).transform(Number).optional().catch(undefined);
export const searchParam = z.string().trim().max(50).optional().catch(undefined).transform((s) => (s ? s : undefined));
export const flagParam = z.enum(["1"]).optional().catch(undefined);

export function enumParam<T extends string>(values: readonly [T, ...T[]]) {
  return z.enum(values).optional().catch(undefined);
}

/** The list's URL with the same filters on another page (blank filters left out). */
export function listHref(path: string, params: Record<string, string | number | undefined>, page: number): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (k !== "page" && v !== undefined && v !== "") q.set(k, String(v));
  if (page > 1) q.set("page", String(page));
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}
