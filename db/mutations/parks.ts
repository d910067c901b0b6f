/**
 * Pilot parks: status and dates. The write runs in one write transaction with its audit row,
 * version-checked and with the district in its WHERE clause. Callers must have checked
 * `record.edit` for the district and for the month of a trial-operation date it sets or moves.
 */
import { and, eq, sql } from "drizzle-orm";
import type { OpenDatabase } from "../client";
import { parks, type PARK_STATUSES } from "../schema";
import { diff, insertAuditEvent } from "./audit";
import type { Actor } from "@/domain/actor";
import type { WriteOutcome } from "./users";

export interface ParkProgress {
  status: (typeof PARK_STATUSES)[number];
  plannedTrialOn: string | null;
  trialOperationOn: string | null;
}

export async function updateParkProgress(open: OpenDatabase, target: { id: number; districtId: number; expectedVersion: number }, patch: ParkProgress, actor: Actor): Promise<WriteOutcome> {
  return open.write(async (tx) => {
    const scope = and(eq(parks.id, target.id), eq(parks.districtId, target.districtId));
    const row = (
      await tx
        .select({ status: parks.status, plannedTrialOn: parks.plannedTrialOn, trialOperationOn: parks.trialOperationOn, version: parks.version })
        .from(parks)
        .where(scope)
    )[0];
    if (!row) return { ok: false, reason: "not-found" };
    if (row.version !== target.expectedVersion) return { ok: false, reason: "conflict" };
    const change = diff(row, patch);
    if (Object.keys(change.after).length === 0) return { ok: true, value: undefined };
    const updated = await tx
      .update(parks)
      .set({ ...patch, updatedBy: actor.id, updatedAt: new Date().toISOString(), version: sql`${parks.version} + 1` })
      .where(and(scope, eq(parks.version, target.expectedVersion)))
      .returning({ id: parks.id });
    if (updated.length !== 1) return { ok: false, reason: "conflict" };
    await insertAuditEvent(tx, { actorUserId: actor.id, actorName: actor.name, action: "park.update", entity: "park", entityId: target.id, districtId: target.districtId, ...change, clientAddress: actor.clientAddress });
    return { ok: true, value: undefined };
  });
}
