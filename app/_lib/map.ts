import "server-only";
/**
 * The district maps' server side: boundaries from the database, the SVG built by the pure
 * domain/map/svg.ts, and a cache of rendered SVG per (campaign, month, indicator, mode, locale,
 * data version). Every data write — figures, approvals, boundary uploads — bumps
 * app_meta.data_version, so a cached map is reused only while what it shows is unchanged.
 */
import { MAP_POINT_KIND_LABELS } from "@/domain/labels";
import { cache } from "react";
import { getMetaValue } from "@/db/queries/meta";
import { listDistrictBoundaries, listDistrictMapPoints, type DistrictBoundary } from "@/db/queries/map";
import type { PaceStatus } from "@/domain/pace";
import { FOCUS_FILL, PACE_FILL, PLAIN_FILL, renderMapSvg, type MapArea, type MapPoint } from "@/domain/map/svg";

export interface MapDistrict {
  id: number;
  code: string;
  name: string;
}

export interface ChoroplethRow extends MapDistrict {
  status: PaceStatus;
  /** The status in the page's words (as its table shows it). */
  statusLabel: string;
  /** "完成 62.4%，序时 66.7%，落后 4.3 个百分点" or "暂无数据" */
  reason: string;
}

export interface ChoroplethMap {
  svg: string | null;
  /** Districts drawn without a boundary (e.g. development zones): said, not invented. */
  missing: MapDistrict[];
  /** Where the boundaries come from, with their licence (as loaded in set-up). */
  source: string;
}

const svgCache = new Map<string, string | null>();
const CACHE_LIMIT = 200;

const dataVersion = cache(async () => (await getMetaValue("data_version")) ?? "0");

/**
 * Boundaries are megabytes of coordinates that change only when set-up loads new ones (which bumps
 * the data version): kept per data version, so a page reads them (and parses their JSON) once per
 * change rather than on every render — over http:// to a libSQL server that read was the slowest
 * request of the leader's dashboard.
 */
let shapesAt: { version: string; rows: Promise<DistrictBoundary[]> } | null = null;

const boundaries = cache(async (): Promise<DistrictBoundary[]> => {
  const version = await dataVersion();
  if (shapesAt?.version !== version) {
    const entry = { version, rows: listDistrictBoundaries() };
    shapesAt = entry;
    // A failed read is not kept: the next page tries again.
    entry.rows.catch(() => {
      if (shapesAt === entry) shapesAt = null;
    });
  }
  return shapesAt.rows;
});

function remember(key: string, make: () => string | null): string | null {
  if (svgCache.has(key)) return svgCache.get(key)!;
  const svg = make();
  svgCache.set(key, svg);
  if (svgCache.size > CACHE_LIMIT) svgCache.delete(svgCache.keys().next().value!);
  return svg;
}

function sourceOf(rows: readonly DistrictBoundary[]): string {
  return [...new Set(rows.map((r) => r.source).filter((s) => s !== ""))].join("；");
}

/**
 * A choropleth of one indicator's pace by district. `key` names what the rows were computed
 * from (campaign, month, indicator, mode, locale); the data version is added here.
 */
export async function choroplethMap(key: string, rows: readonly ChoroplethRow[], title: string): Promise<ChoroplethMap> {
  const version = await dataVersion();
  const shapes = await boundaries();
  const byId = new Map(shapes.map((s) => [s.districtId, s]));
  const svg = remember(`choropleth|${key}|${version}`, () => {
    const areas: MapArea[] = rows.flatMap((r) => {
      const b = byId.get(r.id);
      if (!b) return [];
      return [{ key: r.code, label: r.name, shape: b.coordinates, fill: PACE_FILL[r.status], status: r.status, title: `${r.name}：${r.statusLabel}${r.reason && r.reason !== r.statusLabel ? `，${r.reason}` : ""}` }];
    });
    return areas.length > 0 ? renderMapSvg({ areas, title }) : null;
  });
  return { svg, missing: rows.filter((r) => !byId.has(r.id)).map(({ id, code, name }) => ({ id, code, name })), source: sourceOf(shapes) };
}

export interface PointMap {
  svg: string | null;
  hasBoundary: boolean;
  source: string;
}

/**
 * One district's map: its boundary highlighted among its neighbours, with its projects and
 * parks as points. `key` names the district and the audience (public or staff).
 */
export async function districtPointMap(key: string, district: MapDistrict, neighbours: readonly MapDistrict[], points: readonly MapPoint[], title: string): Promise<PointMap> {
  const version = await dataVersion();
  const shapes = await boundaries();
  const byId = new Map(shapes.map((s) => [s.districtId, s]));
  const own = byId.get(district.id);
  const svg = remember(`points|${key}|${version}`, () => {
    const areas: MapArea[] = [];
    for (const d of neighbours) {
      const b = byId.get(d.id);
      if (b && d.id !== district.id) areas.push({ key: d.code, label: d.name, shape: b.coordinates, fill: PLAIN_FILL, title: d.name });
    }
    if (own) areas.push({ key: district.code, label: district.name, shape: own.coordinates, fill: FOCUS_FILL, title: district.name });
    if (areas.length === 0 && points.length === 0) return null;
    return renderMapSvg({ areas, points, title, fitKeys: own ? [district.code] : [], maxHeight: 420 });
  });
  return { svg, hasBoundary: own !== undefined, source: sourceOf(shapes) };
}

/**
 * The district page's map and its places: `publicOnly` for the public page (public projects,
 * pilot parks); staff callers must have checked they may read the district.
 */
export async function loadDistrictPointMap(opts: { campaignId: number; district: MapDistrict; districts: readonly MapDistrict[]; publicOnly: boolean; title: string; locale?: "zh" | "en" }) {
  const locale = opts.locale ?? "zh";
  const k = MAP_POINT_KIND_LABELS[locale];
  const rows = await listDistrictMapPoints(opts.campaignId, opts.district.id, opts.publicOnly);
  const points: MapPoint[] = rows.map((r) => {
    const kind = r.kind === "project" ? k.project : r.isPilot ? k.pilot : k.park;
    return { kind: r.kind, position: [r.longitude, r.latitude], title: locale === "zh" ? `${r.name}（${kind}）` : `${r.name} (${kind})` };
  });
  const key = `${opts.campaignId}|${opts.district.code}|${opts.publicOnly ? "public" : "staff"}|${locale}`;
  return { map: await districtPointMap(key, opts.district, opts.districts, points, opts.title), points: rows };
}
