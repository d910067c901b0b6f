/**
 * The city's shared lists: sectors (行业), districts (with peer group) and departments. Shared by
 * every campaign, so nothing here checks a campaign's status. Rows are never deleted:
 * deactivating keeps history (old projects, users and figures still point at them). Callers
 * must have checked `campaign.manage`.
 */
import { and, eq, sql } from "drizzle-orm";
import type { OpenDatabase, Tx } from "../../client";
import { departments, districts, sectors, type DistrictKind } from "../../schema";
import { diff, insertAuditEvent } from "../audit";
import type { Actor } from "@/domain/actor";
import { moveInOrder, nowIso, type SetupOutcome } from "./common";

export type ReferenceKind = "sector" | "district" | "department";

const TABLES = { sector: sectors, district: districts, department: departments } as const;

export interface ReferenceFields {
  name: string;
  nameEn: string;
  /** Districts only. */
  kind?: DistrictKind;
  /** Districts only: takes part in monthly reporting. */
  reports?: boolean;
}

function pick(kind: ReferenceKind, f: ReferenceFields) {
  return kind === "district" ? { name: f.name, nameEn: f.nameEn, kind: f.kind, reports: f.reports } : { name: f.name, nameEn: f.nameEn };
}

async function currentRow(tx: Tx, kind: ReferenceKind, id: number) {
  if (kind === "district") {
    const r = (await tx.select({ id: districts.id, name: districts.name, nameEn: districts.nameEn, kind: districts.kind, reports: districts.reports, active: districts.active, sortOrder: districts.sortOrder, version: districts.version }).from(districts).where(eq(districts.id, id)))[0];
    return r ?? null;
  }
  const t = TABLES[kind];
  const r = (await tx.select({ id: t.id, name: t.name, nameEn: t.nameEn, active: t.active, sortOrder: t.sortOrder, version: t.version }).from(t).where(eq(t.id, id)))[0];
  return r ?? null;
}

export async function insertReference(open: OpenDatabase, kind: ReferenceKind, f: ReferenceFields & { code: string }, actor: Actor): Promise<SetupOutcome<number>> {
  return open.write(async (tx) => {
    const t = TABLES[kind];
    const dup = await tx.select({ id: t.id }).from(t).where(eq(t.code, f.code));
    if (dup.length > 0) return { ok: false, reason: "duplicate", field: "code" };
    const [max] = await tx.select({ n: sql<number>`coalesce(max(${t.sortOrder}), 0)` }).from(t);
    const values = { code: f.code, ...pick(kind, f), sortOrder: Number(max?.n ?? 0) + 1 };
    const [row] = await tx.insert(t).values(values as typeof districts.$inferInsert).returning({ id: t.id });
    await insertAuditEvent(tx, { actorUserId: actor.id, actorName: actor.name, action: `${kind}.create`, entity: kind, entityId: row!.id, after: values, clientAddress: actor.clientAddress });
    return { ok: true, value: row!.id };
  });
}

export async function updateReference(open: OpenDatabase, kind: ReferenceKind, id: number, expectedVersion: number, f: ReferenceFields, actor: Actor): Promise<SetupOutcome> {
  return open.write(async (tx) => {
    const current = await currentRow(tx, kind, id);
    if (!current) return { ok: false, reason: "not-found" };
    if (current.version !== expectedVersion) return { ok: false, reason: "conflict" };
    const change = diff(current as Record<string, unknown>, pick(kind, f));
    if (Object.keys(change.after).length === 0) return { ok: true, value: undefined };
    const t = TABLES[kind];
    const updated = await tx
      .update(t)
      .set({ ...pick(kind, f), version: sql`${t.version} + 1`, updatedAt: nowIso() } as never)
      .where(and(eq(t.id, id), eq(t.version, expectedVersion)))
      .returning({ id: t.id });
    if (updated.length !== 1) return { ok: false, reason: "conflict" };
    await insertAuditEvent(tx, { actorUserId: actor.id, actorName: actor.name, action: `${kind}.update`, entity: kind, entityId: id, districtId: kind === "district" ? id : null, ...change, clientAddress: actor.clientAddress });
    return { ok: true, value: undefined };
  });
}

/** Deactivates (or reactivates) a row; it stays in the database with everything that refers to it. */
export async function setReferenceActive(open: OpenDatabase, kind: ReferenceKind, id: number, expectedVersion: number, active: boolean, actor: Actor): Promise<SetupOutcome> {
  return open.write(async (tx) => {
    const current = await currentRow(tx, kind, id);
    if (!current) return { ok: false, reason: "not-found" };
    if (current.version !== expectedVersion) return { ok: false, reason: "conflict" };
    if (current.active === active) return { ok: true, value: undefined };
    const t = TABLES[kind];
    await tx.update(t).set({ active, version: sql`${t.version} + 1`, updatedAt: nowIso() }).where(and(eq(t.id, id), eq(t.version, expectedVersion)));
    await insertAuditEvent(tx, { actorUserId: actor.id, actorName: actor.name, action: `${kind}.${active ? "activate" : "deactivate"}`, entity: kind, entityId: id, districtId: kind === "district" ? id : null, before: { active: current.active }, after: { active }, clientAddress: actor.clientAddress });
    return { ok: true, value: undefined };
  });
}

/** Moves a row one place up or down in the city's order. */
export async function moveReference(open: OpenDatabase, kind: ReferenceKind, id: number, expectedVersion: number, direction: "up" | "down", actor: Actor): Promise<SetupOutcome> {
  return open.write(async (tx) => {
    const current = await currentRow(tx, kind, id);
    if (!current) return { ok: false, reason: "not-found" };
    if (current.version !== expectedVersion) return { ok: false, reason: "conflict" };
    const t = TABLES[kind];
    const all = await tx.select({ id: t.id, sortOrder: t.sortOrder }).from(t);
    const changes = moveInOrder(all, id, direction);
    if (!changes) return { ok: true, value: undefined };
    for (const [rowId, sortOrder] of changes) await tx.update(t).set({ sortOrder, version: sql`${t.version} + 1`, updatedAt: nowIso() }).where(eq(t.id, rowId));
    await insertAuditEvent(tx, { actorUserId: actor.id, actorName: actor.name, action: `${kind}.move`, entity: kind, entityId: id, after: { direction, sortOrder: Object.fromEntries(changes) }, clientAddress: actor.clientAddress });
    return { ok: true, value: undefined };
  });
}
