/**
 * The problems ledger (难题清单). Every write runs in one write transaction with its audit row;
 * updates are version-checked and carry the district in their WHERE clause. Callers must have
 * checked `record.edit` for the district, the problem type(s) involved and, where a resolved
 * date is set or moved, that date's month.
 */
import { and, eq, sql } from "drizzle-orm";
import type { OpenDatabase } from "../client";
import { problems, projects, type ESCALATION_LEVELS, type PROBLEM_STATUSES, type PROBLEM_TYPES } from "../schema";
import { diff, insertAuditEvent } from "./audit";
import type { Actor } from "@/domain/actor";
import type { WriteOutcome } from "./users";

export interface ProblemFields {
  type: (typeof PROBLEM_TYPES)[number];
  description: string;
  responsibleUnit: string;
  escalationLevel: (typeof ESCALATION_LEVELS)[number];
  deadlineOn: string | null;
  openedOn: string;
}

export interface ProblemStatusFields {
  status: (typeof PROBLEM_STATUSES)[number];
  resolvedOn: string | null;
  resolvedBy: number | null;
  resolutionNote: string | null;
}

const nowIso = () => new Date().toISOString();

/** Opens a problem on a project; the district is the project's (the caller checked it). */
export async function insertProblem(open: OpenDatabase, f: ProblemFields & { projectId: number; districtId: number }, actor: Actor): Promise<WriteOutcome<number>> {
  return open.write(async (tx) => {
    const values = { ...f, status: "open" as const };
    // The problem belongs to its project's campaign year.
    const campaignId = (await tx.select({ campaignId: projects.campaignId }).from(projects).where(eq(projects.id, f.projectId)))[0]?.campaignId ?? null;
    const [row] = await tx
      .insert(problems)
      .values({ ...values, campaignId, openedBy: actor.id, updatedBy: actor.id })
      .returning({ id: problems.id });
    await insertAuditEvent(tx, { actorUserId: actor.id, actorName: actor.name, action: "problem.create", entity: "problem", entityId: row!.id, districtId: f.districtId, after: values, clientAddress: actor.clientAddress });
    return { ok: true, value: row!.id };
  });
}

const current = {
  id: problems.id,
  districtId: problems.districtId,
  type: problems.type,
  description: problems.description,
  responsibleUnit: problems.responsibleUnit,
  escalationLevel: problems.escalationLevel,
  deadlineOn: problems.deadlineOn,
  openedOn: problems.openedOn,
  status: problems.status,
  resolvedOn: problems.resolvedOn,
  resolvedBy: problems.resolvedBy,
  resolutionNote: problems.resolutionNote,
  version: problems.version,
};

export type ProblemAuditAction = "problem.update" | "problem.status" | "problem.resolve" | "problem.reopen";

/**
 * Applies a change to a problem the caller loaded at `expectedVersion`, in `districtId` (the
 * scope it checked). A changed version is a conflict and nothing is written.
 */
export async function updateProblem(
  open: OpenDatabase,
  target: { id: number; districtId: number; expectedVersion: number },
  patch: Partial<ProblemFields & ProblemStatusFields>,
  action: ProblemAuditAction,
  actor: Actor,
): Promise<WriteOutcome> {
  return open.write(async (tx) => {
    const scope = and(eq(problems.id, target.id), eq(problems.districtId, target.districtId));
    const row = (await tx.select(current).from(problems).where(scope))[0];
    if (!row) return { ok: false, reason: "not-found" };
    if (row.version !== target.expectedVersion) return { ok: false, reason: "conflict" };
    const change = diff(row, patch);
    if (Object.keys(change.after).length === 0) return { ok: true, value: undefined };
    const updated = await tx
      .update(problems)
      .set({ ...patch, updatedBy: actor.id, updatedAt: nowIso(), version: sql`${problems.version} + 1` })
      .where(and(scope, eq(problems.version, target.expectedVersion)))
      .returning({ id: problems.id });
    if (updated.length !== 1) return { ok: false, reason: "conflict" };
    await insertAuditEvent(tx, { actorUserId: actor.id, actorName: actor.name, action, entity: "problem", entityId: target.id, districtId: target.districtId, ...change, clientAddress: actor.clientAddress });
    return { ok: true, value: undefined };
  });
}
