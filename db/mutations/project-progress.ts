/**
 * Projects' monthly investment, judged by the plausibility rules inside the write transaction
 * (app/_lib/plausibility/projects.ts), so no form, upload or forged post stores an implausible
 * value without its note, and a value and its flags commit together. Callers must have passed
 * requirePermission("record.edit") for the district with the month's state.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import { checkProjectMonth, blocksSave, type ProjectCheck, type ProjectMonthFacts } from "@/domain/plausibility/projects";
import type { PlausibilitySettings } from "@/domain/plausibility/settings";
import type { Db, OpenDatabase, Tx } from "../client";
import { projectProgress, projects, users } from "../schema";
import { diff, insertAuditEvent } from "./audit";
import { replaceFlags } from "./flags";
import type { UserActor } from "@/domain/actor";
import type { Outcome, Refused } from "@/domain/outcome";
import type { Current } from "./projects";

export interface ProgressInput {
  projectId: number;
  /** The entry's version the form was loaded with; null when the form saw no entry. */
  expectedVersion: number | null;
  /** 万元; 0 is a real value (no investment this month). */
  investment: number;
  /** The entry's note, which is also the reason a flagged value is kept; undefined leaves it as it is (and counts as no note). */
  note?: string | null;
}

export interface ProgressRow {
  investment: number;
  note: string | null;
}

export type ProgressOutcome = Outcome<
  { changed: number; flagged: number },
  | Refused<"not-found">
  | Refused<"conflict", { conflicts: Map<number, Current<ProgressRow | null>> }>
  /** Rows with a hard error, or warnings and no note: nothing was stored. */
  | Refused<"implausible", { issues: Map<number, ProjectCheck> }>
>;

/**
 * What the rules compare `month` with, per project: plan, total, this year before the month, the
 * largest and the sum of every other month. Reads with `q` (the write transaction, or the
 * database for a preview). Caller must have checked the projects are in its scope.
 */
export async function loadProjectMonthFacts(q: Db | Tx, projectIds: readonly number[], month: string): Promise<Map<number, ProjectMonthFacts>> {
  if (projectIds.length === 0) return new Map();
  const yearStart = `${month.slice(0, 4)}-01`;
  const g = projectProgress;
  const rows = await (q as Tx)
    .select({
      id: projects.id,
      annualPlan: projects.annualPlannedInvestment,
      totalInvestment: projects.totalInvestment,
      ytdBefore: sql<number>`coalesce(sum(case when ${g.month} >= ${yearStart} and ${g.month} < ${month} then ${g.investment} end), 0)`,
      largestMonth: sql<number | null>`max(case when ${g.month} <> ${month} then ${g.investment} end)`,
      cumulativeOther: sql<number>`coalesce(sum(case when ${g.month} <> ${month} then ${g.investment} end), 0)`,
    })
    .from(projects)
    .leftJoin(g, eq(g.projectId, projects.id))
    .where(inArray(projects.id, [...projectIds]))
    .groupBy(projects.id);
  return new Map(
    rows.map((r) => [
      r.id,
      {
        annualPlan: r.annualPlan,
        totalInvestment: r.totalInvestment,
        ytdBefore: Number(r.ytdBefore),
        largestMonth: r.largestMonth === null ? null : Number(r.largestMonth),
        cumulativeOther: Number(r.cumulativeOther),
      },
    ]),
  );
}

/** upsertMonthProgressTx in its own write transaction (the grid and the single-project form). */
export async function upsertMonthProgress(
  open: OpenDatabase,
  target: { campaignId: number; districtId: number; month: string },
  rows: readonly ProgressInput[],
  actor: UserActor,
  settings: PlausibilitySettings,
): Promise<ProgressOutcome> {
  return open.write((tx) => upsertMonthProgressTx(tx, target, rows, actor, settings));
}

/**
 * Inserts or updates one month's investment for several projects of one district, all or
 * nothing: every project must be in the campaign and `districtId`, every entry still at the
 * version its form saw, and every changed entry plausible (warnings need a note), or nothing is
 * written. Unchanged rows are skipped; each changed row's flags are replaced by its warnings.
 */
