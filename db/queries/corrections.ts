import "server-only";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDatabase } from "../index";
import { corrections, districts, indicators, projects, units, users } from "../schema";

/*
 * Corrections of approved months (restatements): every published value that an approved
 * correction changed, old → new, with the office's reason (written by approveReport in
 * db/mutations/review.ts). A correction exists only once it is approved, so every row here is
 * published history. The public reads name no person and keep to public indicators and projects;
 * the staff read names who reopened and who approved.
 */

export interface FigureCorrectionRow {
  id: number;
  indicatorId: number;
  districtId: number;
  month: string;
  oldValue: number | null;
  oldNumerator: number | null;
  oldDenominator: number | null;
  newValue: number | null;
  newNumerator: number | null;
  newDenominator: number | null;
  reason: string;
  correctedAt: string;
}

/** Public: corrections of reported figures of PUBLIC indicators of the campaign, oldest first. */
export async function listPublicFigureCorrections(campaignId: number): Promise<FigureCorrectionRow[]> {
  const { db } = await getDatabase();
  const rows = await db
    .select({
      id: corrections.id,
      indicatorId: sql<number>`${corrections.indicatorId}`,
      districtId: corrections.districtId,
      month: corrections.month,
      oldValue: corrections.oldValue,
      oldNumerator: corrections.oldNumerator,
      oldDenominator: corrections.oldDenominator,
      newValue: corrections.newValue,
      newNumerator: corrections.newNumerator,
      newDenominator: corrections.newDenominator,
      reason: corrections.reason,
      correctedAt: corrections.approvedAt,
    })
    .from(corrections)
    .innerJoin(indicators, eq(indicators.id, corrections.indicatorId))
    .where(and(eq(corrections.campaignId, campaignId), eq(corrections.subject, "figure"), eq(indicators.isPublic, true)))
    .orderBy(asc(corrections.approvedAt), asc(corrections.id));
  return rows.map((r) => ({ ...r, indicatorId: Number(r.indicatorId) }));
}

/**
 * One approved correction of a district-month's project investment, summed over the projects it
 * changed (all projects, and key projects only): what it moved the investment indicators by.
 * Non-public projects count here (they are part of the published sums) but are not named.
 */
export interface ProjectCorrectionEvent {
  reportId: number;
  districtId: number;
  month: string;
  reason: string;
  correctedAt: string;
  /** 万元: Σ (new − old) over the corrected projects. */
  deltaAll: number;
  deltaKey: number;
}

/** Public: every approved correction of project investment, as one event per approval, oldest first. */
export async function listProjectCorrectionEvents(campaignId: number): Promise<ProjectCorrectionEvent[]> {
  const { db } = await getDatabase();
  const delta = sql`coalesce(${corrections.newValue}, 0) - coalesce(${corrections.oldValue}, 0)`;
  const rows = await db
    .select({
      reportId: corrections.reportId,
      districtId: corrections.districtId,
      month: corrections.month,
      reason: sql<string>`max(${corrections.reason})`,
      correctedAt: corrections.approvedAt,
      deltaAll: sql<number>`sum(${delta})`,
      deltaKey: sql<number>`sum(case when ${projects.isKey} = 1 then ${delta} else 0 end)`,
    })
    .from(corrections)
    .innerJoin(projects, eq(projects.id, corrections.projectId))
    .where(and(eq(corrections.campaignId, campaignId), eq(corrections.subject, "project")))
    .groupBy(corrections.reportId, corrections.districtId, corrections.month, corrections.approvedAt)
    .orderBy(asc(corrections.approvedAt), asc(corrections.reportId));
  return rows.map((r) => ({ ...r, deltaAll: Number(r.deltaAll ?? 0), deltaKey: Number(r.deltaKey ?? 0) }));
}

/**
 * Public: the published (approved) investment of the district-months that had a project
 * correction, all projects and key projects only (万元), from the trigger-kept totals — the same
 * numbers the official investment rollup adds up.
 */
export async function listCorrectedMonthTotals(campaignId: number): Promise<{ districtId: number; month: string; all: number; key: number }[]> {
  const { db } = await getDatabase();
  const rows = (await db.all(sql`select t.district_id as district_id, t.month as month,
      sum(t.approved_investment) as all_total, sum(case when t.is_key = 1 then t.approved_investment else 0 end) as key_total
    from progress_totals t
    where t.campaign_id = ${campaignId}
      and exists (select 1 from corrections c where c.campaign_id = t.campaign_id and c.subject = 'project' and c.district_id = t.district_id and c.month = t.month)
    group by t.district_id, t.month`)) as { district_id: number; month: string; all_total: number | null; key_total: number | null }[];
  return rows.map((r) => ({ districtId: Number(r.district_id), month: String(r.month), all: Number(r.all_total ?? 0), key: Number(r.key_total ?? 0) }));
}

