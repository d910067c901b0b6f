/**
 * The campaign office's side of a district-month: approve, return, reopen for correction
 * (restatement), lock and unlock. Each function re-reads the state inside its write transaction,
 * so a race with a save, a submission or a lock cannot slip through; every change is audited there.
 *
 * Approval makes the month official: it copies the live values into their published copies
 * (figure_values.approved_*, project_progress.approved_investment), resolves the month's
 * plausibility flags, snapshots what was approved and, for a restated month, records every
 * published value that changed (corrections). Official reads use the copies, so a month that is
 * reopened for correction keeps showing its approved figures until the correction is approved.
 *
 * Callers must already have passed the policy check for the action on this district-month.
 */
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { OpenDatabase, Tx } from "../client";
import { corrections, districts, figureValues, monthlyReports, periods, plausibilityFlags, projectProgress, projects, reportSnapshots, type ReportSnapshotData } from "../schema";
import { insertAuditEvent } from "./audit";
import { notifyMonthApproved, notifyMonthReturned } from "./notify-events";
import type { UserActor } from "@/domain/actor";
import type { Outcome, Refused } from "@/domain/outcome";

const nowIso = () => new Date().toISOString();

export type ReviewOutcome = Outcome<void, Refused<"not-found" | "conflict" | "state"> | Refused<"flagged", { flags: number }>>;

async function loadForReview(tx: Tx, reportId: number) {
  return (
    await tx
      .select({
        id: monthlyReports.id,
        status: monthlyReports.status,
        version: monthlyReports.version,
        districtId: monthlyReports.districtId,
        restating: monthlyReports.restating,
        reopenReason: monthlyReports.reopenReason,
        reopenedBy: monthlyReports.reopenedBy,
        reopenedAt: monthlyReports.reopenedAt,
        locked: periods.locked,
        month: periods.month,
        campaignId: periods.campaignId,
      })
      .from(monthlyReports)
      .innerJoin(periods, eq(periods.id, monthlyReports.periodId))
      .where(eq(monthlyReports.id, reportId))
  )[0];
}

/** The project-progress rows of one district-month (projects of the district in the month's campaign). */
function progressOfMonth(campaignId: number, districtId: number, month: string) {
  return and(
    eq(projectProgress.month, month),
    inArray(projectProgress.projectId, sql`(select ${projects.id} from ${projects} where ${projects.campaignId} = ${campaignId} and ${projects.districtId} = ${districtId})`),
  );
}

/** What the district-month holds now (live values), as stored in a snapshot. */
export async function currentReportData(tx: Tx, reportId: number): Promise<ReportSnapshotData> {
  const head = (await tx.select({ districtId: monthlyReports.districtId, month: periods.month, campaignId: periods.campaignId }).from(monthlyReports).innerJoin(periods, eq(periods.id, monthlyReports.periodId)).where(eq(monthlyReports.id, reportId)))[0];
  const data: ReportSnapshotData = { figures: {}, projects: {} };
  if (!head) return data;
  const figs = await tx
    .select({ indicatorId: figureValues.indicatorId, value: figureValues.value, numerator: figureValues.numerator, denominator: figureValues.denominator, noData: figureValues.noData })
    .from(figureValues)
    .where(eq(figureValues.reportId, reportId));
  for (const f of figs) data.figures[String(f.indicatorId)] = { value: f.value, numerator: f.numerator, denominator: f.denominator, noData: f.noData };
  const prog = await tx.select({ projectId: projectProgress.projectId, investment: projectProgress.investment }).from(projectProgress).where(progressOfMonth(head.campaignId, head.districtId, head.month));
  for (const g of prog) data.projects[String(g.projectId)] = g.investment;
  return data;
}

/** Records what the month holds at submission or approval (the review page diffs against these). */
export async function snapshotReport(tx: Tx, reportId: number, kind: "submitted" | "approved", byUserId: number | null): Promise<void> {
  await tx.insert(reportSnapshots).values({ reportId, kind, byUserId, data: await currentReportData(tx, reportId) });
}

/**
 * Approves a submitted month. A month with unresolved plausibility flags is refused unless the
 * reviewer confirmed them (acceptFlags); approval resolves them, with the reviewer's name.
 */
