import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDatabase } from "../index";
import { campaigns, indicators, monthlyReports, periods } from "../schema";
import { loadRollupInputs, type IndicatorMeta } from "./rollups";

/**
 * What the year-end forecast reads: the official (approved) month-by-month data of this year
 * and of last year's campaign of the same city, which district-months are official, and each
 * indicator's accumulation. Approved figures only, whatever the page's data mode.
 * Callers must have checked `city.read`.
 */
export interface ForecastYear {
  indicators: (IndicatorMeta & { accumulation: "flow" | "stock" })[];
  /** "districtId|month number" of every official report of the campaign's year. */
  official: Set<string>;
}

export interface ForecastSource {
  thisYear: ForecastYear;
  /** Last year's campaign of the same city, all twelve months; null when it is not in the database. */
  lastYear: ForecastYear | null;
}

async function officialPairs(campaignId: number): Promise<Set<string>> {
  const { db } = await getDatabase();
  const rows = await db
    .select({ districtId: monthlyReports.districtId, month: periods.month })
    .from(monthlyReports)
    .innerJoin(periods, eq(periods.id, monthlyReports.periodId))
    .where(and(eq(periods.campaignId, campaignId), eq(monthlyReports.official, true)));
  return new Set(rows.map((r) => `${r.districtId}|${Number(r.month.slice(5, 7))}`));
}

async function accumulations(campaignId: number): Promise<Map<number, "flow" | "stock">> {
  const { db } = await getDatabase();
  const rows = await db.select({ id: indicators.id, accumulation: indicators.accumulation }).from(indicators).where(eq(indicators.campaignId, campaignId));
  return new Map(rows.map((r) => [r.id, r.accumulation]));
}

/** How a year's official figures are read: loadRollupInputs, or a caller's per-request copy of it. */
export type RollupInputsLoader = (campaignId: number, month: string, mode: "official") => Promise<IndicatorMeta[]>;

async function loadYear(campaignId: number, month: string, load: RollupInputsLoader): Promise<ForecastYear> {
  const [inputs, acc, official] = await Promise.all([load(campaignId, month, "official"), accumulations(campaignId), officialPairs(campaignId)]);
  return { indicators: inputs.map((i) => ({ ...i, accumulation: acc.get(i.id) ?? "flow" })), official };
}

/**
 * This year's data through `month` and last year's whole year (official figures only). `load`
 * reads a year's figures; a page passes its per-request copy, so this year's are read once for
 * the page's official rollups and its forecast (issue #17).
 */
export async function loadForecastSource(campaignId: number, month: string, load: RollupInputsLoader = loadRollupInputs): Promise<ForecastSource> {
  const { db } = await getDatabase();
  const campaign = (await db.select({ year: campaigns.year, cityName: campaigns.cityName }).from(campaigns).where(eq(campaigns.id, campaignId)))[0];
  if (!campaign) return { thisYear: { indicators: [], official: new Set() }, lastYear: null };
  const last = (
    await db
      .select({ id: campaigns.id })
      .from(campaigns)
      .where(and(eq(campaigns.year, campaign.year - 1), eq(campaigns.cityName, campaign.cityName)))
      .orderBy(sql`${campaigns.id}`)
      .limit(1)
  )[0];
  const [thisYear, lastYear] = await Promise.all([loadYear(campaignId, month, load), last ? loadYear(last.id, `${campaign.year - 1}-12`, load) : Promise.resolve(null)]);
  return { thisYear, lastYear };
}
