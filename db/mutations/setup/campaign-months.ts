/**
 * A campaign's reporting months: created closed with the campaign, opened and closed by the office,
 * due dates following the report deadline day. Callers must have checked `campaign.manage`.
 */
import { and, eq, sql } from "drizzle-orm";
import type { OpenDatabase, Tx } from "../../client";
import { campaigns, monthlyReports, periods } from "../../schema";
import { insertAuditEvent } from "../audit";
import type { Actor } from "@/domain/actor";
import { dueOnFor, monthsOfYear, nowIso, writableCampaign, type SetupOutcome } from "./common";

/** The twelve months of the year, closed until the campaign office opens them. */
export async function insertPeriods(tx: Tx, campaignId: number, year: number, deadlineDay: number): Promise<number> {
  const rows = monthsOfYear(year).map((month) => ({ campaignId, month, isOpen: false, locked: false, dueOn: dueOnFor(month, deadlineDay) }));
  await tx.insert(periods).values(rows);
  return rows.length;
}

/** The due dates of months not yet locked follow the campaign's deadline day. */
export async function recomputeDueDates(tx: Tx, campaignId: number, day: number): Promise<void> {
  const rows = await tx.select({ id: periods.id, month: periods.month, dueOn: periods.dueOn }).from(periods).where(and(eq(periods.campaignId, campaignId), eq(periods.locked, false)));
  for (const p of rows) {
    const dueOn = dueOnFor(p.month, day);
    if (dueOn !== p.dueOn) await tx.update(periods).set({ dueOn, version: sql`${periods.version} + 1` }).where(and(eq(periods.id, p.id), eq(periods.locked, false)));
  }
}

/** The periods page's own form: only the deadline day (due dates of unlocked months follow). */
export async function updateReportDeadlineDay(open: OpenDatabase, id: number, expectedVersion: number, day: number, actor: Actor): Promise<SetupOutcome> {
  return open.write(async (tx) => {
    const current = (await tx.select({ status: campaigns.status, version: campaigns.version, day: campaigns.reportDeadlineDay }).from(campaigns).where(eq(campaigns.id, id)))[0];
    if (!current) return { ok: false, reason: "not-found" };
    if (current.status === "archived") return { ok: false, reason: "archived" };
    if (current.version !== expectedVersion) return { ok: false, reason: "conflict" };
    if (current.day === day) return { ok: true, value: undefined };
    await tx.update(campaigns).set({ reportDeadlineDay: day, version: sql`${campaigns.version} + 1`, updatedAt: nowIso() }).where(and(eq(campaigns.id, id), eq(campaigns.version, expectedVersion)));
    await recomputeDueDates(tx, id, day);
    await insertAuditEvent(tx, { actorUserId: actor.id, actorName: actor.name, action: "campaign.deadline_day", entity: "campaign", entityId: id, before: { reportDeadlineDay: current.day }, after: { reportDeadlineDay: day }, clientAddress: actor.clientAddress });
    return { ok: true, value: undefined };
  });
}

/** Opens or closes a reporting month. A locked month, or one a district has started, cannot be closed. */
export async function setPeriodOpen(open: OpenDatabase, periodId: number, expectedVersion: number, isOpen: boolean, actor: Actor): Promise<SetupOutcome<{ month: string }>> {
  return open.write(async (tx) => {
    const p = (await tx.select({ campaignId: periods.campaignId, month: periods.month, isOpen: periods.isOpen, locked: periods.locked, version: periods.version }).from(periods).where(eq(periods.id, periodId)))[0];
    if (!p) return { ok: false, reason: "not-found" };
    const blocked = await writableCampaign(tx, p.campaignId);
    if (blocked) return blocked;
    if (p.version !== expectedVersion) return { ok: false, reason: "conflict" };
    if (p.isOpen === isOpen) return { ok: true, value: { month: p.month } };
    if (!isOpen) {
      if (p.locked) return { ok: false, reason: "refused", message: "该月份已锁定，不能关闭" };
      const reports = await tx.select({ id: monthlyReports.id }).from(monthlyReports).where(eq(monthlyReports.periodId, periodId)).limit(1);
      if (reports.length > 0) return { ok: false, reason: "refused", message: "已有区县开始填报该月份，不能关闭" };
    }
    await tx.update(periods).set({ isOpen, version: sql`${periods.version} + 1` }).where(and(eq(periods.id, periodId), eq(periods.version, expectedVersion)));
    await insertAuditEvent(tx, { actorUserId: actor.id, actorName: actor.name, action: isOpen ? "period.open" : "period.close", entity: "period", entityId: periodId, before: { month: p.month, isOpen: p.isOpen }, after: { month: p.month, isOpen }, clientAddress: actor.clientAddress });
    return { ok: true, value: { month: p.month } };
  });
}