export async function approveReport(open: OpenDatabase, args: { reportId: number; expectedVersion: number; actor: UserActor; acceptFlags?: boolean }): Promise<ReviewOutcome> {
  return open.write(async (tx) => {
    const r = await loadForReview(tx, args.reportId);
    if (!r) return { ok: false, reason: "not-found" };
    if (r.version !== args.expectedVersion) return { ok: false, reason: "conflict" };
    if (r.status !== "submitted" || r.locked) return { ok: false, reason: "state" };
    const monthFlags = and(eq(plausibilityFlags.campaignId, r.campaignId), eq(plausibilityFlags.districtId, r.districtId), eq(plausibilityFlags.month, r.month), isNull(plausibilityFlags.resolvedAt));
    const open_ = await tx.select({ id: plausibilityFlags.id }).from(plausibilityFlags).where(monthFlags);
    if (open_.length > 0 && args.acceptFlags !== true) return { ok: false, reason: "flagged", flags: open_.length };
    const now = nowIso();

    // A restated month: every published value that changes is kept as a correction (old → new).
    const changed: (typeof corrections.$inferInsert)[] = [];
    if (r.restating) {
      const base = { campaignId: r.campaignId, reportId: r.id, districtId: r.districtId, month: r.month, reason: r.reopenReason ?? "", reopenedBy: r.reopenedBy, reopenedAt: r.reopenedAt ?? now, approvedBy: args.actor.id, approvedAt: now };
      const figs = await tx
        .select({ indicatorId: figureValues.indicatorId, value: figureValues.value, numerator: figureValues.numerator, denominator: figureValues.denominator, av: figureValues.approvedValue, an: figureValues.approvedNumerator, ad: figureValues.approvedDenominator })
        .from(figureValues)
        .where(eq(figureValues.reportId, r.id));
      for (const f of figs) {
        if (f.value === f.av && f.numerator === f.an && f.denominator === f.ad) continue;
        changed.push({ ...base, subject: "figure", indicatorId: f.indicatorId, oldValue: f.av, oldNumerator: f.an, oldDenominator: f.ad, newValue: f.value, newNumerator: f.numerator, newDenominator: f.denominator });
      }
      const prog = await tx.select({ projectId: projectProgress.projectId, investment: projectProgress.investment, approved: projectProgress.approvedInvestment }).from(projectProgress).where(progressOfMonth(r.campaignId, r.districtId, r.month));
      for (const g of prog) {
        if (g.investment === g.approved) continue;
        changed.push({ ...base, subject: "project", projectId: g.projectId, oldValue: g.approved, newValue: g.investment });
      }
      if (changed.length > 0) await tx.insert(corrections).values(changed);
    }

    await tx
      .update(monthlyReports)
      .set({ status: "approved", official: true, restating: false, approvedBy: args.actor.id, approvedAt: now, updatedBy: args.actor.id, updatedAt: now, version: sql`${monthlyReports.version} + 1` })
      .where(and(eq(monthlyReports.id, r.id), eq(monthlyReports.version, args.expectedVersion)));
    await tx
      .update(figureValues)
      .set({ approvedValue: sql`${figureValues.value}`, approvedNumerator: sql`${figureValues.numerator}`, approvedDenominator: sql`${figureValues.denominator}` })
      .where(eq(figureValues.reportId, r.id));
    await tx
      .update(projectProgress)
      .set({ approvedInvestment: sql`${projectProgress.investment}` })
      .where(and(progressOfMonth(r.campaignId, r.districtId, r.month), sql`${projectProgress.approvedInvestment} is not ${projectProgress.investment}`));
    if (open_.length > 0) await tx.update(plausibilityFlags).set({ resolvedAt: now, resolvedBy: args.actor.id }).where(monthFlags);
    await snapshotReport(tx, r.id, "approved", args.actor.id);
    await insertAuditEvent(tx, {
      actorUserId: args.actor.id,
      actorName: args.actor.name,
      action: r.restating ? "report.approve_correction" : "report.approve",
      entity: "monthly_report",
      entityId: r.id,
      districtId: r.districtId,
      before: { status: "submitted", ...(r.restating ? { corrected: changed.map((c) => ({ subject: c.subject, indicatorId: c.indicatorId, projectId: c.projectId, old: c.oldValue ?? [c.oldNumerator, c.oldDenominator] })) } : {}) },
      after: { status: "approved", month: r.month, ...(open_.length > 0 ? { acceptedFlags: open_.length } : {}), ...(r.restating ? { corrected: changed.map((c) => ({ subject: c.subject, indicatorId: c.indicatorId, projectId: c.projectId, new: c.newValue ?? [c.newNumerator, c.newDenominator] })) } : {}) },
      clientAddress: args.actor.clientAddress,
    });
    await notifyMonthApproved(tx, { reportId: r.id, districtId: r.districtId, month: r.month, actorId: args.actor.id });
    return { ok: true, value: undefined };
  });
}

/** Sends a submitted month back to the district with the reviewer's comment. */
export async function returnReport(open: OpenDatabase, args: { reportId: number; expectedVersion: number; comment: string; actor: UserActor }): Promise<ReviewOutcome> {
  return open.write(async (tx) => {
    const r = await loadForReview(tx, args.reportId);
    if (!r) return { ok: false, reason: "not-found" };
    if (r.version !== args.expectedVersion) return { ok: false, reason: "conflict" };
    if (r.status !== "submitted" || r.locked) return { ok: false, reason: "state" };
    const now = nowIso();
    await tx
      .update(monthlyReports)
      .set({ status: "returned", returnedBy: args.actor.id, returnedAt: now, returnComment: args.comment, updatedBy: args.actor.id, updatedAt: now, version: sql`${monthlyReports.version} + 1` })
      .where(and(eq(monthlyReports.id, r.id), eq(monthlyReports.version, args.expectedVersion)));
    await insertAuditEvent(tx, { actorUserId: args.actor.id, actorName: args.actor.name, action: "report.return", entity: "monthly_report", entityId: r.id, districtId: r.districtId, before: { status: "submitted" }, after: { status: "returned", comment: args.comment, month: r.month }, clientAddress: args.actor.clientAddress });
    await notifyMonthReturned(tx, { reportId: r.id, districtId: r.districtId, month: r.month, comment: args.comment, actorId: args.actor.id });
    return { ok: true, value: undefined };
  });
}

