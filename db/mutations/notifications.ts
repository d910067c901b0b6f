/**
 * Emitting notifications: inside the caller's write transaction, one in-app row per recipient
 * and the outbox rows its email and webhook preferences ask for. Nothing is sent here: the worker
 * (db/notify/worker.ts) delivers later, so a slow or refusing mail server never blocks the action.
 * Callers have already passed the policy check for the change that causes the event.
 */
import { and, eq, inArray, or, sql } from "drizzle-orm";
import { todayInShanghai } from "@/domain/months";
import { effectiveMode, type DeliveryMode, type NotificationKind } from "@/domain/notifications/kinds";
import type { Tx } from "../client";
import { notificationAddresses, notificationPreferences, notifications, outboxMessages, users, webhookEndpoints, type Role } from "../schema";

export type Recipients = { districtId: number } | { departmentId: number } | { roles: readonly Role[] } | { userIds: readonly number[] };

export interface NotificationEvent {
  kind: NotificationKind;
  subjectType: string;
  subjectId: number | null;
  textZh: string;
  textEn: string;
  /** Where the record is, per side: a district/department clerk's page or the city's. */
  link: { editor?: string; city?: string };
  /** Same key → at most one notification per user (timer-made reminders). */
  dedupeKey?: string;
}

/** Email is queued only when a mail server is configured (TUIJIN_SMTP_HOST). */
export function smtpConfigured(): boolean {
  return Boolean(process.env.TUIJIN_SMTP_HOST?.trim());
}

function absolute(link: string | null): string {
  const origin = process.env.TUIJIN_PUBLIC_ORIGIN?.trim().replace(/\/$/, "");
  return link && origin ? `\n${origin}${link}` : "";
}

async function recipientsOf(tx: Tx, to: Recipients, exclude: number | null) {
  const where =
    "districtId" in to
      ? and(eq(users.role, "district_editor"), eq(users.districtId, to.districtId))
      : "departmentId" in to
        ? and(eq(users.role, "department_editor"), eq(users.departmentId, to.departmentId))
        : "roles" in to
          ? inArray(users.role, [...to.roles])
          : inArray(users.id, to.userIds.length > 0 ? [...to.userIds] : [-1]);
  const rows = await tx.select({ id: users.id, role: users.role, districtId: users.districtId, departmentId: users.departmentId }).from(users).where(and(eq(users.active, true), where));
  return rows.filter((u) => u.id !== exclude);
}

/**
 * Writes the event for every recipient (minus the actor) and queues its deliveries. Returns the
 * number of in-app notifications written (a deduplicated reminder writes none the second time).
 */
export async function emitNotification(tx: Tx, event: NotificationEvent, to: Recipients, opts: { excludeUserId?: number | null; now?: Date } = {}): Promise<number> {
  const people = await recipientsOf(tx, to, opts.excludeUserId ?? null);
  if (people.length === 0) return 0;
  const now = opts.now ?? new Date();
  const day = todayInShanghai(now);
  const linkFor = (role: Role) => (role === "district_editor" || role === "department_editor" ? event.link.editor : event.link.city) ?? null;
  const written = await tx
    .insert(notifications)
    .values(people.map((u) => ({ userId: u.id, kind: event.kind, subjectType: event.subjectType, subjectId: event.subjectId, link: linkFor(u.role), textZh: event.textZh, textEn: event.textEn, dedupeKey: event.dedupeKey ?? null, createdAt: now.toISOString() })))
    .onConflictDoNothing()
    .returning({ id: notifications.id, userId: notifications.userId });
  if (written.length === 0) return 0;

  const ids = written.map((w) => w.userId);
  const prefs = await tx.select({ userId: notificationPreferences.userId, channel: notificationPreferences.channel, mode: notificationPreferences.mode }).from(notificationPreferences).where(and(inArray(notificationPreferences.userId, ids), eq(notificationPreferences.kind, event.kind)));
  const modeOf = (userId: number, channel: "email" | "webhook"): DeliveryMode =>
    effectiveMode(event.kind, channel, new Map(prefs.filter((p) => p.userId === userId).map((p) => [`${event.kind}:${p.channel}`, p.mode] as const)));
  const subject = `【推进】${event.textZh.length > 40 ? `${event.textZh.slice(0, 40)}…` : event.textZh}`;
  const base = { kind: event.kind, day, subject, nextAttemptAt: now.toISOString(), createdAt: now.toISOString() };
  const rows: (typeof outboxMessages.$inferInsert)[] = [];

  if (smtpConfigured()) {
    const addresses = new Set((await tx.select({ userId: notificationAddresses.userId }).from(notificationAddresses).where(inArray(notificationAddresses.userId, ids))).map((a) => a.userId));
    for (const w of written) {
      const mode = modeOf(w.userId, "email");
      const person = people.find((p) => p.id === w.userId)!;
      if (mode === "off" || !addresses.has(w.userId)) continue;
      rows.push({ ...base, channel: "email", mode, userId: w.userId, notificationId: w.id, body: `${event.textZh}${absolute(linkFor(person.role))}` });
    }
  }

  // A group robot hears an event once, however many of its members want it: immediately if anyone does.
  const wanting = written.map((w) => ({ w, p: people.find((p) => p.id === w.userId)!, mode: modeOf(w.userId, "webhook") })).filter((x) => x.mode !== "off");
  if (wanting.length > 0) {
    const conds = [inArray(webhookEndpoints.userId, wanting.map((x) => x.p.id))];
    const dIds = [...new Set(wanting.map((x) => x.p.districtId).filter((v): v is number => v != null))];
    const gIds = [...new Set(wanting.map((x) => x.p.departmentId).filter((v): v is number => v != null))];
    if (dIds.length > 0) conds.push(inArray(webhookEndpoints.districtId, dIds));
    if (gIds.length > 0) conds.push(inArray(webhookEndpoints.departmentId, gIds));
    const endpoints = await tx.select({ id: webhookEndpoints.id, userId: webhookEndpoints.userId, districtId: webhookEndpoints.districtId, departmentId: webhookEndpoints.departmentId }).from(webhookEndpoints).where(and(eq(webhookEndpoints.active, true), or(...conds)));
    for (const e of endpoints) {
      const members = wanting.filter((x) => x.p.id === e.userId || (e.districtId != null && x.p.districtId === e.districtId) || (e.departmentId != null && x.p.departmentId === e.departmentId));
      if (members.length === 0) continue;
      const mode = members.some((m) => m.mode === "immediate") ? "immediate" : "digest";
      rows.push({ ...base, channel: "webhook", mode, endpointId: e.id, notificationId: members[0]!.w.id, body: `【推进】${event.textZh}${absolute(linkFor(members[0]!.p.role))}` });
    }
  }
  if (rows.length > 0) await tx.insert(outboxMessages).values(rows);
  return written.length;
}

/** Marks one of the user's notifications, or all of them, read. Scope: the signed-in user's own rows only. */
export async function markNotificationsRead(tx: Tx, userId: number, id: number | "all", at = new Date().toISOString()): Promise<number> {
  const rows = await tx
    .update(notifications)
    .set({ readAt: at })
    .where(and(eq(notifications.userId, userId), sql`${notifications.readAt} is null`, id === "all" ? undefined : eq(notifications.id, id)))
    .returning({ id: notifications.id });
  return rows.length;
}
