import "server-only";
/**
 * The year-end forecast of every indicator with a target, for the city and each district, from
 * approved figures only (whatever the page's data mode). Kept per (campaign, month) until the data
 * changes, as the rollups are (app/_lib/city-data.ts). Callers must have checked `city.read`.
 */
import { cache } from "react";
import { requestRollupInputs } from "@/app/_lib/city-data";
import { getLatestCompleteMonth } from "@/db/queries/completeness";
import { listReportingDistricts } from "@/db/queries/figures";
import { loadForecastSource } from "@/db/queries/forecast";
import { getMetaValue } from "@/db/queries/meta";
import type { Forecast } from "@/domain/forecast";
import { forecastAreas } from "@/domain/forecast-areas";
import { monthNumber } from "@/domain/months";
import type { ForecastFormat } from "@/domain/forecast-text";

export interface IndicatorForecast extends ForecastFormat {
  code: string;
  name: string;
  city: Forecast;
  districts: Map<number, Forecast>;
}

export interface CampaignForecasts {
  /** The latest month every reporting district has had approved (the city's forecast runs through it), or null. */
  cityAsOf: string | null;
  /** Indicators in the campaign's order. */
  indicators: IndicatorForecast[];
  byCode: Map<string, IndicatorForecast>;
}

async function compute(campaignId: number, month: string): Promise<CampaignForecasts> {
  const [source, districts, cityAsOf] = await Promise.all([loadForecastSource(campaignId, month, requestRollupInputs), listReportingDistricts(), getLatestCompleteMonth(campaignId, month)]);
  const ids = districts.map((d) => d.id);
  const lastByCode = new Map((source.lastYear?.indicators ?? []).map((i) => [i.code, i]));
  const indicators = source.thisYear.indicators.map((ind): IndicatorForecast => {
    const ly = lastByCode.get(ind.code);
    const areas = forecastAreas(ind, ly && source.lastYear ? { points: ly.points, official: source.lastYear.official } : null, source.thisYear.official, ids, monthNumber(month), cityAsOf ? monthNumber(cityAsOf) : 0);
    return { code: ind.code, name: ind.name, unit: { code: "", symbol: ind.unitSymbol, scale: ind.unitScale }, decimals: ind.decimals, ...areas };
  });
  return { cityAsOf, indicators, byCode: new Map(indicators.map((i) => [i.code, i])) };
}

const memo = new Map<string, { version: string; value: CampaignForecasts }>();

export const loadForecasts = cache(async (campaignId: number, month: string): Promise<CampaignForecasts> => {
  const version = (await getMetaValue("data_version")) ?? "0";
  const key = `${campaignId}|${month}`;
  const hit = memo.get(key);
  if (hit && hit.version === version) return hit.value;
  const value = await compute(campaignId, month);
  memo.delete(key);
  memo.set(key, { version, value });
  if (memo.size > 32) memo.delete(memo.keys().next().value!);
  return value;
});
