import "server-only";
import { and, asc, eq, inArray, isNotNull, sql, type SQL } from "drizzle-orm";
import { getDatabase } from "../index";
import { actions, districts, monthlyReports, periods, projectProgress, projects, sectors, PROJECT_STAGES } from "../schema";

/*
 * Public projects for the public site and the open-data API (the rules of ./public.ts): only
 * projects with is_public = 1; an actual start or completion date, and a month's investment, only
 * once that district's month is official; amounts from the approved copies, never live values.
 */

export type PublicStage = (typeof PROJECT_STAGES)[number];

/**
 * Whether a date column of the project is published: its month is official for the project's
 * district, or it lies before the campaign's first reporting month (history nobody reports).
 */
function publishedDate(col: SQL): SQL<boolean> {
  return sql<boolean>`(${col} is not null and (
    substr(${col}, 1, 7) < (select min(pm.month) from periods pm where pm.campaign_id = ${projects.campaignId})
    or exists (select 1 from periods pa join monthly_reports ra on ra.period_id = pa.id
               where pa.campaign_id = ${projects.campaignId} and pa.month = substr(${col}, 1, 7)
                 and ra.district_id = ${projects.districtId} and ra.official = 1)))`;
}

const startPublished = publishedDate(sql`${projects.actualStartOn}`);
const completionPublished = publishedDate(sql`${projects.actualCompletionOn}`);

/** The stage as the published record shows it: a start or completion counts once its month is official. */
const publicStage = sql<PublicStage>`(case
  when ${projects.stage} = 'suspended' then 'suspended'
  when ${completionPublished} then 'completed'
  when ${startPublished} then 'under_construction'
  else 'preparing' end)`;

/** This year's published investment of the project: the approved copies of official months (万元). */
function approvedInvestment(year: number): SQL<number> {
  return sql<number>`(select coalesce(sum(g.approved_investment), 0) from project_progress g
    join periods pa on pa.campaign_id = ${projects.campaignId} and pa.month = g.month
    join monthly_reports ra on ra.period_id = pa.id and ra.district_id = ${projects.districtId} and ra.official = 1
    where g.project_id = ${projects.id} and g.month between ${`${year}-01`} and ${`${year}-12`})`;
}

/** A LIKE pattern matching `term` literally (its % and _ are not wildcards). */
function containsPattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export interface PublicProjectFilters {
  q?: string;
  districtId?: number;
  /** A top-level action and its sub-actions. */
  actionIds?: number[];
  stage?: PublicStage;
  isKey?: boolean;
}

export interface PublicProjectRow {
  code: string;
  name: string;
  districtCode: string;
  districtName: string;
  districtNameEn: string;
  actionCode: string | null;
  sectorCode: string | null;
  sectorName: string | null;
  sectorNameEn: string | null;
  stage: PublicStage;
  isKey: boolean;
  totalInvestment: number;
  annualPlannedInvestment: number;
  investmentYtd: number;
  plannedStartOn: string | null;
  plannedCompletionOn: string | null;
  actualStartOn: string | null;
  actualCompletionOn: string | null;
}

function projectColumns(year: number) {
  return {
    code: projects.code,
    name: projects.name,
    districtCode: districts.code,
    districtName: districts.name,
    districtNameEn: districts.nameEn,
    actionCode: actions.code,
    sectorCode: sectors.code,
    sectorName: sectors.name,
    sectorNameEn: sectors.nameEn,
    stage: publicStage,
    isKey: projects.isKey,
    totalInvestment: projects.totalInvestment,
    annualPlannedInvestment: projects.annualPlannedInvestment,
    investmentYtd: approvedInvestment(year),
    plannedStartOn: projects.plannedStartOn,
    plannedCompletionOn: projects.plannedCompletionOn,
    actualStartOn: sql<string | null>`case when ${startPublished} then ${projects.actualStartOn} end`,
    actualCompletionOn: sql<string | null>`case when ${completionPublished} then ${projects.actualCompletionOn} end`,
  };
}

function normaliseRow<T extends { isKey: unknown; investmentYtd: unknown }>(r: T): T & { isKey: boolean; investmentYtd: number } {
  return { ...r, isKey: Boolean(r.isKey), investmentYtd: Number(r.investmentYtd ?? 0) };
}

function publicWhere(campaignId: number, f: PublicProjectFilters): SQL | undefined {
  const term = f.q?.trim();
  return and(
    eq(projects.campaignId, campaignId),
    eq(projects.isPublic, true),
    term ? sql`(${projects.name} like ${containsPattern(term)} escape '\\' or ${projects.code} like ${containsPattern(term)} escape '\\')` : undefined,
    f.districtId ? eq(projects.districtId, f.districtId) : undefined,
    f.actionIds ? (f.actionIds.length ? inArray(projects.actionId, f.actionIds) : sql`0`) : undefined,
    f.isKey !== undefined ? eq(projects.isKey, f.isKey) : undefined,
    f.stage ? sql`${publicStage} = ${f.stage}` : undefined,
  );
}

