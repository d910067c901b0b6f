/**
 * Drawing degrees on a small SVG: an equirectangular projection centred on the city, with
 * longitude shrunk by cos(latitude) so a city-sized map keeps its shape (error well under 1 %
 * across a prefecture). North is up; y grows downwards as in SVG. Pure and unit-tested.
 */
import type { MultiPolygonCoords, Position } from "./geojson";

export interface Bounds {
  minLon: number;
  maxLon: number;
  minLat: number;
  maxLat: number;
}

export interface Projection {
  width: number;
  height: number;
  project(lon: number, lat: number): [number, number];
}

export function boundsOf(shapes: readonly MultiPolygonCoords[], points: readonly Position[] = []): Bounds | null {
  let b: Bounds | null = null;
  const add = ([lon, lat]: Position) => {
    if (!b) b = { minLon: lon, maxLon: lon, minLat: lat, maxLat: lat };
    else {
      b.minLon = Math.min(b.minLon, lon);
      b.maxLon = Math.max(b.maxLon, lon);
      b.minLat = Math.min(b.minLat, lat);
      b.maxLat = Math.max(b.maxLat, lat);
    }
  };
  for (const s of shapes) for (const poly of s) for (const ring of poly) ring.forEach(add);
  points.forEach(add);
  return b;
}

/** Fits the bounds into `width` (and at most `maxHeight`) with `padding` on every side. */
export function fitProjection(b: Bounds, width: number, maxHeight: number, padding = 8): Projection {
  const midLat = (b.minLat + b.maxLat) / 2;
  const kx = Math.cos((midLat * Math.PI) / 180);
  // A single point (or a line) still gets a small box around it.
  const spanX = Math.max((b.maxLon - b.minLon) * kx, 0.01);
  const spanY = Math.max(b.maxLat - b.minLat, 0.01);
  const scale = Math.min((width - 2 * padding) / spanX, (maxHeight - 2 * padding) / spanY);
  const w = Math.round(spanX * scale + 2 * padding);
  const h = Math.round(spanY * scale + 2 * padding);
  const cx = (b.minLon + b.maxLon) / 2;
  const cy = (b.minLat + b.maxLat) / 2;
  return {
    width: w,
    height: h,
    project: (lon, lat) => [round1(w / 2 + (lon - cx) * kx * scale), round1(h / 2 - (lat - cy) * scale)],
  };
}

const round1 = (v: number) => Math.round(v * 10) / 10;

/**
 * An SVG path, one closed subpath per ring (even-odd fill makes holes): the first point absolute,
 * the rest as whole-pixel steps from the one before ("M325 379l3 2 0 1-1 2Z"). Whole pixels are
 * finer than the eye sees at map size, and steps are a third of the bytes of absolute tenths —
 * the map is on several pages and travels twice in each (HTML and the page's data).
 */
export function pathOf(shape: MultiPolygonCoords, p: Projection): string {
  const parts: string[] = [];
  for (const poly of shape) {
    for (const ring of poly) {
      const pts: [number, number][] = [];
      for (const [lon, lat] of ring) {
        const [x, y] = p.project(lon, lat);
        const q: [number, number] = [Math.round(x), Math.round(y)];
        const prev = pts[pts.length - 1];
        if (!prev || prev[0] !== q[0] || prev[1] !== q[1]) pts.push(q);
      }
      // The closing point (GeoJSON repeats the first) is drawn by Z.
      const first = pts[0];
      const last = pts[pts.length - 1];
      if (first && last && pts.length > 1 && first[0] === last[0] && first[1] === last[1]) pts.pop();
      if (pts.length < 3) continue;
      let d = `M${first![0]} ${first![1]}l`;
      for (let i = 1; i < pts.length; i++) {
        const dx = pts[i]![0] - pts[i - 1]![0];
        const dy = pts[i]![1] - pts[i - 1]![1];
        d += `${i === 1 || dx < 0 ? "" : " "}${dx}${dy < 0 ? "" : " "}${dy}`;
      }
      parts.push(`${d}Z`);
    }
  }
  return parts.join("");
}

/** Signed area of a ring in degrees² (positive: counter-clockwise). */
function ringArea(ring: readonly Position[]): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) a += ring[j]![0] * ring[i]![1] - ring[i]![0] * ring[j]![1];
  return a / 2;
}

/** Where to put a district's name: the centroid of its largest outer ring. */
export function labelPoint(shape: MultiPolygonCoords): Position | null {
  let best: Position[] | null = null;
  let bestArea = 0;
  for (const poly of shape) {
    const outer = poly[0];
    if (!outer) continue;
    const a = Math.abs(ringArea(outer));
    if (a > bestArea) [best, bestArea] = [outer, a];
  }
  if (!best) return null;
  const a = ringArea(best);
  if (a === 0) return best[0] ?? null;
  let cx = 0;
  let cy = 0;
  for (let i = 0, j = best.length - 1; i < best.length; j = i++) {
    const f = best[j]![0] * best[i]![1] - best[i]![0] * best[j]![1];
    cx += (best[j]![0] + best[i]![0]) * f;
    cy += (best[j]![1] + best[i]![1]) * f;
  }
  return [cx / (6 * a), cy / (6 * a)];
}

/** Ray casting: whether a point lies inside a shape (holes excluded). */
export function containsPoint(shape: MultiPolygonCoords, [x, y]: Position): boolean {
  let inside = false;
  for (const poly of shape) {
    for (const ring of poly) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i]!;
        const [xj, yj] = ring[j]!;
        if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
      }
    }
  }
  return inside;
}
