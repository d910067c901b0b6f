/**
 * A city's district boundaries as uploaded in set-up: a GeoJSON FeatureCollection of Polygon or
 * MultiPolygon features in WGS 84 degrees, each matched to a district by a code or name
 * property. Everything wrong is reported in Chinese, so the caller can refuse the whole file
 * (nothing half-stored). Pure and unit-tested (tests/unit/map-geojson.test.ts).
 */
import { inChina } from "./coordinates";

export type Position = [number, number];
/** polygons → rings (outer first) → positions */
export type MultiPolygonCoords = Position[][][];

/** Upload limits, checked before parsing (bytes) and while reading (vertices). */
export const BOUNDARY_MAX_BYTES = 2 * 1024 * 1024;
export const BOUNDARY_MAX_POINTS = 200_000;
const MAX_ERRORS = 20;

export interface BoundaryFeature {
  /** 1-based position in the file, as people count features. */
  number: number;
  /** The feature's own words, to name it in messages ("鲤城区 / 350502"). */
  label: string;
  /** Candidate keys: id and the code/name properties, trimmed. */
  keys: string[];
  coordinates: MultiPolygonCoords;
}

export type ParsedBoundaries = { ok: true; features: BoundaryFeature[]; source: string | null } | { ok: false; errors: string[] };

const KEY_PROPERTIES = ["name", "NAME", "名称", "district", "code", "districtCode", "adcode"];

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function readRing(v: unknown, where: string, errors: string[], count: { points: number }): Position[] | null {
  if (!Array.isArray(v) || v.length < 4) {
    errors.push(`${where}：每个环至少要有 4 个坐标点（首尾相同）`);
    return null;
  }
  const ring: Position[] = [];
  for (const p of v) {
    if (!Array.isArray(p) || p.length < 2 || typeof p[0] !== "number" || typeof p[1] !== "number" || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) {
      errors.push(`${where}：坐标应为 [经度, 纬度] 数字对`);
      return null;
    }
    if (!inChina(p[0], p[1])) {
      errors.push(`${where}：坐标 [${p[0]}, ${p[1]}] 不在中国范围内（东经 73–136 度、北纬 3–54 度），请确认是 WGS 84 经纬度且经度在前`);
      return null;
    }
    ring.push([p[0], p[1]]);
  }
  count.points += ring.length;
  const [a, b] = [ring[0]!, ring[ring.length - 1]!];
  if (a[0] !== b[0] || a[1] !== b[1]) {
    errors.push(`${where}：环没有闭合（首尾坐标应相同）`);
    return null;
  }
  return ring;
}

function readPolygon(v: unknown, where: string, errors: string[], count: { points: number }): Position[][] | null {
  if (!Array.isArray(v) || v.length === 0) {
    errors.push(`${where}：多边形没有坐标`);
    return null;
  }
  const rings = v.map((r) => readRing(r, where, errors, count));
  return rings.every((r): r is Position[] => r !== null) ? rings : null;
}

function featureLabel(f: Record<string, unknown>, props: Record<string, unknown>): { label: string; keys: string[] } {
  const keys: string[] = [];
  const add = (v: unknown) => {
    if ((typeof v === "string" || typeof v === "number") && String(v).trim() !== "") keys.push(String(v).trim());
  };
  for (const k of KEY_PROPERTIES) add(props[k]);
  add(f.id);
  const uniq = [...new Set(keys)];
  return { label: uniq.join(" / ") || "（无名称或代码）", keys: uniq };
}

