import "server-only";
import { and, asc, eq, inArray, isNotNull, or, sql } from "drizzle-orm";
import { getDatabase } from "../index";
import { figureValues, indicators, monthlyReports, periods, projectProgress, projects } from "../schema";

/** A figure counts as filled when it has its value (both parts of a ratio) or is marked 本月无数据. */
const filled = or(eq(figureValues.noData, true), isNotNull(figureValues.value), and(isNotNull(figureValues.numerator), isNotNull(figureValues.denominator)));

/**
 * Per district: the reported indicators (optionally one department's) filled for `month`.
 * Caller must have checked `report.read` for the district(s), or a department's ownership.
 */
export async function listFilledIndicators(campaignId: number, month: string, districtIds: readonly number[], ownerDepartmentId?: number): Promise<{ districtId: number; indicatorId: number }[]> {
  if (districtIds.length === 0) return [];
  const { db } = await getDatabase();
  return db
    .select({ districtId: monthlyReports.districtId, indicatorId: figureValues.indicatorId })
    .from(figureValues)
    .innerJoin(monthlyReports, eq(monthlyReports.id, figureValues.reportId))
    .innerJoin(periods, eq(periods.id, monthlyReports.periodId))
    .innerJoin(indicators, eq(indicators.id, figureValues.indicatorId))
    .where(
      and(
        eq(periods.campaignId, campaignId),
        eq(periods.month, month),
        inArray(monthlyReports.districtId, [...districtIds]),
        eq(indicators.kind, "reported"),
        ownerDepartmentId === undefined ? undefined : eq(indicators.ownerDepartmentId, ownerDepartmentId),
        filled,
      ),
    );
}

/**
 * A district's key projects with what decides whether they need a figure for `month` (the
 * grid's filter, app/(staff)/district/projects/progress/filter.ts) and whether they have one.
 * Caller must have checked `report.read` for the district.
 */
export async function listProjectMonthFacts(campaignId: number, districtId: number, month: string) {
  const { db } = await getDatabase();
  return db
    .select({
      id: projects.id,
      stage: projects.stage,
      actualStartOn: projects.actualStartOn,
      actualCompletionOn: projects.actualCompletionOn,
      entryInvestment: projectProgress.investment,
    })
    .from(projects)
    .leftJoin(projectProgress, and(eq(projectProgress.projectId, projects.id), eq(projectProgress.month, month)))
    .where(and(eq(projects.campaignId, campaignId), eq(projects.districtId, districtId), eq(projects.isKey, true)));
}

/**
 * The indicators a department owns in a campaign, every kind, with the rule of a derived one
 * (what record feeds it). Definitions only: public facts.
 */
export async function listOwnedIndicators(campaignId: number, departmentId: number) {
  const { db } = await getDatabase();
  const rows = await db
    .select({ id: indicators.id, name: indicators.name, kind: indicators.kind, derivation: indicators.derivation })
    .from(indicators)
    .where(and(eq(indicators.campaignId, campaignId), eq(indicators.ownerDepartmentId, departmentId)))
    .orderBy(asc(indicators.sortOrder), asc(indicators.id));
  return rows.map((r) => ({ id: r.id, name: r.name, kind: r.kind, rule: r.derivation?.rule ?? null }));
}

/** Number of reported indicators (optionally one department's) in a campaign. Public facts. */
export async function countReportedIndicators(campaignId: number, ownerDepartmentId?: number): Promise<number> {
  const { db } = await getDatabase();
  const rows = await db
    .select({ n: sql<number>`count(*)` })
    .from(indicators)
    .where(and(eq(indicators.campaignId, campaignId), eq(indicators.kind, "reported"), ownerDepartmentId === undefined ? undefined : eq(indicators.ownerDepartmentId, ownerDepartmentId)));
  return Number(rows[0]?.n ?? 0);
}
