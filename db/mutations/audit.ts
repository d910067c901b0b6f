import type { Tx } from "../client";
import { auditEvents } from "../schema";

export interface AuditEntry {
  actorUserId: number | null;
  actorName: string;
  action: string;
  outcome?: "ok" | "denied";
  entity: string;
  entityId?: string | number | null;
  districtId?: number | null;
  before?: unknown;
  after?: unknown;
  clientAddress?: string | null;
}

/** Appends one audit event inside the caller's transaction, so it commits or rolls back with the change. */
export async function insertAuditEvent(tx: Tx, e: AuditEntry): Promise<void> {
  await tx.insert(auditEvents).values({
    actorUserId: e.actorUserId,
    actorName: e.actorName,
    action: e.action,
    outcome: e.outcome ?? "ok",
    entity: e.entity,
    entityId: e.entityId == null ? null : String(e.entityId),
    districtId: e.districtId ?? null,
    before: e.before ?? null,
    after: e.after ?? null,
    clientAddress: e.clientAddress ?? null,
  });
}

/** Only the columns whose values differ, as {before, after}: what an audit row should show. */
export function diff<T extends Record<string, unknown>>(before: T, after: Partial<T>): { before: Partial<T>; after: Partial<T> } {
  const b: Partial<T> = {};
  const a: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (after[key] !== undefined && before[key] !== after[key]) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return { before: b, after: a };
}
