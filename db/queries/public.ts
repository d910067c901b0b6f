import "server-only";
import { and, asc, eq, inArray, isNotNull, sql, type SQL } from "drizzle-orm";
import { getCurrentCampaign } from "./campaigns";
import { getDatabase } from "../index";
import { actions, departments, districts, indicators, monthlyReports, periods, projectProgress, projects, sectors, units, PROJECT_STAGES } from "../schema";

/*
 * Reads for the public site and the open-data API. Everything here is public by construction:
 * projects only when is_public = 1, indicators only when is_public = 1, and anything tied to a
 * month (a project's monthly investment, its actual start or completion date) only once that
 * district's month is official (approved once; it stays official while reopened for correction).
 * Published amounts are the approved copies (project_progress.approved_investment), never the
 * live values a district may be correcting. Callers need no session; they must not add
 * unofficial data.
 */

export type PublicStage = (typeof PROJECT_STAGES)[number];

export interface PublicCampaign {
  id: number;
  slug: string;
  year: number;
  cityName: string;
  cityNameEn: string;
  title: string;
  titleEn: string;
  subtitle: string;
  subtitleEn: string;
  sourceNote: string;
  paceWarnBp: number;
}

/**
 * Public: the current campaign (chosen by getCurrentCampaign, never a draft) with its English
 * names.
 */
export async function getPublicCampaign(): Promise<PublicCampaign | null> {
  const c = await getCurrentCampaign();
  if (!c) return null;
  const { id, slug, year, cityName, cityNameEn, title, titleEn, subtitle, subtitleEn, sourceNote, paceWarnBp } = c;
  return { id, slug, year, cityName, cityNameEn, title, titleEn, subtitle, subtitleEn, sourceNote, paceWarnBp };
}

export interface PublicDistrict {
  id: number;
  code: string;
  name: string;
  nameEn: string;
  kind: "district" | "county_city" | "county" | "development_zone";
}

/** Public: the active reporting districts in the city's order. */
export async function listPublicDistricts(): Promise<PublicDistrict[]> {
  const { db } = await getDatabase();
  return db
    .select({ id: districts.id, code: districts.code, name: districts.name, nameEn: districts.nameEn, kind: districts.kind })
    .from(districts)
    .where(and(eq(districts.active, true), eq(districts.reports, true)))
    .orderBy(asc(districts.sortOrder), asc(districts.id));
}

export interface PublicAction {
  id: number;
  parentId: number | null;
  code: string;
  groupLabel: string;
  name: string;
  nameEn: string;
  summary: string;
  summaryEn: string;
  leadDepartment: string | null;
  leadDepartmentEn: string | null;
}

/** Public: the campaign's actions (top level and sub-actions) in order. */
export async function listPublicActions(campaignId: number): Promise<PublicAction[]> {
  const { db } = await getDatabase();
  return db
    .select({
      id: actions.id,
      parentId: actions.parentId,
      code: actions.code,
      groupLabel: actions.groupLabel,
      name: actions.name,
      nameEn: actions.nameEn,
      summary: actions.summary,
      summaryEn: actions.summaryEn,
      leadDepartment: departments.name,
      leadDepartmentEn: departments.nameEn,
    })
    .from(actions)
    .leftJoin(departments, eq(departments.id, actions.leadDepartmentId))
    .where(eq(actions.campaignId, campaignId))
    .orderBy(asc(actions.sortOrder), asc(actions.id));
}

export interface PublicIndicatorFacts {
  id: number;
  code: string;
  nameEn: string;
  description: string;
  unitCode: string;
  unitSymbolEn: string;
  /** The unit amounts are stored in (e.g. 万元 for 亿元). */
  unitBaseSymbol: string;
  ownerDepartmentEn: string | null;
}

/** Public: the facts of public indicators the rollup loader does not carry (English names, unit code). */
export async function listPublicIndicatorFacts(campaignId: number): Promise<PublicIndicatorFacts[]> {
  const { db } = await getDatabase();
  return db
    .select({
      id: indicators.id,
      code: indicators.code,
      nameEn: indicators.nameEn,
      description: indicators.description,
      unitCode: units.code,
      unitSymbolEn: units.symbolEn,
      unitBaseSymbol: units.baseSymbol,
      ownerDepartmentEn: departments.nameEn,
    })
    .from(indicators)
    .innerJoin(units, eq(units.code, indicators.unitCode))
    .leftJoin(departments, eq(departments.id, indicators.ownerDepartmentId))
    .where(and(eq(indicators.campaignId, campaignId), eq(indicators.isPublic, true)));
}

/** Public: when the latest approval (first or of a correction) happened (ISO timestamp), or null. */
export async function getLastApprovalAt(campaignId: number): Promise<string | null> {
  const { db } = await getDatabase();
  const rows = await db
    .select({ at: sql<string | null>`max(${monthlyReports.approvedAt})` })
    .from(monthlyReports)
    .innerJoin(periods, eq(periods.id, monthlyReports.periodId))
    .where(and(eq(periods.campaignId, campaignId), eq(monthlyReports.official, true)));
  return rows[0]?.at ?? null;
}

/** Public: which district-months are official (the published ones), oldest first. */
export async function listOfficialMonths(campaignId: number): Promise<{ districtId: number; month: string }[]> {
  const { db } = await getDatabase();
  return db
    .select({ districtId: monthlyReports.districtId, month: periods.month })
    .from(monthlyReports)
    .innerJoin(periods, eq(periods.id, monthlyReports.periodId))
    .where(and(eq(periods.campaignId, campaignId), eq(monthlyReports.official, true)))
    .orderBy(asc(periods.month));
}

export interface PublicSector {
  id: number;
  code: string;
  name: string;
  nameEn: string;
}

/** Public: the city's sector list. */
export async function listPublicSectors(): Promise<PublicSector[]> {
  const { db } = await getDatabase();
  return db.select({ id: sectors.id, code: sectors.code, name: sectors.name, nameEn: sectors.nameEn }).from(sectors).orderBy(asc(sectors.sortOrder), asc(sectors.id));
}

// ---------------------------------------------------------------------------------------------
// Projects

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
