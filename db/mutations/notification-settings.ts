/**
 * A user's own notification settings: modes per event kind and channel, the email address, and
 * group-robot addresses (their own, or their district's / department's group). Every change is
 * audited. Callers pass the signed-in user; the scope of an endpoint comes from that user only.
 */
import { and, eq, or } from "drizzle-orm";
import type { ScopedActor } from "@/domain/actor";
import type { DeliveryChannel, DeliveryMode, NotificationKind } from "@/domain/notifications/kinds";
import type { OpenDatabase } from "../client";
import { notificationAddresses, notificationPreferences, webhookEndpoints } from "../schema";
import { insertAuditEvent } from "./audit";

/** Replaces the user's modes with the given full table (kind × channel). */
export async function saveNotificationPreferences(open: OpenDatabase, actor: ScopedActor, modes: { kind: NotificationKind; channel: DeliveryChannel; mode: DeliveryMode }[], email: string | null): Promise<void> {
  await open.write(async (tx) => {
    const before = await tx.select({ kind: notificationPreferences.kind, channel: notificationPreferences.channel, mode: notificationPreferences.mode }).from(notificationPreferences).where(eq(notificationPreferences.userId, actor.id));
    const oldEmail = (await tx.select({ email: notificationAddresses.email }).from(notificationAddresses).where(eq(notificationAddresses.userId, actor.id)))[0]?.email ?? null;
    await tx.delete(notificationPreferences).where(eq(notificationPreferences.userId, actor.id));
    if (modes.length > 0) await tx.insert(notificationPreferences).values(modes.map((m) => ({ userId: actor.id, ...m })));
    if (email === null) await tx.delete(notificationAddresses).where(eq(notificationAddresses.userId, actor.id));
    else await tx.insert(notificationAddresses).values({ userId: actor.id, email }).onConflictDoUpdate({ target: notificationAddresses.userId, set: { email, updatedAt: new Date().toISOString() } });
    await insertAuditEvent(tx, { actorUserId: actor.id, actorName: actor.name, action: "notification.preferences", entity: "user", entityId: actor.id, districtId: actor.districtId, before: { email: oldEmail, modes: before }, after: { email, modes }, clientAddress: actor.clientAddress });
  });
}

/** Adds a group robot for the user's own group ("scope") or for the user alone. The URL was checked by the caller. */
export async function insertWebhookEndpoint(open: OpenDatabase, actor: ScopedActor, e: { scope: "own" | "group"; label: string; url: string }): Promise<number> {
  return open.write(async (tx) => {
    const owner =
      e.scope === "own" ? { userId: actor.id } : actor.districtId != null ? { districtId: actor.districtId } : actor.departmentId != null ? { departmentId: actor.departmentId } : { userId: actor.id };
    const [row] = await tx.insert(webhookEndpoints).values({ ...owner, label: e.label, url: e.url, createdBy: actor.id }).returning({ id: webhookEndpoints.id });
    await insertAuditEvent(tx, { actorUserId: actor.id, actorName: actor.name, action: "notification.webhook_add", entity: "webhook_endpoint", entityId: row!.id, districtId: actor.districtId, after: { ...owner, label: e.label, url: e.url }, clientAddress: actor.clientAddress });
    return row!.id;
  });
}

/** Switches off a robot the user may manage (their own, or their group's). False when none matched. */
export async function deactivateWebhookEndpoint(open: OpenDatabase, actor: ScopedActor, id: number): Promise<boolean> {
  return open.write(async (tx) => {
    const mine = or(eq(webhookEndpoints.userId, actor.id), actor.districtId != null ? eq(webhookEndpoints.districtId, actor.districtId) : undefined, actor.departmentId != null ? eq(webhookEndpoints.departmentId, actor.departmentId) : undefined);
    const rows = await tx.update(webhookEndpoints).set({ active: false }).where(and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.active, true), mine)).returning({ url: webhookEndpoints.url, label: webhookEndpoints.label });
    if (rows.length === 0) return false;
    await insertAuditEvent(tx, { actorUserId: actor.id, actorName: actor.name, action: "notification.webhook_remove", entity: "webhook_endpoint", entityId: id, districtId: actor.districtId, before: { active: true, ...rows[0] }, after: { active: false }, clientAddress: actor.clientAddress });
    return true;
  });
}
