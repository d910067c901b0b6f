import "server-only";
import { and, asc, eq, isNotNull } from "drizzle-orm";
import type { MultiPolygonCoords } from "@/domain/map/geojson";
import { getDatabase } from "../index";
import { districtBoundaries, districts, parks, projects } from "../schema";

export interface DistrictBoundary {
  districtId: number;
  coordinates: MultiPolygonCoords;
  source: string;
}

/** Public: every stored district boundary (boundaries are public geography, not campaign data). */
export async function listDistrictBoundaries(): Promise<DistrictBoundary[]> {
  const { db } = await getDatabase();
  const rows = await db
    .select({ districtId: districtBoundaries.districtId, coordinates: districtBoundaries.coordinates, source: districtBoundaries.source })
    .from(districtBoundaries)
    .innerJoin(districts, eq(districts.id, districtBoundaries.districtId))
    .orderBy(asc(districts.sortOrder), asc(districts.id));
  return rows.map((r) => ({ districtId: r.districtId, coordinates: JSON.parse(r.coordinates) as MultiPolygonCoords, source: r.source }));
}

/** For the set-up page: which districts have a boundary, its source and when it was loaded. Caller must have checked `campaign.manage`. */
export async function listBoundaryStatus() {
  const { db } = await getDatabase();
  return db
    .select({ districtId: districtBoundaries.districtId, source: districtBoundaries.source, updatedAt: districtBoundaries.updatedAt })
    .from(districtBoundaries);
}

/** Active districts as an upload is matched against them (code, name, administrative division code). Caller must have checked `campaign.manage`. */
export async function listDistrictKeys() {
  const { db } = await getDatabase();
  return db
    .select({ id: districts.id, code: districts.code, name: districts.name, divisionCode: districts.divisionCode, reports: districts.reports })
    .from(districts)
    .where(eq(districts.active, true))
    .orderBy(asc(districts.sortOrder), asc(districts.id));
}

export interface MapPointRow {
  kind: "project" | "park";
  code: string;
  name: string;
  longitude: number;
  latitude: number;
  isPilot: boolean;
}

/**
 * Projects and parks of one district that have a location, for its map. `publicOnly`: public
 * projects and pilot parks only (what the public pages show); otherwise the caller must have
 * checked it may read the district's records.
 */
export async function listDistrictMapPoints(campaignId: number, districtId: number, publicOnly: boolean): Promise<MapPointRow[]> {
  const { db } = await getDatabase();
  const [p, k] = await Promise.all([
    db
      .select({ code: projects.code, name: projects.name, longitude: projects.longitude, latitude: projects.latitude })
      .from(projects)
      .where(
        and(
          eq(projects.campaignId, campaignId),
          eq(projects.districtId, districtId),
          isNotNull(projects.longitude),
          isNotNull(projects.latitude),
          publicOnly ? eq(projects.isPublic, true) : undefined,
        ),
      )
      .orderBy(asc(projects.code)),
    db
      .select({ code: parks.code, name: parks.name, longitude: parks.longitude, latitude: parks.latitude, isPilot: parks.isPilot })
      .from(parks)
      .where(and(eq(parks.campaignId, campaignId), eq(parks.districtId, districtId), isNotNull(parks.longitude), isNotNull(parks.latitude), publicOnly ? eq(parks.isPilot, true) : undefined))
      .orderBy(asc(parks.code)),
  ]);
  return [
    ...p.map((r) => ({ kind: "project" as const, code: r.code, name: r.name, longitude: r.longitude!, latitude: r.latitude!, isPilot: false })),
    ...k.map((r) => ({ kind: "park" as const, code: r.code, name: r.name, longitude: r.longitude!, latitude: r.latitude!, isPilot: r.isPilot })),
  ];
}
