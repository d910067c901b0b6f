import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { getDatabase } from "../index";
import { districts, figureValues, indicators, monthlyReports, periods, units, users } from "../schema";

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
      dueOn: periods.dueOn,
      locked: periods.locked,
    })
    .from(districts)
    .innerJoin(periods, and(eq(periods.campaignId, campaignId), eq(periods.month, month)))
    .leftJoin(monthlyReports, and(eq(monthlyReports.districtId, districts.id), eq(monthlyReports.periodId, periods.id)))
    .where(and(eq(districts.active, true), eq(districts.reports, true)))
    .orderBy(asc(districts.sortOrder));
}

/** One report with each value as stored now and as last approved. Caller must have checked `city.read`. */
export async function getReportForReview(reportId: number) {
  const { db } = await getDatabase();
  const head = (
    await db
      .select({
        id: monthlyReports.id,
        status: monthlyReports.status,
        version: monthlyReports.version,
        submittedAt: monthlyReports.submittedAt,
        submittedByName: users.displayName,
        returnComment: monthlyReports.returnComment,
        approvedAt: monthlyReports.approvedAt,
        returnedAt: monthlyReports.returnedAt,
        districtId: districts.id,
        districtName: districts.name,
        month: periods.month,
        locked: periods.locked,
        campaignId: periods.campaignId,
      })
      .from(monthlyReports)
      .innerJoin(districts, eq(districts.id, monthlyReports.districtId))
      .innerJoin(periods, eq(periods.id, monthlyReports.periodId))
      .leftJoin(users, eq(users.id, monthlyReports.submittedBy))
      .where(eq(monthlyReports.id, reportId))
  )[0];
  if (!head) return null;
  const values = await db
    .select({
      indicatorId: indicators.id,
      name: indicators.name,
      aggregation: indicators.aggregation,
      decimals: indicators.decimals,
      unitSymbol: units.symbol,
      unitScale: units.scale,
      value: figureValues.value,
      numerator: figureValues.numerator,
      denominator: figureValues.denominator,
      approvedValue: figureValues.approvedValue,
      approvedNumerator: figureValues.approvedNumerator,
      approvedDenominator: figureValues.approvedDenominator,
      note: figureValues.note,
    })
    .from(indicators)
    .innerJoin(units, eq(units.code, indicators.unitCode))
    .leftJoin(figureValues, and(eq(figureValues.indicatorId, indicators.id), eq(figureValues.reportId, reportId)))
    .where(and(eq(indicators.campaignId, head.campaignId), eq(indicators.kind, "reported")))
    .orderBy(asc(indicators.sortOrder));
  return { ...head, values };
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
      version: periods.version,
      approved: sql<number>`(select count(*) from ${monthlyReports} r join ${districts} d on d.id = r.district_id where r.period_id = "periods"."id" and r.status = 'approved' and d.active = 1 and d.reports = 1)`,
      submitted: sql<number>`(select count(*) from ${monthlyReports} r join ${districts} d on d.id = r.district_id where r.period_id = "periods"."id" and r.status = 'submitted' and d.active = 1 and d.reports = 1)`,
      total: sql<number>`(select count(*) from ${districts} d where d.active = 1 and d.reports = 1)`,
    })
    .from(periods)
    .where(eq(periods.campaignId, campaignId))
    .orderBy(asc(periods.month));
}
