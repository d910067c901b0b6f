import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { ProjectMonthFacts } from "@/domain/plausibility/projects";
import { getDatabase } from "../index";
import { loadProjectMonthFacts } from "../mutations/project-progress";
import { projectProgress, projects, users } from "../schema";
import { scopeWhere, yearMonths, type ProjectScope, type ProjectStage } from "./project-scope";

/* A project's monthly investment: its history, the month-entry grid, the facts the plausibility rules compare with. */

export interface ProgressEntry {
  id: number;
  month: string;
  investment: number;
  note: string | null;
  version: number;
  updatedAt: string;
  updatedByName: string | null;
}

/** A project's monthly investment entries for a year. Caller must have checked the project is in its scope (getProject). */
export async function listProjectProgress(projectId: number, year: number): Promise<ProgressEntry[]> {
  const { db } = await getDatabase();
  const [from, to] = yearMonths(year);
  return db
    .select({
      id: projectProgress.id,
      month: projectProgress.month,
      investment: projectProgress.investment,
      note: projectProgress.note,
      version: projectProgress.version,
      updatedAt: projectProgress.updatedAt,
      updatedByName: users.displayName,
    })
    .from(projectProgress)
    .leftJoin(users, eq(users.id, projectProgress.updatedBy))
    .where(and(eq(projectProgress.projectId, projectId), sql`${projectProgress.month} between ${from} and ${to}`))
    .orderBy(asc(projectProgress.month));
}

export interface MonthEntryRow {
  id: number;
  code: string;
  name: string;
  stage: ProjectStage;
  actualStartOn: string | null;
  actualCompletionOn: string | null;
  totalInvestment: number;
  annualPlannedInvestment: number;
  /** The month's entry, if any. */
  entryInvestment: number | null;
  entryNote: string | null;
  entryVersion: number | null;
  /** The previous month's entry, for reference. */
  previousInvestment: number | null;
  /** Sum of the year's entries before `month`. */
  earlierInvestment: number;
}

/**
 * A district's key projects with their entry for `month` (the bulk entry page). Caller must have
 * checked that `districtId` is in its scope (projectAccess + requirePermission).
 */
export async function listKeyProjectsForMonth(scope: ProjectScope, districtId: number, month: string, previousMonth: string): Promise<MonthEntryRow[]> {
  const { db } = await getDatabase();
  const cur = alias(projectProgress, "cur");
  const prev = alias(projectProgress, "prev");
  const earlier = db
    .select({ projectId: projectProgress.projectId, total: sql<number>`sum(${projectProgress.investment})`.as("earlier_total") })
    .from(projectProgress)
    .where(sql`${projectProgress.month} >= ${month.slice(0, 4) + "-01"} and ${projectProgress.month} < ${month}`)
    .groupBy(projectProgress.projectId)
    .as("earlier");
  const rows = await db
    .select({
      id: projects.id,
      code: projects.code,
      name: projects.name,
      stage: projects.stage,
      actualStartOn: projects.actualStartOn,
      actualCompletionOn: projects.actualCompletionOn,
      totalInvestment: projects.totalInvestment,
      annualPlannedInvestment: projects.annualPlannedInvestment,
      entryInvestment: cur.investment,
      entryNote: cur.note,
      entryVersion: cur.version,
      previousInvestment: prev.investment,
      earlierInvestment: sql<number>`coalesce(${earlier.total}, 0)`,
    })
    .from(projects)
    .leftJoin(cur, and(eq(cur.projectId, projects.id), eq(cur.month, month)))
    .leftJoin(prev, and(eq(prev.projectId, projects.id), eq(prev.month, previousMonth)))
    .leftJoin(earlier, eq(earlier.projectId, projects.id))
    .where(and(scopeWhere(scope), eq(projects.districtId, districtId), eq(projects.isKey, true)))
    .orderBy(asc(projects.code));
  return rows.map((r) => ({ ...r, earlierInvestment: Number(r.earlierInvestment) }));
}

/**
 * What the plausibility rules compare `month` with, per project (plan, total, earlier months): for
 * checking a whole upload before its transaction. Caller must have checked the projects are in its scope.
 */
export async function getProjectMonthFacts(projectIds: readonly number[], month: string): Promise<Map<number, ProjectMonthFacts>> {
  const { db } = await getDatabase();
  return loadProjectMonthFacts(db, projectIds, month);
}

/** Choices for the register form: active sectors, the campaign's actions, active districts. Public names only. */
