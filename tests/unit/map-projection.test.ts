import { describe, expect, it } from "vitest";
import type { MultiPolygonCoords } from "@/domain/map/geojson";
import { boundsOf, containsPoint, fitProjection, labelPoint, pathOf } from "@/domain/map/projection";
import { PACE_FILL, renderMapSvg } from "@/domain/map/svg";

const box = (lon: number, lat: number, w: number, h: number): MultiPolygonCoords => [[[[lon, lat], [lon + w, lat], [lon + w, lat + h], [lon, lat + h], [lon, lat]]]];

describe("projecting degrees onto the SVG", () => {
  it("puts north up and east right, and keeps the shape (longitude shrunk by cos latitude)", () => {
    const shape = box(118, 24, 1, 1);
    const p = fitProjection(boundsOf([shape])!, 400, 400, 0);
    // At 24.5°N one degree of longitude is cos(24.5°) ≈ 0.91 of a degree of latitude.
    expect(p.height).toBe(400);
    expect(p.width).toBe(Math.round(400 * Math.cos((24.5 * Math.PI) / 180)));
    expect(p.project(118, 25)).toEqual([0, 0]);
    expect(p.project(119, 24)).toEqual([p.width, 400]);
  });

  it("fits the wider side into the width when the area is wide", () => {
    const p = fitProjection(boundsOf([box(100, 30, 10, 1)])!, 500, 500, 10);
    expect(p.width).toBe(500);
    expect(p.height).toBeLessThan(100);
  });

  it("writes one closed subpath per ring in whole-pixel steps, dropping repeated points", () => {
    const shape: MultiPolygonCoords = [[[[0, 0], [1, 0], [1, 0], [1, 1], [0, 0]]]];
    const p = fitProjection(boundsOf([shape])!, 100, 100, 0);
    // (0,100) → (100,100) → (100,0), closed by Z.
    expect(pathOf(shape, p)).toBe("M0 100l100 0 0-100Z");
    // Steps that round to nothing are dropped; two rings make two subpaths.
    const fine: MultiPolygonCoords = [[[[0, 0], [0.001, 0], [1, 0], [1, 1], [0, 0]], [[0.2, 0.2], [0.4, 0.2], [0.4, 0.4], [0.2, 0.2]]]];
    const q = fitProjection(boundsOf([fine])!, 100, 100, 0);
    expect(pathOf(fine, q)).toBe("M0 100l100 0 0-100ZM20 80l20 0 0-20Z");
  });

  it("finds a shape's label point and tells inside from outside, holes excluded", () => {
    const donut: MultiPolygonCoords = [[box(0, 0, 4, 4)[0]![0]!, box(1, 1, 2, 2)[0]![0]!]];
    expect(labelPoint(box(118, 24, 2, 1))).toEqual([119, 24.5]);
    expect(containsPoint(donut, [0.5, 0.5])).toBe(true);
    expect(containsPoint(donut, [2, 2])).toBe(false);
    expect(containsPoint(donut, [5, 5])).toBe(false);
  });
});

describe("the map SVG", () => {
  it("fills each district with its pace colour and gives it a hover title; text is escaped", () => {
    const svg = renderMapSvg({
      title: "测试 <地图>",
      areas: [
        { key: "a", label: "甲区", shape: box(118, 24, 1, 1), fill: PACE_FILL.ahead, status: "ahead", title: "甲区：正常" },
        { key: "b", label: "乙&区", shape: box(119, 24, 1, 1), fill: PACE_FILL.lagging, status: "lagging", title: "乙&区：严重落后" },
      ],
    })!;
    expect(svg).toMatch(/<path data-district="a" data-status="ahead" d="M[^"]+" fill="#15803d"[^>]*><title>甲区：正常<\/title><\/path>/);
    expect(svg).toContain('fill="#b91c1c"');
    expect(svg).toContain("<title>乙&amp;区：严重落后</title>");
    expect(svg).toContain('aria-label="测试 &lt;地图&gt;"');
  });

  it("draws projects as circles and parks as squares, and nothing at all without shapes or points", () => {
    const svg = renderMapSvg({ title: "点", areas: [], points: [{ kind: "project", position: [118.5, 24.9], title: "项目甲" }, { kind: "park", position: [118.6, 24.8], title: "园区乙" }] })!;
    expect(svg).toContain('<circle data-point="project"');
    expect(svg).toContain('<rect data-point="park"');
    expect(renderMapSvg({ title: "空", areas: [] })).toBeNull();
  });
});
