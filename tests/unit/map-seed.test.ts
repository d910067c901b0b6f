import { describe, expect, it } from "vitest";
import { containsPoint } from "@/domain/map/projection";
import { inChina } from "@/domain/map/coordinates";
import { demoLocations, seedBoundaries } from "@/db/seed/map-demo";
import { buildProjects } from "@/db/seed/demo-projects";
import { buildParks } from "@/db/seed/demo-records";
import { DISTRICTS } from "@/db/seed/quanzhou-2023";

describe("the demo's map data", () => {
  const boundaries = seedBoundaries(DISTRICTS.map((d, i) => ({ id: i + 1, code: d.code, name: d.name, divisionCode: d.divisionCode })));
  const shapes = new Map(boundaries.map((b) => [b.code, b.coordinates]));

  it("ships a boundary for each of the eleven counties and none for the two development zones", () => {
    expect(boundaries.map((b) => b.code).sort()).toEqual(DISTRICTS.filter((d) => d.divisionCode).map((d) => d.code).sort());
  });

  it("places every pilot park and each located demo project inside its own district", () => {
    const parks = buildParks();
    const projects = buildProjects();
    const spots = demoLocations(shapes, parks, projects);
    expect(spots.parks).toHaveLength(parks.length);
    expect(spots.projects.size).toBeGreaterThanOrEqual(20);
    const check = (district: string, s: { longitude: number; latitude: number }) => {
      const shape = shapes.get(district);
      // The zones have no boundary: their demo points sit at a fixed place near the city.
      const inside = shape ? containsPoint(shape, [s.longitude, s.latitude]) : ["kaifaqu", "taishang"].includes(district) && inChina(s.longitude, s.latitude);
      expect(inside, `${district} ${s.longitude},${s.latitude}`).toBe(true);
    };
    parks.forEach((p, i) => check(p.district, spots.parks[i]!));
    for (const [i, s] of spots.projects) {
      expect(projects[i]!.isPublic).toBe(true);
      check(projects[i]!.district, s);
    }
  });
});
