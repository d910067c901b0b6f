import "server-only";
import { and, desc, eq, isNull, or, sql } from "drizzle-orm";
import { getDatabase } from "../index";
import { notificationAddresses, notificationPreferences, notifications, outboxMessages, users, webhookEndpoints } from "../schema";

/** Unread count for the header bell. Scope: the signed-in user's own id. */
export async function countUnreadNotifications(userId: number): Promise<number> {
  const { db } = await getDatabase();
  const rows = await db.select({ n: sql<number>`count(*)` }).from(notifications).where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return Number(rows[0]?.n ?? 0);
}

/** The user's notifications, newest first. Scope: the signed-in user's own id. */
export async function listNotifications(userId: number, limit = 100) {
  const { db } = await getDatabase();
  return db
    .select({ id: notifications.id, kind: notifications.kind, textZh: notifications.textZh, link: notifications.link, createdAt: notifications.createdAt, readAt: notifications.readAt })
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit);
}

/** The user's chosen modes and email address. Scope: the signed-in user's own id. */
export async function getNotificationSettings(userId: number) {
  const { db } = await getDatabase();
  const prefs = await db.select({ kind: notificationPreferences.kind, channel: notificationPreferences.channel, mode: notificationPreferences.mode }).from(notificationPreferences).where(eq(notificationPreferences.userId, userId));
  const address = (await db.select({ email: notificationAddresses.email }).from(notificationAddresses).where(eq(notificationAddresses.userId, userId)))[0]?.email ?? null;
  return { prefs, email: address };
}

/** Group robots that hear this user: their own and their district's or department's. Scope: the signed-in user. */
export async function listWebhookEndpoints(user: { id: number; districtId: number | null; departmentId: number | null }) {
  const { db } = await getDatabase();
  return db
    .select({ id: webhookEndpoints.id, label: webhookEndpoints.label, url: webhookEndpoints.url, userId: webhookEndpoints.userId, districtId: webhookEndpoints.districtId, departmentId: webhookEndpoints.departmentId })
    .from(webhookEndpoints)
    .where(
      and(
        eq(webhookEndpoints.active, true),
        or(eq(webhookEndpoints.userId, user.id), user.districtId != null ? eq(webhookEndpoints.districtId, user.districtId) : undefined, user.departmentId != null ? eq(webhookEndpoints.departmentId, user.departmentId) : undefined),
      ),
    )
    .orderBy(webhookEndpoints.id);
}

/** The latest outgoing messages and their outcome (the send log). Caller must have checked `audit.read`. */
export async function listOutbox(limit = 100) {
  const { db } = await getDatabase();
  return db
    .select({ id: outboxMessages.id, channel: outboxMessages.channel, mode: outboxMessages.mode, kind: outboxMessages.kind, userId: outboxMessages.userId, endpointId: outboxMessages.endpointId, subject: outboxMessages.subject, status: outboxMessages.status, attempts: outboxMessages.attempts, nextAttemptAt: outboxMessages.nextAttemptAt, lastError: outboxMessages.lastError, sentAt: outboxMessages.sentAt, createdAt: outboxMessages.createdAt, userName: users.displayName, robotLabel: webhookEndpoints.label })
    .from(outboxMessages)
    .leftJoin(users, eq(users.id, outboxMessages.userId))
    .leftJoin(webhookEndpoints, eq(webhookEndpoints.id, outboxMessages.endpointId))
    .orderBy(desc(outboxMessages.id))
    .limit(limit);
}
