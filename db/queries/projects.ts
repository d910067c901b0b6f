import "server-only";
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDatabase } from "../index";
import { actions, districts, projectProgress, projects, sectors, users } from "../schema";
import { containsPattern, scopeWhere, yearMonths, type ProjectFilters, type ProjectScope, type ProjectStage } from "./project-scope";

/* The project register: lists, one project, access facts and form choices. Monthly investment: ./project-months.ts. */

export interface ProjectListRow {
  id: number;
  code: string;
  name: string;
  districtId: number;
  districtName: string;
  sectorName: string | null;
  stage: ProjectStage;
  isKey: boolean;
  totalInvestment: number;
  annualPlannedInvestment: number;
  /** Sum of the year's monthly entries (万元). */
  yearInvestment: number;
  /** Whether `month` has an entry (0 counts as an entry). */
  hasMonthEntry: boolean;
}

/**
 * One page of the register, with each project's investment completed this year and whether
 * `month` has been filled in. Caller must have built `scope` from the session (projectAccess).
 */
export async function listProjects(
  scope: ProjectScope,
  filters: ProjectFilters,
  opts: { year: number; month: string; page: number; pageSize: number },
): Promise<{ rows: ProjectListRow[]; total: number }> {
  const { db } = await getDatabase();
  const [from, to] = yearMonths(opts.year);
  const yearSum = db
    .select({ projectId: projectProgress.projectId, total: sql<number>`sum(${projectProgress.investment})`.as("year_total") })
    .from(projectProgress)
    .where(sql`${projectProgress.month} between ${from} and ${to}`)
    .groupBy(projectProgress.projectId)
    .as("year_sum");
  const current = alias(projectProgress, "current_month");
  const term = filters.q?.trim();
  const where = and(
    scopeWhere(scope),
    term ? sql`(${projects.name} like ${containsPattern(term)} escape '\\' or ${projects.code} like ${containsPattern(term)} escape '\\')` : undefined,
    filters.stage ? eq(projects.stage, filters.stage) : undefined,
    filters.sectorId ? eq(projects.sectorId, filters.sectorId) : undefined,
    filters.isKey !== undefined ? eq(projects.isKey, filters.isKey) : undefined,
    filters.districtId ? eq(projects.districtId, filters.districtId) : undefined,
    filters.missingMonth ? isNull(current.id) : undefined,
  );
  const base = () =>
    db
      .select({
        id: projects.id,
        code: projects.code,
        name: projects.name,
        districtId: projects.districtId,
        districtName: districts.name,
        sectorName: sectors.name,
        stage: projects.stage,
        isKey: projects.isKey,
        totalInvestment: projects.totalInvestment,
        annualPlannedInvestment: projects.annualPlannedInvestment,
        yearInvestment: sql<number>`coalesce(${yearSum.total}, 0)`,
        hasMonthEntry: sql<number>`${current.id} is not null`,
      })
      .from(projects)
      .innerJoin(districts, eq(districts.id, projects.districtId))
      .leftJoin(sectors, eq(sectors.id, projects.sectorId))
      .leftJoin(yearSum, eq(yearSum.projectId, projects.id))
      .leftJoin(current, and(eq(current.projectId, projects.id), eq(current.month, opts.month)))
      .where(where);
  const [rows, counted] = await Promise.all([
    base()
      .orderBy(asc(districts.sortOrder), asc(projects.code))
      .limit(opts.pageSize)
      .offset((opts.page - 1) * opts.pageSize),
    db
      .select({ n: sql<number>`count(*)` })
      .from(projects)
      .leftJoin(current, and(eq(current.projectId, projects.id), eq(current.month, opts.month)))
      .where(where),
  ]);
  return { rows: rows.map((r) => ({ ...r, yearInvestment: Number(r.yearInvestment), hasMonthEntry: Boolean(r.hasMonthEntry) })), total: Number(counted[0]?.n ?? 0) };
}

