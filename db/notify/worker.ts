/**
 * The notification worker: one pass (a) raises timer-made reminders (报送截止日临近/已过, 督办单即将到期),
 * (b) folds finished days' digest items into one message per destination, (c) delivers what is
 * due. Safe to run concurrently in several instances: reminders are deduplicated by a unique key,
 * digests and claims change row status inside write transactions, and a message is only ever
 * sent by the instance whose claim token it carries.
 */
import { randomUUID } from "node:crypto";
import { and, asc, eq, gte, inArray, isNull, lt, lte, or } from "drizzle-orm";
import { todayInShanghai } from "@/domain/months";
import { nextAttemptAfterFailure } from "@/domain/notifications/backoff";
import type { Channel } from "@/domain/notifications/channel";
import { groupDigest } from "@/domain/notifications/digest";
import type { OpenDatabase } from "../client";
import { notifyDeadline, notifyOrder } from "../mutations/notify-events";
import { campaigns, districts, monthlyReports, notificationAddresses, outboxMessages, periods, supervisionOrders, webhookEndpoints } from "../schema";
import { EmailChannel, WebhookChannel } from "./channels";

const SOON_DAYS = 3;
const ORDER_DUE_DAYS = 2;
const CLAIM_BATCH = 20;
/** A claim older than this belongs to an instance that died mid-send: the row is due again. */
const STALE_CLAIM_MS = 5 * 60_000;

function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** 催报 and order-due reminders for today; each (user, reminder) at most once. */
export async function raiseReminders(open: OpenDatabase, now: Date): Promise<number> {
  const today = todayInShanghai(now);
  return open.write(async (tx) => {
    let n = 0;
    // Months still open to reporting in a running campaign, not marked as history, due within the window or past it.
    const pending = await tx
      .select({ periodId: periods.id, month: periods.month, dueOn: periods.dueOn, districtId: districts.id })
      .from(periods)
      .innerJoin(campaigns, eq(campaigns.id, periods.campaignId))
      .innerJoin(districts, and(eq(districts.active, true), eq(districts.reports, true)))
      .leftJoin(monthlyReports, and(eq(monthlyReports.periodId, periods.id), eq(monthlyReports.districtId, districts.id)))
      .where(
        and(
          eq(campaigns.status, "active"),
          lte(campaigns.startsOn, today),
          gte(campaigns.endsOn, today),
          eq(periods.isOpen, true),
          eq(periods.locked, false),
          eq(periods.historical, false),
          lte(periods.dueOn, addDays(today, SOON_DAYS)),
          or(isNull(monthlyReports.status), inArray(monthlyReports.status, ["draft", "returned"])),
        ),
      );
    for (const p of pending) {
      const kind = p.dueOn >= today ? "deadline_soon" : "deadline_passed";
      n += await notifyDeadline(tx, { kind, periodId: p.periodId, districtId: p.districtId, month: p.month, dueOn: p.dueOn, dedupeKey: `${kind}:${p.periodId}:${p.districtId}`, now });
    }
    const orders = await tx
      .select({ id: supervisionOrders.id })
      .from(supervisionOrders)
      .where(and(inArray(supervisionOrders.status, ["open", "returned"]), gte(supervisionOrders.deadlineOn, today), lte(supervisionOrders.deadlineOn, addDays(today, ORDER_DUE_DAYS))));
    for (const o of orders) n += await notifyOrder(tx, o.id, "order_due", { dedupeKey: `order_due:${o.id}`, now });
    return n;
  });
}

/** Folds every finished day's digest items into one message per destination and day. */
export async function buildDigests(open: OpenDatabase, now: Date): Promise<number> {
  const today = todayInShanghai(now);
  return open.write(async (tx) => {
    const items = await tx
      .select({ id: outboxMessages.id, channel: outboxMessages.channel, userId: outboxMessages.userId, endpointId: outboxMessages.endpointId, day: outboxMessages.day, createdAt: outboxMessages.createdAt, subject: outboxMessages.subject, body: outboxMessages.body })
      .from(outboxMessages)
      .where(and(eq(outboxMessages.mode, "digest"), eq(outboxMessages.status, "pending"), lt(outboxMessages.day, today)));
    const messages = groupDigest(items, today);
    for (const m of messages) {
      const [row] = await tx
        .insert(outboxMessages)
        .values({ channel: m.channel, mode: "immediate", userId: m.channel === "email" ? m.userId : null, endpointId: m.channel === "webhook" ? m.endpointId : null, kind: "digest", day: m.day, subject: m.subject, body: m.channel === "webhook" ? `【推进】${m.body}` : m.body, nextAttemptAt: now.toISOString(), createdAt: now.toISOString() })
        .returning({ id: outboxMessages.id });
      await tx.update(outboxMessages).set({ status: "digested", digestId: row!.id }).where(and(inArray(outboxMessages.id, m.itemIds), eq(outboxMessages.status, "pending")));
    }
    return messages.length;
  });
}

