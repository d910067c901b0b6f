/**
 * Carrying a year's open problems into the next campaign (复制往年结构 with 带入未解决的难题).
 * A problem hangs on a project of its own campaign, so each problem's project comes along too
 * (same code, register fields as they were, no monthly progress); the city's key-project import
 * later updates it by code. Every copy records its origin (problems.origin_problem_id) and gets an
 * audit row; the originals stay in their year untouched. Runs inside the caller's write transaction.
 */
import { and, eq, inArray, ne } from "drizzle-orm";
import type { Tx } from "../../client";
import { auditEvents, problems, projects } from "../../schema";
import type { Actor } from "@/domain/actor";

const CHUNK = 50;

export async function carryOpenProblems(tx: Tx, fromId: number, toId: number, actor: Actor): Promise<{ problems: number; projects: number }> {
  const open = await tx
    .select({
      id: problems.id, projectId: problems.projectId, districtId: problems.districtId, type: problems.type, description: problems.description,
      responsibleUnit: problems.responsibleUnit, escalationLevel: problems.escalationLevel, deadlineOn: problems.deadlineOn, status: problems.status, openedOn: problems.openedOn,
    })
    .from(problems)
    .where(and(eq(problems.campaignId, fromId), ne(problems.status, "resolved")));
  if (open.length === 0) return { problems: 0, projects: 0 };

  const sourceIds = [...new Set(open.map((p) => p.projectId))];
  const sources = await tx
    .select({
      id: projects.id, code: projects.code, name: projects.name, districtId: projects.districtId, sectorId: projects.sectorId, owner: projects.owner,
      totalInvestment: projects.totalInvestment, annualPlannedInvestment: projects.annualPlannedInvestment, plannedStartOn: projects.plannedStartOn,
      plannedCompletionOn: projects.plannedCompletionOn, actualStartOn: projects.actualStartOn, actualCompletionOn: projects.actualCompletionOn,
      stage: projects.stage, isKey: projects.isKey, keyLevel: projects.keyLevel, isPublic: projects.isPublic, description: projects.description,
    })
    .from(projects)
    .where(inArray(projects.id, sourceIds));
  // The new campaign is brand new, so no code is taken yet; actions are per campaign and are not linked.
  const newProjectId = new Map<number, number>();
  for (let i = 0; i < sources.length; i += CHUNK) {
    const chunk = sources.slice(i, i + CHUNK);
    const ids = await tx
      .insert(projects)
      .values(chunk.map((p) => ({ ...p, id: undefined, campaignId: toId, actionId: null, updatedBy: actor.id })))
      .returning({ id: projects.id });
    chunk.forEach((p, k) => newProjectId.set(p.id, ids[k]!.id));
  }

  const audits: (typeof auditEvents.$inferInsert)[] = [];
  for (let i = 0; i < open.length; i += CHUNK) {
    const chunk = open.slice(i, i + CHUNK);
    const rows = chunk.map(({ id, projectId, ...p }) => ({ ...p, campaignId: toId, projectId: newProjectId.get(projectId)!, originProblemId: id, openedBy: actor.id, updatedBy: actor.id }));
    const ids = await tx.insert(problems).values(rows).returning({ id: problems.id });
    rows.forEach((r, k) =>
      audits.push({
        actorUserId: actor.id, actorName: actor.name, action: "problem.carry_forward", entity: "problem", entityId: String(ids[k]!.id), districtId: r.districtId,
        after: { campaignId: toId, originProblemId: r.originProblemId, projectId: r.projectId, type: r.type, description: r.description, status: r.status }, clientAddress: actor.clientAddress,
      }),
    );
  }
  for (let i = 0; i < audits.length; i += CHUNK) await tx.insert(auditEvents).values(audits.slice(i, i + CHUNK));
  return { problems: open.length, projects: sources.length };
}