/**
 * Only what an access decision needs (campaign, district, version). Any signed-in caller: the
 * action or page must then pass `districtId` to requirePermission before reading more.
 */
export async function getProjectAccessFacts(campaignId: number, projectIds: readonly number[]) {
  if (projectIds.length === 0) return [];
  const { db } = await getDatabase();
  return db
    .select({
      id: projects.id,
      districtId: projects.districtId,
      version: projects.version,
      stage: projects.stage,
      actualStartOn: projects.actualStartOn,
      actualCompletionOn: projects.actualCompletionOn,
    })
    .from(projects)
    .where(and(eq(projects.campaignId, campaignId), inArray(projects.id, [...projectIds])));
}

export interface ProjectDetail {
  id: number;
  code: string;
  name: string;
  districtId: number;
  districtName: string;
  sectorId: number | null;
  sectorName: string | null;
  actionId: number | null;
  actionName: string | null;
  owner: string;
  totalInvestment: number;
  annualPlannedInvestment: number;
  plannedStartOn: string | null;
  plannedCompletionOn: string | null;
  actualStartOn: string | null;
  actualCompletionOn: string | null;
  stage: ProjectStage;
  isKey: boolean;
  isPublic: boolean;
  description: string;
  longitude: number | null;
  latitude: number | null;
  version: number;
  updatedAt: string;
  updatedByName: string | null;
}

/** One project's register entry, or null outside `scope`. Caller must have built `scope` from the session. */
export async function getProject(scope: ProjectScope, id: number): Promise<ProjectDetail | null> {
  const { db } = await getDatabase();
  const rows = await db
    .select({
      id: projects.id,
      code: projects.code,
      name: projects.name,
      districtId: projects.districtId,
      districtName: districts.name,
      sectorId: projects.sectorId,
      sectorName: sectors.name,
      actionId: projects.actionId,
      actionName: actions.name,
      owner: projects.owner,
      totalInvestment: projects.totalInvestment,
      annualPlannedInvestment: projects.annualPlannedInvestment,
      plannedStartOn: projects.plannedStartOn,
      plannedCompletionOn: projects.plannedCompletionOn,
      actualStartOn: projects.actualStartOn,
      actualCompletionOn: projects.actualCompletionOn,
      stage: projects.stage,
      isKey: projects.isKey,
      isPublic: projects.isPublic,
      description: projects.description,
      longitude: projects.longitude,
      latitude: projects.latitude,
      version: projects.version,
      updatedAt: projects.updatedAt,
      updatedByName: users.displayName,
    })
    .from(projects)
    .innerJoin(districts, eq(districts.id, projects.districtId))
    .leftJoin(sectors, eq(sectors.id, projects.sectorId))
    .leftJoin(actions, eq(actions.id, projects.actionId))
    .leftJoin(users, eq(users.id, projects.updatedBy))
    .where(and(scopeWhere(scope), eq(projects.id, id)));
  return rows[0] ?? null;
}

export async function listProjectFormChoices(campaignId: number) {
  const { db } = await getDatabase();
  const parent = alias(actions, "parent_action");
  const [sectorRows, actionRows, districtRows] = await Promise.all([
    db.select({ id: sectors.id, name: sectors.name }).from(sectors).where(eq(sectors.active, true)).orderBy(asc(sectors.sortOrder)),
    db
      .select({ id: actions.id, name: actions.name, parentName: parent.name })
      .from(actions)
      .leftJoin(parent, eq(parent.id, actions.parentId))
      .where(eq(actions.campaignId, campaignId))
      .orderBy(asc(sql`coalesce(${parent.sortOrder}, ${actions.sortOrder})`), asc(sql`${actions.parentId} is not null`), asc(actions.sortOrder), asc(actions.id)),
    db.select({ id: districts.id, name: districts.name }).from(districts).where(eq(districts.active, true)).orderBy(asc(districts.sortOrder)),
  ]);
  return { sectors: sectorRows, actions: actionRows, districts: districtRows };
}
