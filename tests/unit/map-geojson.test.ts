import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { BOUNDARY_MAX_POINTS, matchBoundaries, parseBoundaryGeoJson, type DistrictKey } from "@/domain/map/geojson";
import { parseCoordinates } from "@/domain/map/coordinates";
import { registerSchema } from "@/app/(staff)/district/projects/schemas";

const square = (lon: number, lat: number, d = 0.1) => [[[lon, lat], [lon + d, lat], [lon + d, lat + d], [lon, lat + d], [lon, lat]]];
const feature = (properties: Record<string, unknown>, coordinates: unknown = square(118.5, 24.8), type = "Polygon") => ({ type: "Feature", properties, geometry: { type, coordinates } });
const collection = (...features: unknown[]) => JSON.stringify({ type: "FeatureCollection", features });

const DISTRICTS: DistrictKey[] = [
  { id: 1, code: "licheng", name: "鲤城区", divisionCode: "350502" },
  { id: 2, code: "jinjiang", name: "晋江市", divisionCode: "350582" },
  { id: 3, code: "kaifaqu", name: "泉州经济技术开发区", divisionCode: null },
];

function parsed(text: string) {
  const r = parseBoundaryGeoJson(text);
  if (!r.ok) throw new Error(r.errors.join("\n"));
  return r.features;
}

describe("parsing an uploaded boundary file", () => {
  it("refuses text that is not JSON, with a Chinese reason", () => {
    expect(parseBoundaryGeoJson("{not json")).toEqual({ ok: false, errors: [expect.stringContaining("不是有效的 JSON")] });
  });

  it("refuses JSON that is not a FeatureCollection", () => {
    const r = parseBoundaryGeoJson(JSON.stringify({ type: "Feature", geometry: null }));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors[0]).toContain("FeatureCollection");
  });

  it("names the feature whose geometry is a point, an open ring or outside China", () => {
    const r = parseBoundaryGeoJson(
      collection(
        feature({ name: "鲤城区" }, [118.5, 24.8], "Point"),
        feature({ name: "晋江市" }, [[[118.5, 24.8], [118.6, 24.8], [118.6, 24.9], [118.5, 24.9]]]),
        feature({ name: "丰泽区" }, square(24.8, 118.5)),
      ),
    );
    expect(r.ok).toBe(false);
    const errors = r.ok ? [] : r.errors;
    expect(errors).toHaveLength(3);
    expect(errors[0]).toMatch(/^第 1 个要素（鲤城区）：几何类型应为 Polygon 或 MultiPolygon/);
    expect(errors[1]).toMatch(/^第 2 个要素（晋江市）：/);
    expect(errors[2]).toContain("不在中国范围内");
  });

  it("refuses a file with more vertices than the limit, saying how many", () => {
    const ring: number[][] = [];
    for (let i = 0; i < BOUNDARY_MAX_POINTS + 10; i++) ring.push([118 + (i % 1000) / 10000, 24 + Math.floor(i / 1000) / 10000]);
    ring.push(ring[0]!);
    const r = parseBoundaryGeoJson(collection(feature({ name: "鲤城区" }, [ring])));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors[0]).toContain("边界坐标点过多");
  });

  it("reads Polygon and MultiPolygon features into polygons of rings, and the source with its licence", () => {
    const text = JSON.stringify({
      type: "FeatureCollection",
      properties: { source: "某测绘数据", licence: "CC BY 4.0" },
      features: [feature({ name: "鲤城区" }), feature({ code: "350582" }, [square(118.4, 24.6), square(118.7, 24.6)], "MultiPolygon")],
    });
    const r = parseBoundaryGeoJson(text);
    expect(r.ok && r.source).toBe("某测绘数据；CC BY 4.0");
    const f = parsed(text);
    expect(f.map((x) => x.coordinates.length)).toEqual([1, 2]);
    expect(f[1]!.coordinates[1]![0]![0]).toEqual([118.7, 24.6]);
  });
});

