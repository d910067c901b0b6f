import "server-only";
import { neutraliseFormula } from "@/app/_lib/excel/formula-guard";
import { unstable_cache } from "next/cache";
import { pace, rateStatus, type PaceStatus } from "@/domain/pace";
import { listAllPublicProjects, listPublicProgress } from "@/db/queries/public-projects";
import { listPublicSectors } from "@/db/queries/public";
import { getPublicContext, type PublicArea, type PublicContext, type PublicIndicator } from "./public-data";

/*
 * The open-data datasets (/api/v1/…): built from the same public context as the pages, so an
 * indicator's number is the page's number. Field names and codes are a published contract:
 * add fields, never rename or remove them (that would be /api/v2).
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

function monthRows(ind: PublicIndicator, area: PublicArea, areaType: "city" | "district", code: string, name: string, nameEn: string, ctx: PublicContext, actionCode: string): IndicatorValueRow[] {
  const rows: IndicatorValueRow[] = [];
  const isRate = ind.aggregation === "ratio";
  const targetRate = area.target != null ? area.target / ind.unit.scale / 100 : null;
  for (let i = 0; i < area.series.length; i++) {
    const published = i + 1 <= area.month;
    const ytd = published ? (area.series[i] ?? null) : null;
    const p = published
      ? isRate
        ? rateStatus(ytd, targetRate, ctx.campaign.paceWarnBp)
        : pace(ytd, area.target, i + 1, ind.cityTarget?.monthlyPlan, ctx.campaign.paceWarnBp)
      : null;
    const status: PaceStatus = p?.status ?? (area.target == null ? "no_target" : "no_data");
    rows.push({
      indicator_code: ind.code,
      indicator_name: ind.name,
      indicator_name_en: ind.nameEn,
      action_code: actionCode,
      unit: isRate ? "%" : ind.unit.symbol,
      aggregation: ind.aggregation,
      area_type: areaType,
      area_code: code,
      area_name: name,
      area_name_en: nameEn,
      month: `${ctx.campaign.year}-${String(i + 1).padStart(2, "0")}`,
      approved: area.approved[i] ?? false,
      month_value: published ? displayValue(ind, area.monthly[i] ?? null) : null,
      ytd_value: displayValue(ind, ytd),
      target: area.target == null ? null : area.target / ind.unit.scale,
      completion_pct: p?.share == null ? null : round(p.share * 100, 1),
      expected_pct: p && p.status !== "no_target" ? round(p.expected * 100, 1) : null,
      pace_status: status,
      corrected: published && area.correctedAt[i] != null,
      corrected_at: published ? (area.correctedAt[i] ?? null) : null,
    });
  }
  return rows;
}

/** Every public indicator × (city + each district) × month 1..as-of. */
export function indicatorRows(ctx: PublicContext): IndicatorValueRow[] {
  const out: IndicatorValueRow[] = [];
  const c = ctx.campaign;
  for (const ind of ctx.indicators) {
    const actionCode = ctx.actions.find((a) => a.id === ind.actionId)?.code ?? "";
    out.push(...monthRows(ind, ind.city, "city", "city", c.cityName, c.cityNameEn, ctx, actionCode));
    for (const d of ctx.districts) {
      const area = ind.districts.get(d.id);
      if (area) out.push(...monthRows(ind, area, "district", d.code, d.name, d.nameEn, ctx, actionCode));
    }
  }
  return out;
}

export interface IndicatorDataset {
  meta: DatasetMeta;
  indicators: {
    code: string;
    name: string;
    name_en: string;
    action_code: string;
    kind: string;
    aggregation: string;
    unit: string;
    unit_en: string;
    decimals: number;
    city_target: number | null;
    is_headline: boolean;
  }[];
  values: IndicatorValueRow[];
}

export function buildIndicatorDataset(ctx: PublicContext): IndicatorDataset {
  return {
    meta: meta(ctx),
    indicators: ctx.indicators.map((i) => ({
      code: i.code,
      name: i.name,
      name_en: i.nameEn,
      action_code: ctx.actions.find((a) => a.id === i.actionId)?.code ?? "",
      kind: i.kind,
      aggregation: i.aggregation,
      unit: i.aggregation === "ratio" ? "%" : i.unit.symbol,
      unit_en: i.aggregation === "ratio" ? "%" : i.unit.symbolEn,
      decimals: i.decimals,
      city_target: i.city.target == null ? null : i.city.target / i.unit.scale,
      is_headline: i.isHeadline,
    })),
    values: indicatorRows(ctx),
  };
}

export interface ProjectDataset {
  meta: DatasetMeta;
  projects: ProjectRecord[];
}

