import "server-only";
import { and, asc, eq, isNull, lt, lte, ne, notExists, or, gte, sql } from "drizzle-orm";
import { getDatabase } from "../index";
import { monthlyReports, periods, problems, projectProgress, projects } from "../schema";

/** The district's months sent back for changes. Caller must have checked `report.read` for the district. */
export async function listReturnedMonths(campaignId: number, districtId: number) {
  const { db } = await getDatabase();
  return db
    .select({ month: periods.month, comment: monthlyReports.returnComment, returnedAt: monthlyReports.returnedAt })
    .from(monthlyReports)
    .innerJoin(periods, eq(periods.id, monthlyReports.periodId))
    .where(and(eq(periods.campaignId, campaignId), eq(monthlyReports.districtId, districtId), eq(monthlyReports.status, "returned")))
    .orderBy(asc(periods.month));
}

/** Unresolved problems of the district in this campaign year whose deadline has passed. Caller must have checked `report.read`. */
export async function countOverdueProblems(campaignId: number, districtId: number, today: string): Promise<number> {
  const { db } = await getDatabase();
  const rows = await db
    .select({ n: sql<number>`count(*)` })
    .from(problems)
    .where(and(eq(problems.campaignId, campaignId), eq(problems.districtId, districtId), ne(problems.status, "resolved"), lt(problems.deadlineOn, today)));
  return Number(rows[0]?.n ?? 0);
}

/**
 * Key projects under construction in `month` (started by its end, not completed before it began)
 * with no investment entered for it. Caller must have checked `report.read` for the district.
 */
export async function countProjectsWithoutProgress(campaignId: number, districtId: number, month: string): Promise<number> {
  const { db } = await getDatabase();
  const monthEnd = `${month}-31`;
  const monthStart = `${month}-01`;
  const rows = await db
    .select({ n: sql<number>`count(*)` })
    .from(projects)
    .where(
      and(
        eq(projects.campaignId, campaignId),
        eq(projects.districtId, districtId),
        eq(projects.isKey, true),
        lte(projects.actualStartOn, monthEnd),
        or(isNull(projects.actualCompletionOn), gte(projects.actualCompletionOn, monthStart)),
        notExists(db.select({ one: sql`1` }).from(projectProgress).where(and(eq(projectProgress.projectId, projects.id), eq(projectProgress.month, month)))),
      ),
    );
  return Number(rows[0]?.n ?? 0);
}