/** Parses and checks the file's text; the byte limit is checked by the caller before reading. */
export function parseBoundaryGeoJson(text: string): ParsedBoundaries {
  let root: unknown;
  try {
    root = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch {
    return { ok: false, errors: ["文件不是有效的 JSON，无法读取（请上传 .geojson 或 .json 文本文件）"] };
  }
  if (!isObject(root) || root.type !== "FeatureCollection" || !Array.isArray(root.features)) {
    return { ok: false, errors: ["文件不是 GeoJSON 要素集合（顶层应为 \"type\": \"FeatureCollection\"，并有 features 数组）"] };
  }
  if (root.features.length === 0) return { ok: false, errors: ["文件中没有任何要素（features 为空）"] };
  const errors: string[] = [];
  const features: BoundaryFeature[] = [];
  const count = { points: 0 };
  root.features.forEach((f: unknown, i: number) => {
    const number = i + 1;
    if (!isObject(f) || f.type !== "Feature") {
      errors.push(`第 ${number} 个要素：不是 GeoJSON Feature`);
      return;
    }
    const props = isObject(f.properties) ? f.properties : {};
    const { label, keys } = featureLabel(f, props);
    const where = `第 ${number} 个要素（${label}）`;
    const g = f.geometry;
    if (!isObject(g) || (g.type !== "Polygon" && g.type !== "MultiPolygon")) {
      errors.push(`${where}：几何类型应为 Polygon 或 MultiPolygon`);
      return;
    }
    const before = errors.length;
    const polys = g.type === "Polygon" ? [readPolygon(g.coordinates, where, errors, count)] : Array.isArray(g.coordinates) && g.coordinates.length > 0 ? g.coordinates.map((p) => readPolygon(p, where, errors, count)) : [readPolygon(null, where, errors, count)];
    if (errors.length > before || polys.some((p) => p === null)) return;
    if (keys.length === 0) {
      errors.push(`${where}：没有可用来对应区县的名称或代码（properties 中的 name 或 code）`);
      return;
    }
    features.push({ number, label, keys, coordinates: polys as MultiPolygonCoords });
  });
  if (count.points > BOUNDARY_MAX_POINTS) {
    return { ok: false, errors: [`边界坐标点过多（${count.points.toLocaleString("en-US")} 个，上限 ${BOUNDARY_MAX_POINTS.toLocaleString("en-US")} 个），请先简化后再上传`] };
  }
  if (errors.length > 0) return { ok: false, errors: capErrors(errors) };
  const props = isObject(root.properties) ? root.properties : {};
  const source = [props.source, props.licence ?? props.license].filter((s): s is string => typeof s === "string" && s.trim() !== "").join("；");
  return { ok: true, features, source: source || null };
}

function capErrors(errors: string[]): string[] {
  if (errors.length <= MAX_ERRORS) return errors;
  return [...errors.slice(0, MAX_ERRORS), `另有 ${errors.length - MAX_ERRORS} 处问题未列出`];
}

export interface DistrictKey {
  id: number;
  code: string;
  name: string;
  divisionCode: string | null;
}

export interface BoundaryMatch<D extends DistrictKey = DistrictKey> {
  matched: { district: D; feature: BoundaryFeature }[];
  /** Districts without a feature: allowed (drawn as missing), reported. */
  missing: D[];
  /** Problems that refuse the file: a feature for no district, two features for one. */
  errors: string[];
}

/** Matches each feature to a district by its code, its administrative division code or its name. */
export function matchBoundaries<D extends DistrictKey>(features: readonly BoundaryFeature[], districts: readonly D[]): BoundaryMatch<D> {
  const errors: string[] = [];
  const byDistrict = new Map<number, BoundaryFeature>();
  for (const f of features) {
    const d = districts.find((x) => f.keys.some((k) => k === x.code || k === x.name || (x.divisionCode !== null && k === x.divisionCode)));
    if (!d) {
      errors.push(`第 ${f.number} 个要素（${f.label}）对应不到任何区县：请确认 properties 中的 name 与区县名称一致，或 code 为区县代码、行政区划代码`);
      continue;
    }
    const earlier = byDistrict.get(d.id);
    if (earlier) {
      errors.push(`第 ${f.number} 个要素（${f.label}）与第 ${earlier.number} 个要素都对应${d.name}：每个区县只能有一个要素`);
      continue;
    }
    byDistrict.set(d.id, f);
  }
  return {
    matched: districts.filter((d) => byDistrict.has(d.id)).map((d) => ({ district: d, feature: byDistrict.get(d.id)! })),
    missing: districts.filter((d) => !byDistrict.has(d.id)),
    errors: capErrors(errors),
  };
}

/** The state of the stored set a form was loaded with: changes whenever any boundary is replaced. */
export function boundaryStamp(rows: readonly { updatedAt: string }[]): string {
  const latest = rows.reduce((m, r) => (r.updatedAt > m ? r.updatedAt : m), "");
  return `${rows.length}|${latest}`;
}
