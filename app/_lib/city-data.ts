import "server-only";
import { cache } from "react";
import { listReportingDistricts } from "@/db/queries/figures";
import { loadRollupInputs, type IndicatorMeta, type RollupMode } from "@/db/queries/rollups";
import { monthNumber } from "./months";
import { rollupIndicator, type IndicatorRollup } from "./rollup";

export type IndicatorWithRollup = Omit<IndicatorMeta, "points" | "lastYearPoints"> & { rollup: IndicatorRollup };

/**
 * Every indicator of a campaign rolled up through `month`, once per request (React cache), for
 * the city view and the public pages. Public callers must pass "official" and show only
 * indicators with isPublic; "all" (including unapproved) needs `city.read`.
 */
export const getCampaignRollups = cache(async (campaignId: number, month: string, mode: RollupMode, warnBp: number): Promise<{ districts: Awaited<ReturnType<typeof listReportingDistricts>>; indicators: IndicatorWithRollup[] }> => {
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
});
