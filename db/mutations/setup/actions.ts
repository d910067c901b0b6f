/**
 * Special actions (专项行动) and their sub-actions: create, rename, set the lead department,
 * reorder among siblings. Callers must have checked `campaign.manage`.
 */
import { and, eq, isNull, sql } from "drizzle-orm";
import type { OpenDatabase, Tx } from "../../client";
import { actions, departments } from "../../schema";
import { diff, insertAuditEvent } from "../audit";
import type { Actor } from "@/domain/actor";
import { moveInOrder, nowIso, writableCampaign, type SetupOutcome } from "./common";

export interface ActionFields {
  name: string;
  nameEn: string;
  groupLabel: string;
  summary: string;
  leadDepartmentId: number | null;
}

async function departmentExists(tx: Tx, id: number | null): Promise<boolean> {
  if (id === null) return true;
  return (await tx.select({ id: departments.id }).from(departments).where(eq(departments.id, id))).length === 1;
}

export async function insertAction(open: OpenDatabase, campaignId: number, f: ActionFields & { code: string; parentId: number | null }, actor: Actor): Promise<SetupOutcome<number>> {
  return open.write(async (tx) => {
    const blocked = await writableCampaign(tx, campaignId);
    if (blocked) return blocked;
    const dup = await tx.select({ id: actions.id }).from(actions).where(and(eq(actions.campaignId, campaignId), eq(actions.code, f.code)));
    if (dup.length > 0) return { ok: false, reason: "duplicate", field: "code" };
    if (f.parentId !== null) {
      const parent = await tx.select({ id: actions.id }).from(actions).where(and(eq(actions.id, f.parentId), eq(actions.campaignId, campaignId), isNull(actions.parentId)));
      if (parent.length === 0) return { ok: false, reason: "refused", field: "parentId", message: "上级行动不存在（子行动只能挂在一级行动下）" };
    }
    if (!(await departmentExists(tx, f.leadDepartmentId))) return { ok: false, reason: "refused", field: "leadDepartmentId", message: "所选部门不存在" };
    const [max] = await tx.select({ n: sql<number>`coalesce(max(${actions.sortOrder}), 0)` }).from(actions).where(eq(actions.campaignId, campaignId));
    const [row] = await tx
      .insert(actions)
      .values({ campaignId, ...f, sortOrder: Number(max?.n ?? 0) + 1 })
      .returning({ id: actions.id });
    await insertAuditEvent(tx, { actorUserId: actor.id, actorName: actor.name, action: "action.create", entity: "action", entityId: row!.id, after: { campaignId, ...f }, clientAddress: actor.clientAddress });
    return { ok: true, value: row!.id };
  });
}

const editable = {
  id: actions.id,
  campaignId: actions.campaignId,
  name: actions.name,
  nameEn: actions.nameEn,
  groupLabel: actions.groupLabel,
  summary: actions.summary,
  leadDepartmentId: actions.leadDepartmentId,
  version: actions.version,
};

export async function updateAction(open: OpenDatabase, id: number, expectedVersion: number, f: ActionFields, actor: Actor): Promise<SetupOutcome> {
  return open.write(async (tx) => {
    const current = (await tx.select(editable).from(actions).where(eq(actions.id, id)))[0];
    if (!current) return { ok: false, reason: "not-found" };
    const blocked = await writableCampaign(tx, current.campaignId);
    if (blocked) return blocked;
    if (current.version !== expectedVersion) return { ok: false, reason: "conflict" };
    if (!(await departmentExists(tx, f.leadDepartmentId))) return { ok: false, reason: "refused", field: "leadDepartmentId", message: "所选部门不存在" };
    const change = diff(current, f);
    if (Object.keys(change.after).length === 0) return { ok: true, value: undefined };
    const updated = await tx
      .update(actions)
      .set({ ...f, version: sql`${actions.version} + 1`, updatedAt: nowIso() })
      .where(and(eq(actions.id, id), eq(actions.version, expectedVersion)))
      .returning({ id: actions.id });
    if (updated.length !== 1) return { ok: false, reason: "conflict" };
    await insertAuditEvent(tx, { actorUserId: actor.id, actorName: actor.name, action: "action.update", entity: "action", entityId: id, ...change, clientAddress: actor.clientAddress });
    return { ok: true, value: undefined };
  });
}

/** Moves an action one place up or down among its siblings (same parent). */
export async function moveAction(open: OpenDatabase, id: number, expectedVersion: number, direction: "up" | "down", actor: Actor): Promise<SetupOutcome> {
  return open.write(async (tx) => {
    const current = (await tx.select({ campaignId: actions.campaignId, parentId: actions.parentId, version: actions.version }).from(actions).where(eq(actions.id, id)))[0];
    if (!current) return { ok: false, reason: "not-found" };
    const blocked = await writableCampaign(tx, current.campaignId);
    if (blocked) return blocked;
    if (current.version !== expectedVersion) return { ok: false, reason: "conflict" };
    const siblings = await tx
      .select({ id: actions.id, sortOrder: actions.sortOrder })
      .from(actions)
      .where(and(eq(actions.campaignId, current.campaignId), current.parentId === null ? isNull(actions.parentId) : eq(actions.parentId, current.parentId)));
    const changes = moveInOrder(siblings, id, direction);
    if (!changes) return { ok: true, value: undefined };
    for (const [rowId, sortOrder] of changes) {
      await tx.update(actions).set({ sortOrder, version: sql`${actions.version} + 1`, updatedAt: nowIso() }).where(eq(actions.id, rowId));
    }
    await insertAuditEvent(tx, { actorUserId: actor.id, actorName: actor.name, action: "action.move", entity: "action", entityId: id, after: { direction, sortOrder: Object.fromEntries(changes) }, clientAddress: actor.clientAddress });
    return { ok: true, value: undefined };
  });
}