export async function buildProjectDataset(ctx: PublicContext): Promise<ProjectDataset> {
  const c = ctx.campaign;
  const [rows, progress] = await Promise.all([listAllPublicProjects(c.id, c.year), listPublicProgress(c.id, c.year)]);
  const monthly = new Map<string, Record<string, number>>();
  for (const g of progress) {
    const m = monthly.get(g.projectCode) ?? {};
    m[g.month] = g.investment;
    monthly.set(g.projectCode, m);
  }
  return {
    meta: meta(ctx),
    projects: rows.map((p) => ({
      code: p.code,
      name: p.name,
      district_code: p.districtCode,
      action_code: p.actionCode,
      sector_code: p.sectorCode,
      stage: p.stage,
      is_key: p.isKey,
      total_investment_wan_yuan: p.totalInvestment,
      annual_planned_investment_wan_yuan: p.annualPlannedInvestment,
      investment_ytd_wan_yuan: p.investmentYtd,
      planned_start_on: p.plannedStartOn,
      planned_completion_on: p.plannedCompletionOn,
      actual_start_on: p.actualStartOn,
      actual_completion_on: p.actualCompletionOn,
      monthly_investment_wan_yuan: monthly.get(p.code) ?? {},
    })),
  };
}

export interface Catalog {
  meta: DatasetMeta;
  datasets: { id: string; format: "json" | "csv"; url: string; description: string }[];
  districts: { code: string; name: string; name_en: string; kind: string }[];
  actions: { code: string; name: string; name_en: string; parent_code: string | null }[];
  indicators: { code: string; name: string; name_en: string; action_code: string; unit: string; aggregation: string }[];
  sectors: { code: string; name: string; name_en: string }[];
  stages: string[];
  pace_statuses: PaceStatus[];
}

export async function buildCatalog(ctx: PublicContext): Promise<Catalog> {
  const sectors = await listPublicSectors();
  return {
    meta: meta(ctx),
    datasets: [
      { id: "indicators", format: "json", url: "/api/v1/indicators.json", description: "Indicator values: city and each district, by month and year-to-date" },
      { id: "indicators", format: "csv", url: "/api/v1/indicators.csv", description: "The same, one row per indicator × area × month" },
      { id: "projects", format: "json", url: "/api/v1/projects.json", description: "Public projects with investment by month" },
      { id: "projects", format: "csv", url: "/api/v1/projects.csv", description: "Public projects, one row per project" },
      { id: "corrections", format: "json", url: "/api/v1/corrections.json", description: "Corrections of approved months: original and revised values, reason, date" },
      { id: "corrections", format: "csv", url: "/api/v1/corrections.csv", description: "The same, one row per corrected value" },
    ],
    districts: ctx.districts.map((d) => ({ code: d.code, name: d.name, name_en: d.nameEn, kind: d.kind })),
    actions: ctx.actions.map((a) => ({ code: a.code, name: a.name, name_en: a.nameEn, parent_code: a.parentId == null ? null : (ctx.actions.find((p) => p.id === a.parentId)?.code ?? null) })),
    indicators: ctx.indicators.map((i) => ({ code: i.code, name: i.name, name_en: i.nameEn, action_code: ctx.actions.find((a) => a.id === i.actionId)?.code ?? "", unit: i.aggregation === "ratio" ? "%" : i.unit.symbol, aggregation: i.aggregation })),
    sectors: sectors.map((s) => ({ code: s.code, name: s.name, name_en: s.nameEn })),
    stages: ["preparing", "under_construction", "completed", "suspended"],
    pace_statuses: ["ahead", "behind", "lagging", "no_target", "no_data"],
  };
}

/*
 * Cached copies for the API: built once and kept until the public pages are refreshed
 * (revalidatePublic() drops every cached entry of the app, these included) or an hour passes.
 */
const CACHE = { revalidate: 3600 };

export const cachedIndicatorDataset = unstable_cache(async (): Promise<IndicatorDataset | null> => {
  const ctx = await getPublicContext();
  return ctx ? buildIndicatorDataset(ctx) : null;
}, ["open-data", "indicators", String(OPEN_DATA_VERSION)], CACHE);

export const cachedProjectDataset = unstable_cache(async (): Promise<ProjectDataset | null> => {
  const ctx = await getPublicContext();
  return ctx ? buildProjectDataset(ctx) : null;
}, ["open-data", "projects", String(OPEN_DATA_VERSION)], CACHE);

export const cachedCatalog = unstable_cache(async (): Promise<Catalog | null> => {
  const ctx = await getPublicContext();
  return ctx ? buildCatalog(ctx) : null;
}, ["open-data", "catalog", String(OPEN_DATA_VERSION)], CACHE);

// ---------------------------------------------------------------------------------------------
// CSV

/** A CSV cell: quoted when needed; text that a spreadsheet would run as a formula is defused. */
export function csvCell(v: string | number | boolean | null | undefined): string {
  if (v == null) return "";
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  if (typeof v === "boolean") return v ? "true" : "false";
  // The same neutralising as every spreadsheet the server writes (app/_lib/excel/formula-guard.ts).
  const s = neutraliseFormula(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** RFC 4180 CSV with a UTF-8 byte-order mark (so Excel opens Chinese text correctly). */
export function toCsv<F extends string>(fields: readonly F[], rows: readonly Record<F, string | number | boolean | null>[]): string {
  const lines = [fields.join(",")];
  for (const r of rows) lines.push(fields.map((f) => csvCell(r[f])).join(","));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