/**
 * Reopens an approved, unlocked month so its district can correct it (restatement). The month
 * goes back to "returned" with the reason as the comment; it stays official, and the public keeps
 * seeing the approved values until the correction is approved.
 */
export async function reopenReport(open: OpenDatabase, args: { reportId: number; expectedVersion: number; reason: string; actor: UserActor }): Promise<ReviewOutcome> {
  return open.write(async (tx) => {
    const r = await loadForReview(tx, args.reportId);
    if (!r) return { ok: false, reason: "not-found" };
    if (r.version !== args.expectedVersion) return { ok: false, reason: "conflict" };
    if (r.status !== "approved" || r.locked) return { ok: false, reason: "state" };
    const now = nowIso();
    await tx
      .update(monthlyReports)
      .set({
        status: "returned",
        restating: true,
        reopenReason: args.reason,
        reopenedBy: args.actor.id,
        reopenedAt: now,
        returnedBy: args.actor.id,
        returnedAt: now,
        returnComment: `专项办已重新打开本月以便更正：${args.reason}`,
        updatedBy: args.actor.id,
        updatedAt: now,
        version: sql`${monthlyReports.version} + 1`,
      })
      .where(and(eq(monthlyReports.id, r.id), eq(monthlyReports.version, args.expectedVersion)));
    await insertAuditEvent(tx, { actorUserId: args.actor.id, actorName: args.actor.name, action: "report.reopen", entity: "monthly_report", entityId: r.id, districtId: r.districtId, before: { status: "approved" }, after: { status: "returned", restating: true, reason: args.reason, month: r.month }, clientAddress: args.actor.clientAddress });
    return { ok: true, value: undefined };
  });
}

export type LockOutcome = Outcome<void, Refused<"not-found" | "conflict" | "unapproved", { pending?: string[] }>>;

/** Locks a month once every reporting district's report for it is approved. */
export async function lockPeriod(open: OpenDatabase, args: { periodId: number; expectedVersion: number; actor: UserActor }): Promise<LockOutcome> {
  return open.write(async (tx) => {
    const p = (await tx.select({ id: periods.id, version: periods.version, locked: periods.locked, month: periods.month }).from(periods).where(eq(periods.id, args.periodId)))[0];
    if (!p) return { ok: false, reason: "not-found" };
    if (p.version !== args.expectedVersion || p.locked) return { ok: false, reason: "conflict" };
    const pending = await tx
      .select({ name: districts.name })
      .from(districts)
      .leftJoin(monthlyReports, and(eq(monthlyReports.districtId, districts.id), eq(monthlyReports.periodId, p.id)))
      .where(and(eq(districts.active, true), eq(districts.reports, true), sql`coalesce(${monthlyReports.status}, 'none') <> 'approved'`));
    if (pending.length > 0) return { ok: false, reason: "unapproved", pending: pending.map((d) => d.name) };
    const now = nowIso();
    await tx.update(periods).set({ locked: true, lockedBy: args.actor.id, lockedAt: now, version: sql`${periods.version} + 1` }).where(and(eq(periods.id, p.id), eq(periods.version, args.expectedVersion)));
    await insertAuditEvent(tx, { actorUserId: args.actor.id, actorName: args.actor.name, action: "period.lock", entity: "period", entityId: p.id, before: { locked: false }, after: { locked: true, month: p.month }, clientAddress: args.actor.clientAddress });
    return { ok: true, value: undefined };
  });
}

/** Unlocks a month (city admin only), recording the reason. */
export async function unlockPeriod(open: OpenDatabase, args: { periodId: number; expectedVersion: number; reason: string; actor: UserActor }): Promise<LockOutcome> {
  return open.write(async (tx) => {
    const p = (await tx.select({ id: periods.id, version: periods.version, locked: periods.locked, month: periods.month }).from(periods).where(eq(periods.id, args.periodId)))[0];
    if (!p) return { ok: false, reason: "not-found" };
    if (p.version !== args.expectedVersion || !p.locked) return { ok: false, reason: "conflict" };
    await tx.update(periods).set({ locked: false, lockedBy: null, lockedAt: null, version: sql`${periods.version} + 1` }).where(and(eq(periods.id, p.id), eq(periods.version, args.expectedVersion)));
    await insertAuditEvent(tx, { actorUserId: args.actor.id, actorName: args.actor.name, action: "period.unlock", entity: "period", entityId: p.id, before: { locked: true }, after: { locked: false, month: p.month, reason: args.reason }, clientAddress: args.actor.clientAddress });
    return { ok: true, value: undefined };
  });
}