describe("matching features to districts", () => {
  it("matches by name, by administrative division code and by district code; districts left out are listed", () => {
    const f = parsed(collection(feature({ name: "鲤城区" }), feature({ adcode: 350582 })));
    const m = matchBoundaries(f, DISTRICTS);
    expect(m.errors).toEqual([]);
    expect(m.matched.map((x) => [x.district.code, x.feature.number])).toEqual([["licheng", 1], ["jinjiang", 2]]);
    expect(m.missing.map((d) => d.name)).toEqual(["泉州经济技术开发区"]);
  });

  it("refuses a feature that matches no district, naming it", () => {
    const m = matchBoundaries(parsed(collection(feature({ name: "金门县", code: "350527" }))), DISTRICTS);
    expect(m.errors).toEqual([expect.stringMatching(/^第 1 个要素（金门县 \/ 350527）对应不到任何区县/)]);
  });

  it("refuses two features for one district", () => {
    const m = matchBoundaries(parsed(collection(feature({ name: "晋江市" }), feature({ code: "jinjiang" }))), DISTRICTS);
    expect(m.errors).toEqual([expect.stringContaining("与第 1 个要素都对应晋江市")]);
    expect(m.matched).toHaveLength(1);
  });

  it("the shipped Quanzhou file matches the eleven counties and leaves the two zones out", () => {
    const text = readFileSync("public/maps/quanzhou-boundaries.geojson", "utf8");
    expect(text.length).toBeLessThan(100_000);
    const r = parseBoundaryGeoJson(text);
    expect(r.ok && r.source).toContain("MIT");
    const all: DistrictKey[] = [
      ...["鲤城区", "丰泽区", "洛江区", "泉港区", "石狮市", "晋江市", "南安市", "惠安县", "安溪县", "永春县", "德化县"].map((name, i) => ({ id: i + 1, code: `d${i}`, name, divisionCode: null })),
      { id: 20, code: "kaifaqu", name: "泉州经济技术开发区", divisionCode: null },
      { id: 21, code: "taishang", name: "泉州台商投资区", divisionCode: null },
    ];
    const m = matchBoundaries(parsed(text), all);
    expect(m.errors).toEqual([]);
    expect(m.matched).toHaveLength(11);
    expect(m.missing.map((d) => d.code)).toEqual(["kaifaqu", "taishang"]);
  });
});

describe("coordinates typed on the project form", () => {
  it("accepts both or neither", () => {
    expect(parseCoordinates("118.5876", "24.9087")).toEqual({ ok: true, longitude: 118.5876, latitude: 24.9087 });
    expect(parseCoordinates(" ", "")).toEqual({ ok: true, longitude: null, latitude: null });
  });

  it("refuses one without the other", () => {
    expect(parseCoordinates("118.5", "")).toEqual({ ok: false, errors: { latitude: "已填写经度，请同时填写纬度（或两项都不填）" } });
  });

  it("refuses a point outside China's bounding box, and says when the pair looks swapped", () => {
    const r = parseCoordinates("2.35", "48.85");
    expect(r).toEqual({ ok: false, errors: { longitude: "经度 2.35 不在中国范围内（东经 73–136 度）" } });
    const swapped = parseCoordinates("24.9", "118.6");
    expect(!swapped.ok && swapped.errors.longitude).toContain("可能填反了");
  });

  it("refuses text that is not a decimal degree", () => {
    expect(parseCoordinates("118°35'", "24.9")).toEqual({ ok: false, errors: { longitude: "经度请填写十进制度数，例如 118.5876" } });
  });

  it("the project register form stores the pair, and puts the reason under the field it concerns", () => {
    const form = { code: "JJ-1", name: "测试", sectorId: "1", actionId: "", owner: "", totalInvestment: "2", annualPlannedInvestment: "1", plannedStartOn: "", plannedCompletionOn: "", isKey: "", isPublic: "", description: "" };
    expect(registerSchema.parse({ ...form, longitude: "118.5876", latitude: "24.9087" })).toMatchObject({ longitude: 118.5876, latitude: 24.9087 });
    expect(registerSchema.parse(form)).toMatchObject({ longitude: null, latitude: null });
    const r = registerSchema.safeParse({ ...form, longitude: "150", latitude: "24.9" });
    expect(r.error?.issues.map((i) => [i.path[0], i.message])).toEqual([["longitude", "经度 150 不在中国范围内（东经 73–136 度）"]]);
  });
});
