import "server-only";
import { type PublicContext, type PublicIndicator } from "./public-data";

/*
 * The open-data datasets (/api/v1/…): built from the same public context as the pages, so an
 * indicator's number is the page's number. Field names and codes are a published contract:
 * add fields, never rename or remove them (that would be /api/v2). This file holds the contract
 * (fields, row shapes, meta); the datasets are built in open-data-indicators.ts, open-data-projects.ts
 * and open-data-catalog.ts (with the cached copies the API serves), CSV in csv.ts.
 */

export const OPEN_DATA_VERSION = 1;

export const INDICATOR_FIELDS = [
  "indicator_code",
  "indicator_name",
  "indicator_name_en",
  "action_code",
  "unit",
  "aggregation",
  "area_type",
  "area_code",
  "area_name",
  "area_name_en",
  "month",
  "approved",
  "month_value",
  "ytd_value",
  "target",
  "completion_pct",
  "expected_pct",
  "pace_status",
  "corrected",
  "corrected_at",
] as const;

export const PROJECT_FIELDS = [
  "code",
  "name",
  "district_code",
  "action_code",
  "sector_code",
  "stage",
  "is_key",
  "total_investment_wan_yuan",
  "annual_planned_investment_wan_yuan",
  "investment_ytd_wan_yuan",
  "planned_start_on",
  "planned_completion_on",
  "actual_start_on",
  "actual_completion_on",
] as const;

export type IndicatorValueRow = Record<(typeof INDICATOR_FIELDS)[number], string | number | boolean | null>;
export type ProjectRecord = Record<(typeof PROJECT_FIELDS)[number], string | number | boolean | null> & { monthly_investment_wan_yuan: Record<string, number> };

export interface DatasetMeta {
  version: number;
  campaign: { slug: string; year: number; city: string; city_en: string; title: string; title_en: string };
  as_of_month: string | null;
  approved_districts: number | null;
  total_districts: number;
  last_approval_at: string | null;
}

export const round = (x: number, digits: number) => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

export function meta(ctx: PublicContext): DatasetMeta {
  const c = ctx.campaign;
  return {
    version: OPEN_DATA_VERSION,
    campaign: { slug: c.slug, year: c.year, city: c.cityName, city_en: c.cityNameEn, title: c.title, title_en: c.titleEn },
    as_of_month: ctx.asOf?.month ?? null,
    approved_districts: ctx.asOf?.approved ?? null,
    total_districts: ctx.districts.length,
    last_approval_at: ctx.lastApprovalAt,
  };
}

/** An indicator value in its display unit (ratios: percent with two decimals). */
export function displayValue(ind: Pick<PublicIndicator, "aggregation" | "unit">, v: number | null): number | null {
  if (v == null) return null;
  return ind.aggregation === "ratio" ? round(v * 100, 2) : v / ind.unit.scale;
}
