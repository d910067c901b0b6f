import "server-only";
import { cache } from "react";
import { listReportingDistricts } from "@/db/queries/figures";
import { getMetaValue } from "@/db/queries/meta";
import { loadRollupInputs, type IndicatorMeta } from "@/db/queries/rollups";
import type { RollupMode } from "@/db/queries/derivations";
import { monthNumber } from "@/domain/months";
import { rollupIndicator, type IndicatorRollup } from "@/domain/rollup";

export type IndicatorWithRollup = Omit<IndicatorMeta, "points" | "lastYearPoints"> & { rollup: IndicatorRollup };

type CampaignRollups = { districts: Awaited<ReturnType<typeof listReportingDistricts>>; indicators: IndicatorWithRollup[] };

/**
 * Computed rollups are kept per (campaign, month, mode) until the data changes: every data
 * write bumps app_meta.data_version (db/client.ts), so a cached result is reused only while the
 * data it was computed from is unchanged — in this instance or any other on the same database.
 */
const memo = new Map<string, { version: string; value: CampaignRollups }>();
const MEMO_LIMIT = 64;

export async function computeCampaignRollups(campaignId: number, month: string, mode: RollupMode, warnBp: number): Promise<CampaignRollups> {
  const [inputs, districts] = await Promise.all([loadRollupInputs(campaignId, month, mode), listReportingDistricts()]);
  const ids = districts.map((d) => d.id);
  const m = monthNumber(month);
  return {
    districts,
    indicators: inputs.map((ind) => {
      const { points: _points, lastYearPoints: _ly, ...meta } = ind;
      void _points;
      void _ly;
      return { ...meta, rollup: rollupIndicator(ind, ids, m, warnBp) };
    }),
  };
}

/**
 * Every indicator of a campaign rolled up through `month`, for the city view and the public
 * pages. Public callers must pass "official" and show only indicators with isPublic; "all"
 * (including unapproved) needs `city.read`.
 */
export const getCampaignRollups = cache(async (campaignId: number, month: string, mode: RollupMode, warnBp: number): Promise<CampaignRollups> => {
  const version = (await getMetaValue("data_version")) ?? "0";
  const key = `${campaignId}|${month}|${mode}|${warnBp}`;
  const hit = memo.get(key);
  if (hit && hit.version === version) return hit.value;
  const value = await computeCampaignRollups(campaignId, month, mode, warnBp);
  memo.delete(key);
  memo.set(key, { version, value });
  if (memo.size > MEMO_LIMIT) memo.delete(memo.keys().next().value!);
  return value;
});
