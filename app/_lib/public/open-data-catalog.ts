import "server-only";
import { unstable_cache } from "next/cache";
import { type PaceStatus } from "@/domain/pace";
import { listPublicSectors } from "@/db/queries/public";
import { getPublicContext, type PublicContext } from "./public-data";
import { meta, OPEN_DATA_VERSION, type DatasetMeta } from "./open-data";
import { buildIndicatorDataset, type IndicatorDataset } from "./open-data-indicators";
import { buildProjectDataset, type ProjectDataset } from "./open-data-projects";

/* The open-data catalog (/api/v1/) and the cached copies of every dataset the API serves. */

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
