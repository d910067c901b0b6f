/**
 * Signings (签约). Every write runs in one write transaction with its audit row; updates are
 * version-checked and carry the district in their WHERE clause. Callers must have checked
 * `record.edit` for the district and for the month of every signed/landed date the write sets
 * or moves away from.
 */
import { and, eq, sql } from "drizzle-orm";
import type { OpenDatabase } from "../client";
import { signings } from "../schema";
import { diff, insertAuditEvent } from "./audit";
import type { Actor, WriteOutcome } from "./users";

export interface SigningFields {
  name: string;
  investor: string;
  /** 万元 */
  amount: number;
  isOverseas: boolean;
  isCultureTourism: boolean;
  eventId: number | null;
  signedOn: string;
  landedOn: string | null;
  isPublic: boolean;
}

const nowIso = () => new Date().toISOString();

export async function insertSigning(open: OpenDatabase, f: SigningFields & { campaignId: number; districtId: number }, actor: Actor): Promise<WriteOutcome<number>> {
  return open.write(async (tx) => {
    const [row] = await tx
      .insert(signings)
      .values({ ...f, updatedBy: actor.id })
      .returning({ id: signings.id });
    await insertAuditEvent(tx, { actorUserId: actor.id, actorName: actor.name, action: "signing.create", entity: "signing", entityId: row!.id, districtId: f.districtId, after: f, clientAddress: actor.clientAddress });
    return { ok: true, value: row!.id };
  });
}

const current = {
  id: signings.id,
  name: signings.name,
  investor: signings.investor,
  amount: signings.amount,
  isOverseas: signings.isOverseas,
  isCultureTourism: signings.isCultureTourism,
  eventId: signings.eventId,
  signedOn: signings.signedOn,
  landedOn: signings.landedOn,
  isPublic: signings.isPublic,
  version: signings.version,
};

/** Changes a signing the caller loaded at `expectedVersion` in `districtId`; a changed version is a conflict and nothing is written. */
export async function updateSigning(open: OpenDatabase, target: { id: number; districtId: number; expectedVersion: number }, patch: SigningFields, actor: Actor): Promise<WriteOutcome> {
  return open.write(async (tx) => {
    const scope = and(eq(signings.id, target.id), eq(signings.districtId, target.districtId));
    const row = (await tx.select(current).from(signings).where(scope))[0];
    if (!row) return { ok: false, reason: "not-found" };
    if (row.version !== target.expectedVersion) return { ok: false, reason: "conflict" };
    const change = diff(row, patch);
    if (Object.keys(change.after).length === 0) return { ok: true, value: undefined };
    const updated = await tx
      .update(signings)
      .set({ ...patch, updatedBy: actor.id, updatedAt: nowIso(), version: sql`${signings.version} + 1` })
      .where(and(scope, eq(signings.version, target.expectedVersion)))
      .returning({ id: signings.id });
    if (updated.length !== 1) return { ok: false, reason: "conflict" };
    await insertAuditEvent(tx, { actorUserId: actor.id, actorName: actor.name, action: "signing.update", entity: "signing", entityId: target.id, districtId: target.districtId, ...change, clientAddress: actor.clientAddress });
    return { ok: true, value: undefined };
  });
}