/** Public: one page of public projects matching the filters, with the total count. */
export async function listPublicProjects(
  campaignId: number,
  year: number,
  filters: PublicProjectFilters,
  opts: { page: number; pageSize: number },
): Promise<{ rows: PublicProjectRow[]; total: number }> {
  const { db } = await getDatabase();
  const where = publicWhere(campaignId, filters);
  const [rows, counted] = await Promise.all([
    db
      .select(projectColumns(year))
      .from(projects)
      .innerJoin(districts, eq(districts.id, projects.districtId))
      .leftJoin(actions, eq(actions.id, projects.actionId))
      .leftJoin(sectors, eq(sectors.id, projects.sectorId))
      .where(where)
      .orderBy(asc(districts.sortOrder), asc(projects.code))
      .limit(opts.pageSize)
      .offset((opts.page - 1) * opts.pageSize),
    db.select({ n: sql<number>`count(*)` }).from(projects).where(where),
  ]);
  return { rows: rows.map(normaliseRow), total: Number(counted[0]?.n ?? 0) };
}

/** Public: every public project of the campaign (open data), in the list's order. */
export async function listAllPublicProjects(campaignId: number, year: number): Promise<PublicProjectRow[]> {
  const { db } = await getDatabase();
  const rows = await db
    .select(projectColumns(year))
    .from(projects)
    .innerJoin(districts, eq(districts.id, projects.districtId))
    .leftJoin(actions, eq(actions.id, projects.actionId))
    .leftJoin(sectors, eq(sectors.id, projects.sectorId))
    .where(publicWhere(campaignId, {}))
    .orderBy(asc(districts.sortOrder), asc(projects.code));
  return rows.map(normaliseRow);
}

export interface PublicProjectDetail extends PublicProjectRow {
  id: number;
  owner: string;
  description: string;
  actionName: string | null;
  actionNameEn: string | null;
  actionParentCode: string | null;
}

/** Public: one public project by its code, or null (also when it is not public). */
export async function getPublicProject(campaignId: number, year: number, code: string): Promise<PublicProjectDetail | null> {
  const { db } = await getDatabase();
  const parent = sql<string | null>`(select pa.code from actions pa where pa.id = ${actions.parentId})`;
  const rows = await db
    .select({
      ...projectColumns(year),
      id: projects.id,
      owner: projects.owner,
      description: projects.description,
      actionName: actions.name,
      actionNameEn: actions.nameEn,
      actionParentCode: parent,
    })
    .from(projects)
    .innerJoin(districts, eq(districts.id, projects.districtId))
    .leftJoin(actions, eq(actions.id, projects.actionId))
    .leftJoin(sectors, eq(sectors.id, projects.sectorId))
    .where(and(eq(projects.campaignId, campaignId), eq(projects.isPublic, true), eq(projects.code, code)))
    .limit(1);
  const r = rows[0];
  return r ? normaliseRow(r) : null;
}

export interface PublicProgress {
  projectCode: string;
  month: string;
  investment: number;
}

/**
 * Public: published monthly investment (the approved copy) of public projects in official
 * district-months of `year`, for one project (by id) or all of them.
 */
export async function listPublicProgress(campaignId: number, year: number, projectId?: number): Promise<PublicProgress[]> {
  const { db } = await getDatabase();
  return db
    .select({ projectCode: projects.code, month: projectProgress.month, investment: sql<number>`${projectProgress.approvedInvestment}` })
    .from(projectProgress)
    .innerJoin(projects, eq(projects.id, projectProgress.projectId))
    .innerJoin(periods, and(eq(periods.campaignId, projects.campaignId), eq(periods.month, projectProgress.month)))
    .innerJoin(monthlyReports, and(eq(monthlyReports.periodId, periods.id), eq(monthlyReports.districtId, projects.districtId), eq(monthlyReports.official, true)))
    .where(
      and(
        eq(projects.campaignId, campaignId),
        eq(projects.isPublic, true),
        projectId === undefined ? undefined : eq(projects.id, projectId),
        isNotNull(projectProgress.approvedInvestment),
        sql`${projectProgress.month} between ${`${year}-01`} and ${`${year}-12`}`,
      ),
    )
    .orderBy(asc(projects.id), asc(projectProgress.month));
}

/** Public: how many public projects each district has. */
export async function countPublicProjectsByDistrict(campaignId: number): Promise<Map<number, number>> {
  const { db } = await getDatabase();
  const rows = await db
    .select({ districtId: projects.districtId, n: sql<number>`count(*)` })
    .from(projects)
    .where(and(eq(projects.campaignId, campaignId), eq(projects.isPublic, true)))
    .groupBy(projects.districtId);
  return new Map(rows.map((r) => [r.districtId, Number(r.n)]));
}
