import "server-only";
import { isMonth } from "@/domain/months";
import type { RollupMode } from "@/db/queries/derivations";
import { getLatestCompleteMonth } from "@/db/queries/completeness";
import { listMonthApprovals } from "@/db/queries/leader-month";
import { chooseLeaderMonth } from "../_components/leader-month";
import { listPeriods, type PeriodRow } from "@/db/queries/reporting";

export interface CityScope {
  month: string;
  mode: RollupMode;
  /** mode "all": the city pages' `include=unapproved`. */
  include: boolean;
  /** The campaign's opened months, oldest first (for month pickers). */
  periods: PeriodRow[];
}

type Param = string | string[] | undefined;
const one = (p: Param) => (Array.isArray(p) ? p[0] : p);

/**
 * Month and figures mode of a city page or export, from the city pages' query
 * (?month=YYYY-MM&include=unapproved, as _components/city-params.ts). An unknown or unopened
 * month falls back to: "latest" = the dashboard's default (the latest month with an approved
 * report, never a just-opened empty month; see _components/leader-month.ts);
 * "complete" = the latest month every district has had approved (fair for rankings), else the
 * dashboard's default. Null when the campaign has no opened month.
 */
export async function resolveCityScope(campaignId: number, sp: { month?: Param; include?: Param }, fallback: "latest" | "complete" = "latest"): Promise<CityScope | null> {
  const periods = (await listPeriods(campaignId)).filter((p) => p.isOpen);
  if (periods.length === 0) return null;
  const include = one(sp.include) === "unapproved";
  const mode: RollupMode = include ? "all" : "official";
  const asked = one(sp.month);
  if (isMonth(asked) && periods.some((p) => p.month === asked)) return { month: asked, mode, include, periods };
  const complete = fallback === "complete" ? await getLatestCompleteMonth(campaignId) : null;
  const month = complete ?? chooseLeaderMonth(await listMonthApprovals(campaignId)).month ?? periods[periods.length - 1]!.month;
  return { month, mode, include, periods };
}

/** Query parameters for a link that keeps the scope. */
export function scopeQuery(s: { month: string; include: boolean }, extra: Record<string, string> = {}): string {
  return new URLSearchParams({ month: s.month, ...(s.include ? { include: "unapproved" } : {}), ...extra }).toString();
}
