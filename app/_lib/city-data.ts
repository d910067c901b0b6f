import "server-only";
import { cache } from "react";
import { listReportingDistricts } from "@/db/queries/figures";
import { loadKeyProjectSectors, loadKeyProjectSectorsByDistrict, type SectorRollupRow } from "@/db/queries/key-project-sectors";
import { getMetaValue } from "@/db/queries/meta";
import { loadRollupInputs, type IndicatorMeta } from "@/db/queries/rollups";
import type { RollupMode } from "@/db/queries/derivations";
import { monthNumber } from "@/domain/months";
import { rollupIndicator, type IndicatorRollup } from "@/domain/rollup";
import type { Rankings } from "@/domain/rankings/types";

export type IndicatorWithRollup = Omit<IndicatorMeta, "points" | "lastYearPoints"> & { rollup: IndicatorRollup };

type CampaignRollups = { districts: Awaited<ReturnType<typeof listReportingDistricts>>; indicators: IndicatorWithRollup[] };

/**
 * Computed rollups (and the key projects by sector) are kept per (campaign, month, mode) until the
 * data changes: every data write bumps app_meta.data_version (db/client.ts), so a kept result is
 * reused only while the data it was computed from is unchanged — in this instance or any other on
 * the same database. The version is read first: a write between that read and the computation
 * leaves a newer result under the older version, which the next request recomputes.
 */
type Kept<T> = Map<string, { version: string; value: T }>;
const MEMO_LIMIT = 64;
const memo: Kept<CampaignRollups> = new Map();

/** The data version, read once per request (every kept read of a page compares against the same one). */
export const currentDataVersion = cache(async (): Promise<string> => (await getMetaValue("data_version")) ?? "0");

async function keptPerDataVersion<T>(store: Kept<T>, key: string, compute: () => Promise<T>): Promise<T> {
  const version = await currentDataVersion();
  const hit = store.get(key);
  if (hit && hit.version === version) return hit.value;
  const value = await compute();
  store.delete(key);
  store.set(key, { version, value });
  if (store.size > MEMO_LIMIT) store.delete(store.keys().next().value!);
  return value;
}

/**
 * A campaign's figures through a month (loadRollupInputs), read once per request: after a data
 * write the dashboard's official rollups and its forecast both need this year's (issue #17: about
 * 6,000 rows and 30 ms on the 1M-row set, read twice). Outside a render it reads every time.
 */
export const requestRollupInputs = cache(loadRollupInputs);

export async function computeCampaignRollups(campaignId: number, month: string, mode: RollupMode, warnBp: number): Promise<CampaignRollups> {
  const [inputs, districts] = await Promise.all([requestRollupInputs(campaignId, month, mode), listReportingDistricts()]);
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
export const getCampaignRollups = cache(
  (campaignId: number, month: string, mode: RollupMode, warnBp: number): Promise<CampaignRollups> =>
    keptPerDataVersion(memo, `${campaignId}|${month}|${mode}|${warnBp}`, () => computeCampaignRollups(campaignId, month, mode, warnBp)),
);

const citySectors: Kept<SectorRollupRow[]> = new Map();
const districtSectors: Kept<Map<number, SectorRollupRow[]>> = new Map();

/**
 * Key projects by sector for the whole city (loadKeyProjectSectors), kept per data version: on
 * the 1M-row set the query groups 4,000 projects, about 4 ms of every dashboard (issue #17).
 * "all" (including unapproved) needs `city.read`, as for the rollups.
 */
export const getKeyProjectSectors = cache(
  (campaignId: number, month: string, mode: RollupMode): Promise<SectorRollupRow[]> =>
    keptPerDataVersion(citySectors, `${campaignId}|${month}|${mode}`, () => loadKeyProjectSectors(campaignId, month, mode)),
);

/** The same per district (loadKeyProjectSectorsByDistrict), kept per data version. */
export const getKeyProjectSectorsByDistrict = cache(
  (campaignId: number, month: string, mode: RollupMode): Promise<Map<number, SectorRollupRow[]>> =>
    keptPerDataVersion(districtSectors, `${campaignId}|${month}|${mode}`, () => loadKeyProjectSectorsByDistrict(campaignId, month, mode)),
);

const rankingsKept: Kept<Rankings> = new Map();

/**
 * District rankings (domain/rankings computeRankings over two months of rollups), kept per data
 * version: on the 1M-row set computing them was about 3 ms of every rankings page (issue #17).
 * `key` names everything the rankings depend on besides the data: the caller (staff or public
 * indicator set), campaign, month, mode and the weights setting's text.
 */
export function keptRankings(key: string, compute: () => Promise<Rankings>): Promise<Rankings> {
  return keptPerDataVersion(rankingsKept, key, compute);
}