interface Claimed {
  id: number;
  channel: "email" | "webhook";
  subject: string;
  body: string;
  attempts: number;
  to: string | null;
}

async function claim(open: OpenDatabase, now: Date, token: string): Promise<Claimed[]> {
  const at = now.toISOString();
  const stale = new Date(now.getTime() - STALE_CLAIM_MS).toISOString();
  return open.write(async (tx) => {
    const due = await tx
      .select({ id: outboxMessages.id })
      .from(outboxMessages)
      .where(and(eq(outboxMessages.mode, "immediate"), or(and(eq(outboxMessages.status, "pending"), lte(outboxMessages.nextAttemptAt, at)), and(eq(outboxMessages.status, "sending"), lt(outboxMessages.claimedAt, stale)))))
      .orderBy(asc(outboxMessages.nextAttemptAt), asc(outboxMessages.id))
      .limit(CLAIM_BATCH);
    if (due.length === 0) return [];
    const ids = due.map((d) => d.id);
    await tx.update(outboxMessages).set({ status: "sending", claimToken: token, claimedAt: at }).where(inArray(outboxMessages.id, ids));
    return tx
      .select({ id: outboxMessages.id, channel: outboxMessages.channel, subject: outboxMessages.subject, body: outboxMessages.body, attempts: outboxMessages.attempts, email: notificationAddresses.email, url: webhookEndpoints.url, active: webhookEndpoints.active })
      .from(outboxMessages)
      .leftJoin(notificationAddresses, eq(notificationAddresses.userId, outboxMessages.userId))
      .leftJoin(webhookEndpoints, eq(webhookEndpoints.id, outboxMessages.endpointId))
      .where(and(inArray(outboxMessages.id, ids), eq(outboxMessages.claimToken, token)))
      .then((rows) => rows.map((r) => ({ id: r.id, channel: r.channel, subject: r.subject, body: r.body, attempts: r.attempts, to: r.channel === "email" ? r.email : r.active ? r.url : null })));
  }, { data: false });
}

async function record(open: OpenDatabase, m: Claimed, token: string, result: { ok: true } | { ok: false; error: string }, finishedAt: Date): Promise<void> {
  const attempts = m.attempts + 1;
  const next = result.ok ? null : nextAttemptAfterFailure(attempts, finishedAt);
  await open.write(
    (tx) =>
      tx
        .update(outboxMessages)
        .set(
          result.ok
            ? { status: "sent", attempts, sentAt: finishedAt.toISOString(), lastError: null, claimToken: null }
            : { status: next ? "pending" : "failed", attempts, nextAttemptAt: (next ?? finishedAt).toISOString(), lastError: result.error, claimToken: null },
        )
        .where(and(eq(outboxMessages.id, m.id), eq(outboxMessages.claimToken, token))),
    { data: false },
  );
}

export interface WorkerResult {
  reminders: number;
  digests: number;
  sent: number;
  failed: number;
}

/** One full pass. `now` may be given (tests); channels may be replaced (tests of the worker itself). */
export async function runNotificationWorker(open: OpenDatabase, opts: { now?: Date; channels?: Record<"email" | "webhook", Channel> } = {}): Promise<WorkerResult> {
  const now = opts.now ?? new Date();
  const channels = opts.channels ?? { email: new EmailChannel(), webhook: new WebhookChannel() };
  const reminders = await raiseReminders(open, now);
  const digests = await buildDigests(open, now);
  const token = randomUUID();
  let sent = 0;
  let failed = 0;
  for (let round = 0; round < 50; round++) {
    const batch = await claim(open, now, token);
    if (batch.length === 0) break;
    for (const m of batch) {
      const result = m.to ? await channels[m.channel].send({ id: m.id, channel: m.channel, to: m.to, subject: m.subject, body: m.body }) : { ok: false as const, error: m.channel === "email" ? "收件人没有设置邮箱" : "群机器人地址已停用或删除" };
      await record(open, m, token, result, opts.now ?? new Date());
      if (result.ok) sent++;
      else failed++;
    }
  }
  return { reminders, digests, sent, failed };
}

