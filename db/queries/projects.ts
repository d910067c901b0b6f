import "server-only";
import { and, asc, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { ProjectMonthFacts } from "@/domain/plausibility/projects";
import { getDatabase } from "../index";
import { loadProjectMonthFacts } from "../mutations/project-progress";
import { actions, districts, projectProgress, projects, sectors, users, PROJECT_STAGES } from "../schema";

export type ProjectStage = (typeof PROJECT_STAGES)[number];

/**
 * Which projects a caller may see: always one campaign, and either some districts (a district
 * editor: their own) or all of them (a department editor whose department owns projects, a city
 * admin). The pages build it from the session; the queries only apply it.
 */
export interface ProjectScope {
  campaignId: number;
  districtIds: readonly number[] | "all";
}

export interface ProjectFilters {
  q?: string;
  stage?: ProjectStage;
  sectorId?: number;
  isKey?: boolean;
  districtId?: number;
  /** Only projects without an entry for `month`. */
  missingMonth?: boolean;
}

function scopeWhere(scope: ProjectScope): SQL | undefined {
  const inCampaign = eq(projects.campaignId, scope.campaignId);
  if (scope.districtIds === "all") return inCampaign;
  if (scope.districtIds.length === 0) return sql`0`;
  return and(inCampaign, inArray(projects.districtId, [...scope.districtIds]));
}

/** A LIKE pattern matching `term` literally (its % and _ are not wildcards). */
function containsPattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function yearMonths(year: number): [string, string] {
  return [`${year}-01`, `${year}-12`];
}

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
