import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDatabase } from "../index";
import { actions, districts, figureValues, indicators, monthlyReports, periods, plausibilityFlags, units, users } from "../schema";

/** Unresolved plausibility flags of the report's district-month (correlated on monthly_reports and periods). */
const openFlags = sql<number>`(select count(*) from ${plausibilityFlags} f where f.campaign_id = ${periods.campaignId} and f.district_id = ${monthlyReports.districtId} and f.month = ${periods.month} and f.resolved_at is null)`;

/** Every reporting district's report for a month (or none). Caller must have checked `city.read`. */
export async function listMonthReports(campaignId: number, month: string) {
  const { db } = await getDatabase();
  return db
    .select({
      districtId: districts.id,
      districtCode: districts.code,
      districtName: districts.name,
      kind: districts.kind,
      reportId: monthlyReports.id,
      status: monthlyReports.status,
      version: monthlyReports.version,
      submittedAt: monthlyReports.submittedAt,
      approvedAt: monthlyReports.approvedAt,
      returnComment: monthlyReports.returnComment,
      restating: monthlyReports.restating,
      dueOn: periods.dueOn,
      locked: periods.locked,
      historical: periods.historical,
      openFlags: sql<number>`case when ${monthlyReports.id} is null then 0 else ${openFlags} end`,
    })
    .from(districts)
    .innerJoin(periods, and(eq(periods.campaignId, campaignId), eq(periods.month, month)))
    .leftJoin(monthlyReports, and(eq(monthlyReports.districtId, districts.id), eq(monthlyReports.periodId, periods.id)))
    .where(and(eq(districts.active, true), eq(districts.reports, true)))
    .orderBy(asc(districts.sortOrder));
}

/**
 * Every submitted report of the campaign waiting for review, whatever its month: oldest month
 * first, then the city's district order, with its count of unresolved plausibility flags.
 * Caller must have checked `report.approve` (city-wide).
 */
export async function listWaitingReports(campaignId: number) {
  const { db } = await getDatabase();
  return db
    .select({
      reportId: monthlyReports.id,
      version: monthlyReports.version,
      restating: monthlyReports.restating,
      submittedAt: monthlyReports.submittedAt,
      districtCode: districts.code,
      districtName: districts.name,
      month: periods.month,
      dueOn: periods.dueOn,
      historical: periods.historical,
      locked: periods.locked,
      openFlags,
    })
    .from(monthlyReports)
    .innerJoin(periods, eq(periods.id, monthlyReports.periodId))
    .innerJoin(districts, eq(districts.id, monthlyReports.districtId))
    .where(and(eq(periods.campaignId, campaignId), eq(monthlyReports.status, "submitted"), eq(districts.active, true), eq(districts.reports, true)))
    .orderBy(asc(periods.month), asc(districts.sortOrder), asc(monthlyReports.id));
}

const reopener = alias(users, "reopener");
const partUnits = alias(units, "part_units");

/** One report's state and who did what to it. Caller must have checked `city.read`. */
export async function getReviewHead(reportId: number) {
  const { db } = await getDatabase();
  const head = (
    await db
      .select({
        id: monthlyReports.id,
        status: monthlyReports.status,
        version: monthlyReports.version,
        official: monthlyReports.official,
        restating: monthlyReports.restating,
        reopenReason: monthlyReports.reopenReason,
        reopenedAt: monthlyReports.reopenedAt,
        reopenedByName: reopener.displayName,
        submittedAt: monthlyReports.submittedAt,
        submittedByName: users.displayName,
        returnComment: monthlyReports.returnComment,
        approvedAt: monthlyReports.approvedAt,
        returnedAt: monthlyReports.returnedAt,
        districtId: districts.id,
        districtCode: districts.code,
        districtName: districts.name,
        month: periods.month,
        locked: periods.locked,
        campaignId: periods.campaignId,
      })
      .from(monthlyReports)
      .innerJoin(districts, eq(districts.id, monthlyReports.districtId))
      .innerJoin(periods, eq(periods.id, monthlyReports.periodId))
      .leftJoin(users, eq(users.id, monthlyReports.submittedBy))
      .leftJoin(reopener, eq(reopener.id, monthlyReports.reopenedBy))
      .where(eq(monthlyReports.id, reportId))
  )[0];
  return head ?? null;
}

export type ReviewHead = NonNullable<Awaited<ReturnType<typeof getReviewHead>>>;

/**
 * Every reported indicator of the report's campaign, in the form's order (by action), with the
 * report's live value and its approved copy. Caller must have checked `city.read`.
 */
export async function listReviewValues(reportId: number, campaignId: number) {
  const { db } = await getDatabase();
  
  return db
    .select({
      indicatorId: indicators.id,
      code: indicators.code,
      name: indicators.name,
      aggregation: indicators.aggregation,
      decimals: indicators.decimals,
      numeratorLabel: indicators.numeratorLabel,
      denominatorLabel: indicators.denominatorLabel,
      actionId: actions.id,
      actionName: actions.name,
      unitSymbol: units.symbol,
      unitScale: units.scale,
      partUnitSymbol: partUnits.symbol,
      partUnitScale: partUnits.scale,
      value: figureValues.value,
      numerator: figureValues.numerator,
      denominator: figureValues.denominator,
      noData: figureValues.noData,
      approvedValue: figureValues.approvedValue,
      approvedNumerator: figureValues.approvedNumerator,
      approvedDenominator: figureValues.approvedDenominator,
      note: figureValues.note,
    })
    .from(indicators)
    .innerJoin(actions, eq(actions.id, indicators.actionId))
    .innerJoin(units, eq(units.code, indicators.unitCode))
    .leftJoin(partUnits, eq(partUnits.code, indicators.partUnitCode))
    .leftJoin(figureValues, and(eq(figureValues.indicatorId, indicators.id), eq(figureValues.reportId, reportId)))
    .where(and(eq(indicators.campaignId, campaignId), eq(indicators.kind, "reported")))
    .orderBy(asc(indicators.sortOrder), asc(indicators.id));
}

export type ReviewValue = Awaited<ReturnType<typeof listReviewValues>>[number];

/** One report with each value as stored now and as last approved. Caller must have checked `city.read`. */
export async function getReportForReview(reportId: number) {
  const head = await getReviewHead(reportId);
  if (!head) return null;
  return { ...head, values: await listReviewValues(reportId, head.campaignId) };
}

/** Months with how many reporting districts are approved. Caller must have checked `city.read`. */
export async function listPeriodsWithProgress(campaignId: number) {
  const { db } = await getDatabase();
  return db
    .select({
      id: periods.id,
      month: periods.month,
      isOpen: periods.isOpen,
      locked: periods.locked,
      lockedAt: periods.lockedAt,
      dueOn: periods.dueOn,
      historical: periods.historical,
      historicalReason: periods.historicalReason,
      version: periods.version,
      approved: sql<number>`(select count(*) from ${monthlyReports} r join ${districts} d on d.id = r.district_id where r.period_id = "periods"."id" and r.status = 'approved' and d.active = 1 and d.reports = 1)`,
      submitted: sql<number>`(select count(*) from ${monthlyReports} r join ${districts} d on d.id = r.district_id where r.period_id = "periods"."id" and r.status = 'submitted' and d.active = 1 and d.reports = 1)`,
      total: sql<number>`(select count(*) from ${districts} d where d.active = 1 and d.reports = 1)`,
    })
    .from(periods)
    .where(eq(periods.campaignId, campaignId))
    .orderBy(asc(periods.month));
}
