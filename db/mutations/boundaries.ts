/**
 * Loading a city's district boundaries (set-up). The whole set is replaced in one write
 * transaction with its audit row: a refused or failed upload leaves the previous boundaries
 * as they were. Callers must have passed requirePermission("campaign.manage") and matched
 * every feature to a district (domain/map/geojson.ts).
 */
import { inArray } from "drizzle-orm";
import { boundaryStamp } from "@/domain/map/geojson";
import { districtBoundaries } from "../schema";
import type { OpenDatabase } from "../client";
import { insertAuditEvent } from "./audit";
import type { Actor } from "@/domain/actor";
import type { Outcome, Refused } from "@/domain/outcome";

export interface BoundaryItem {
  districtId: number;
  districtCode: string;
  coordinates: unknown;
}

export async function replaceDistrictBoundaries(
  open: OpenDatabase,
  items: readonly BoundaryItem[],
  source: string,
  expectedStamp: string,
  actor: Actor,
): Promise<Outcome<{ replaced: number; loaded: number }, Refused<"stale">>> {
  return open.write(async (tx) => {
    const old = await tx
      .select({ districtId: districtBoundaries.districtId, source: districtBoundaries.source, updatedAt: districtBoundaries.updatedAt })
      .from(districtBoundaries);
    if (boundaryStamp(old) !== expectedStamp) return { ok: false, reason: "stale" } as const;
    const codes = new Map(items.map((i) => [i.districtId, i.districtCode]));
    // Every row goes: the new file is the whole set (a district it leaves out is drawn as missing).
    if (old.length > 0) await tx.delete(districtBoundaries).where(inArray(districtBoundaries.districtId, old.map((o) => o.districtId)));
    for (const i of items) {
      await tx.insert(districtBoundaries).values({ districtId: i.districtId, coordinates: JSON.stringify(i.coordinates), source, updatedBy: actor.id });
    }
    await insertAuditEvent(tx, {
      actorUserId: actor.id,
      actorName: actor.name,
      action: "boundaries.replace",
      entity: "district_boundaries",
      entityId: null,
      before: old.length > 0 ? { districtIds: old.map((o) => o.districtId), source: old[0]!.source } : null,
      after: { districts: items.map((i) => codes.get(i.districtId)), source },
      clientAddress: actor.clientAddress,
    });
    return { ok: true, value: { replaced: old.length, loaded: items.length } } as const;
  });
}
