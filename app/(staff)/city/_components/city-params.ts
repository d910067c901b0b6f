/**
 * The city pages' shared GET parameters: `month` (YYYY-MM, one of the campaign's open months)
 * and `include=unapproved` (leaders' "including unapproved" view, rollup mode "all").
 * Pure: pages parse with it and build links with it.
 */
import { isMonth } from "@/domain/months";

export type SearchParams = Record<string, string | string[] | undefined>;

export interface CityView {
  month: string;
  /** true: "含未审核数据" (rollup mode "all"); false: official figures (approved only). */
  include: boolean;
  mode: "official" | "all";
}

export function firstParam(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

/** Month from `?month=` when it is one of `months`, else `fallback`; the data switch from `?include=`. */
export function parseCityView(sp: SearchParams, months: readonly string[], fallback: string): CityView {
  const m = firstParam(sp.month);
  const include = firstParam(sp.include) === "unapproved";
  return { month: isMonth(m) && months.includes(m) ? m : fallback, include, mode: include ? "all" : "official" };
}

/** A city page URL keeping the month and data switch, plus any extra parameters (undefined ones dropped). */
export function cityHref(path: string, view: { month: string; include: boolean }, extra: Record<string, string | undefined> = {}): string {
  const q = new URLSearchParams();
  q.set("month", view.month);
  if (view.include) q.set("include", "unapproved");
  for (const [k, v] of Object.entries(extra)) if (v !== undefined && v !== "") q.set(k, v);
  return `${path}?${q.toString()}`;
}