export interface PublicProjectCorrectionRow {
  id: number;
  projectCode: string;
  projectName: string;
  districtId: number;
  month: string;
  /** 万元. */
  oldValue: number | null;
  newValue: number | null;
  reason: string;
  correctedAt: string;
}

/** Public: corrections of the monthly investment of PUBLIC projects, oldest first. */
export async function listPublicProjectCorrections(campaignId: number): Promise<PublicProjectCorrectionRow[]> {
  const { db } = await getDatabase();
  return db
    .select({
      id: corrections.id,
      projectCode: projects.code,
      projectName: projects.name,
      districtId: corrections.districtId,
      month: corrections.month,
      oldValue: corrections.oldValue,
      newValue: corrections.newValue,
      reason: corrections.reason,
      correctedAt: corrections.approvedAt,
    })
    .from(corrections)
    .innerJoin(projects, eq(projects.id, corrections.projectId))
    .where(and(eq(corrections.campaignId, campaignId), eq(corrections.subject, "project"), eq(projects.isPublic, true)))
    .orderBy(asc(corrections.approvedAt), asc(corrections.id));
}

/**
 * The corrections behind one indicator's figure: its own reported values, or, for an indicator
 * summed from project investment, the corrected projects it counts (key projects only when so).
 */
function ofIndicator(campaignId: number, code: string) {
  return sql`(${corrections.indicatorId} = (select i.id from indicators i where i.campaign_id = ${campaignId} and i.code = ${code})
    or (${corrections.subject} = 'project' and exists (select 1 from indicators i where i.campaign_id = ${campaignId} and i.code = ${code}
      and json_extract(i.derivation, '$.rule') = 'project_investment'
      and (coalesce(json_extract(i.derivation, '$.params.keyOnly'), 0) <> 1 or ${projects.isKey} = 1))))`;
}

export interface StaffCorrectionFilter {
  campaignId: number;
  districtId?: number;
  month?: string;
  indicatorCode?: string;
}

/**
 * Staff: every correction of the campaign (public or not), newest first, with who reopened the
 * month and who approved the correction. Caller must have checked `city.read`.
 */
export async function listCorrections(f: StaffCorrectionFilter) {
  const { db } = await getDatabase();
  const reopener = alias(users, "reopener");
  const approver = alias(users, "approver");
  return db
    .select({
      id: corrections.id,
      subject: corrections.subject,
      districtId: corrections.districtId,
      districtName: districts.name,
      month: corrections.month,
      reportId: corrections.reportId,
      indicatorCode: indicators.code,
      indicatorName: indicators.name,
      aggregation: indicators.aggregation,
      decimals: indicators.decimals,
      unitSymbol: units.symbol,
      unitScale: units.scale,
      projectCode: projects.code,
      projectName: projects.name,
      oldValue: corrections.oldValue,
      oldNumerator: corrections.oldNumerator,
      oldDenominator: corrections.oldDenominator,
      newValue: corrections.newValue,
      newNumerator: corrections.newNumerator,
      newDenominator: corrections.newDenominator,
      reason: corrections.reason,
      reopenedAt: corrections.reopenedAt,
      reopenedByName: reopener.displayName,
      approvedAt: corrections.approvedAt,
      approvedByName: approver.displayName,
    })
    .from(corrections)
    .innerJoin(districts, eq(districts.id, corrections.districtId))
    .leftJoin(indicators, eq(indicators.id, corrections.indicatorId))
    .leftJoin(units, eq(units.code, indicators.unitCode))
    .leftJoin(projects, eq(projects.id, corrections.projectId))
    .leftJoin(reopener, eq(reopener.id, corrections.reopenedBy))
    .leftJoin(approver, eq(approver.id, corrections.approvedBy))
    .where(
      and(
        eq(corrections.campaignId, f.campaignId),
        f.districtId !== undefined ? eq(corrections.districtId, f.districtId) : undefined,
        f.month !== undefined ? eq(corrections.month, f.month) : undefined,
        f.indicatorCode !== undefined ? ofIndicator(f.campaignId, f.indicatorCode) : undefined,
      ),
    )
    .orderBy(desc(corrections.approvedAt), asc(districts.sortOrder), asc(corrections.id));
}

export type StaffCorrection = Awaited<ReturnType<typeof listCorrections>>[number];

/** Staff: the months that have corrections (for the filter). Caller must have checked `city.read`. */
export async function listCorrectedMonths(campaignId: number): Promise<string[]> {
  const { db } = await getDatabase();
  const rows = await db.selectDistinct({ month: corrections.month }).from(corrections).where(eq(corrections.campaignId, campaignId)).orderBy(asc(corrections.month));
  return rows.map((r) => r.month);
}
