import "server-only";
import { and, asc, desc, eq, inArray, like, lt, ne, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDatabase } from "../index";
import { districts, problems, projects, PROBLEM_STATUSES, PROBLEM_TYPES, users } from "../schema";
import { pageWindow } from "@/domain/paging";

type ProblemType = (typeof PROBLEM_TYPES)[number];
type ProblemStatus = (typeof PROBLEM_STATUSES)[number];

export interface ProblemFilter {
  campaignId: number;
  /** A district editor's own district; undefined = all districts. */
  districtId?: number;
  /** The types the caller may see (a department editor's); undefined = all. */
  types?: readonly ProblemType[];
  type?: ProblemType;
  status?: ProblemStatus;
  /** Only unresolved problems whose deadline is before this date (today in Asia/Shanghai). */
  overdueBefore?: string;
  q?: string;
  page: number;
  pageSize: number;
}

function whereOf(f: ProblemFilter) {
  const term = f.q?.trim();
  return and(
    eq(problems.campaignId, f.campaignId),
    f.districtId !== undefined ? eq(problems.districtId, f.districtId) : undefined,
    f.types !== undefined ? inArray(problems.type, [...f.types]) : undefined,
    f.type !== undefined ? eq(problems.type, f.type) : undefined,
    f.status !== undefined ? eq(problems.status, f.status) : undefined,
    f.overdueBefore !== undefined ? and(ne(problems.status, "resolved"), lt(problems.deadlineOn, f.overdueBefore)) : undefined,
    term ? or(like(projects.name, `%${term}%`), like(problems.description, `%${term}%`), like(problems.responsibleUnit, `%${term}%`)) : undefined,
  );
}

/** A problem's own fields as the list and the problem page show them. */
const problemFields = {
  type: problems.type,
  description: problems.description,
  responsibleUnit: problems.responsibleUnit,
  escalationLevel: problems.escalationLevel,
  deadlineOn: problems.deadlineOn,
  status: problems.status,
  openedOn: problems.openedOn,
  resolvedOn: problems.resolvedOn,
};

/**
 * One page of problems, unresolved first (earliest deadline first), with counts over the whole
 * filtered set. Caller must have checked `report.read` and pass the scope it allows
 * (districtId for a district editor, types for a department editor).
 */
export async function listProblems(f: ProblemFilter, today: string) {
  const { db } = await getDatabase();
  const where = whereOf(f);
  const [counts] = await db
    .select({
      total: sql<number>`count(*)`,
      unresolved: sql<number>`coalesce(sum(${problems.status} <> 'resolved'), 0)`,
      overdue: sql<number>`coalesce(sum(${problems.status} <> 'resolved' and ${problems.deadlineOn} < ${today}), 0)`,
    })
    .from(problems)
    .innerJoin(projects, eq(projects.id, problems.projectId))
    .where(where);
  const total = Number(counts?.total ?? 0);
  const { page, lastPage, offset } = pageWindow(total, f.page, f.pageSize);
  const rows = await db
    .select({
      id: problems.id,
      projectId: problems.projectId,
      projectName: projects.name,
      districtName: districts.name,
      ...problemFields,
    })
    .from(problems)
    .innerJoin(projects, eq(projects.id, problems.projectId))
    .innerJoin(districts, eq(districts.id, problems.districtId))
    .where(where)
    .orderBy(sql`${problems.status} = 'resolved'`, sql`${problems.deadlineOn} is null`, asc(problems.deadlineOn), desc(problems.resolvedOn), desc(problems.id))
    .limit(f.pageSize)
    .offset(offset);
  return { rows, total, unresolved: Number(counts?.unresolved ?? 0), overdue: Number(counts?.overdue ?? 0), page, lastPage };
}

const resolver = alias(users, "resolver");
const editor = alias(users, "editor");

/** One problem of the campaign with its project and district, or null. Caller checks `report.read` on its district and type. */
export async function getProblem(id: number, campaignId: number) {
  const { db } = await getDatabase();
  const rows = await db
    .select({
      id: problems.id,
      projectId: problems.projectId,
      projectCode: projects.code,
      projectName: projects.name,
      districtId: problems.districtId,
      districtName: districts.name,
      ...problemFields,
      resolvedByName: resolver.displayName,
      resolutionNote: problems.resolutionNote,
      updatedByName: editor.displayName,
      updatedAt: problems.updatedAt,
      version: problems.version,
    })
    .from(problems)
    .innerJoin(projects, eq(projects.id, problems.projectId))
    .innerJoin(districts, eq(districts.id, problems.districtId))
    .leftJoin(resolver, eq(resolver.id, problems.resolvedBy))
    .leftJoin(editor, eq(editor.id, problems.updatedBy))
    .where(and(eq(problems.id, id), eq(problems.campaignId, campaignId)));
  return rows[0] ?? null;
}

/** A district's projects on the campaign's register, for the "open a problem" select. Caller checks the district is in its scope. */
export async function listProjectChoices(campaignId: number, districtId: number) {
  const { db } = await getDatabase();
  return db
    .select({ id: projects.id, code: projects.code, name: projects.name })
    .from(projects)
    .where(and(eq(projects.campaignId, campaignId), eq(projects.districtId, districtId)))
    .orderBy(asc(projects.name), asc(projects.id));
}

/** A project of the campaign and its district, or null: the action compares the district with the caller's scope. */
export async function getProjectScope(id: number, campaignId: number) {
  const { db } = await getDatabase();
  const rows = await db
    .select({ id: projects.id, name: projects.name, districtId: projects.districtId })
    .from(projects)
    .where(and(eq(projects.id, id), eq(projects.campaignId, campaignId)));
  return rows[0] ?? null;
}