export async function upsertMonthProgressTx(
  tx: Tx,
  target: { campaignId: number; districtId: number; month: string },
  rows: readonly ProgressInput[],
  actor: UserActor,
  settings: PlausibilitySettings,
): Promise<ProgressOutcome> {
  const ids = [...new Set(rows.map((r) => r.projectId))];
  if (ids.length !== rows.length) return { ok: false, reason: "not-found" };
  if (ids.length === 0) return { ok: true, value: { changed: 0, flagged: 0 } };
  const inScope = await tx
    .select({ id: projects.id })
    .from(projects)
    .where(and(inArray(projects.id, ids), eq(projects.campaignId, target.campaignId), eq(projects.districtId, target.districtId)));
  if (inScope.length !== ids.length) return { ok: false, reason: "not-found" };

  const existing = await tx
    .select({
      id: projectProgress.id,
      projectId: projectProgress.projectId,
      investment: projectProgress.investment,
      note: projectProgress.note,
      version: projectProgress.version,
      updatedAt: projectProgress.updatedAt,
      updatedByName: users.displayName,
    })
    .from(projectProgress)
    .leftJoin(users, eq(users.id, projectProgress.updatedBy))
    .where(and(inArray(projectProgress.projectId, ids), eq(projectProgress.month, target.month)));
  const byProject = new Map(existing.map((e) => [e.projectId, e]));

  // Check every row before writing any, so a conflict anywhere leaves everything as it was.
  const conflicts = new Map<number, Current<ProgressRow | null>>();
  for (const r of rows) {
    const e = byProject.get(r.projectId);
    if ((e?.version ?? null) !== r.expectedVersion) {
      conflicts.set(r.projectId, e ? { row: { investment: e.investment, note: e.note }, updatedByName: e.updatedByName, updatedAt: e.updatedAt } : { row: null, updatedByName: null, updatedAt: "" });
    }
  }
  if (conflicts.size > 0) return { ok: false, reason: "conflict", conflicts };

  const changedRows = rows.filter((r) => {
    const e = byProject.get(r.projectId);
    return !e || e.investment !== r.investment || (r.note !== undefined && e.note !== r.note);
  });
  const facts = await loadProjectMonthFacts(tx, changedRows.map((r) => r.projectId), target.month);
  const checks = new Map<number, ProjectCheck>();
  const issues = new Map<number, ProjectCheck>();
  for (const r of changedRows) {
    const c = checkProjectMonth(r.investment, facts.get(r.projectId)!, settings);
    checks.set(r.projectId, c);
    if (blocksSave(c, r.note)) issues.set(r.projectId, c);
  }
  if (issues.size > 0) return { ok: false, reason: "implausible", issues };

  const at = new Date().toISOString();
  for (const r of changedRows) {
    const e = byProject.get(r.projectId);
    const warnings = checks.get(r.projectId)!.warnings;
    const flagged = warnings.length > 0 ? { flags: warnings.map((w) => w.rule) } : {};
    if (!e) {
      const [ins] = await tx
        .insert(projectProgress)
        .values({ projectId: r.projectId, month: target.month, investment: r.investment, note: r.note ?? null, updatedBy: actor.id, updatedAt: at })
        .returning({ id: projectProgress.id });
      await insertAuditEvent(tx, {
        actorUserId: actor.id,
        actorName: actor.name,
        action: "project_progress.create",
        entity: "project_progress",
        entityId: ins!.id,
        districtId: target.districtId,
        after: { projectId: r.projectId, month: target.month, investment: r.investment, note: r.note ?? null, ...flagged },
        clientAddress: actor.clientAddress,
      });
    } else {
      const change = diff({ investment: e.investment, note: e.note }, { investment: r.investment, ...(r.note !== undefined ? { note: r.note } : {}) });
      const updated = await tx
        .update(projectProgress)
        .set({ ...change.after, version: sql`${projectProgress.version} + 1`, updatedBy: actor.id, updatedAt: at })
        .where(and(eq(projectProgress.id, e.id), eq(projectProgress.version, e.version)))
        .returning({ id: projectProgress.id });
      if (updated.length !== 1) throw new Error("project_progress changed inside a write transaction");
      await insertAuditEvent(tx, {
        actorUserId: actor.id,
        actorName: actor.name,
        action: "project_progress.update",
        entity: "project_progress",
        entityId: e.id,
        districtId: target.districtId,
        before: { projectId: r.projectId, month: target.month, ...change.before },
        after: { projectId: r.projectId, month: target.month, ...change.after, ...flagged },
        clientAddress: actor.clientAddress,
      });
    }
    // A flagged row always carries its note here (blocksSave refused it otherwise).
    await replaceFlags(tx, { campaignId: target.campaignId, districtId: target.districtId, month: target.month, subject: "project", projectId: r.projectId }, warnings, r.note ?? null, actor.id);
  }
  const flagged = changedRows.filter((r) => checks.get(r.projectId)!.warnings.length > 0).length;
  return { ok: true, value: { changed: changedRows.length, flagged } };
}
