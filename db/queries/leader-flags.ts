import "server-only";
/**
 * Unresolved plausibility warnings behind the figures a leader reads: every unresolved flag of
 * the campaign's year up to a month (a year-to-date figure adds every month), with the state of
 * the district-month it sits on. Caller must have checked `city.read` (warnings and notes are
 * about unapproved data).
 */
import { and, asc, between, eq, isNull } from "drizzle-orm";
import { getDatabase } from "../index";
import { districts, indicators, monthlyReports, periods, plausibilityFlags, projects } from "../schema";

export interface LeaderFlag {
  id: number;
  month: string;
  districtId: number;
  districtName: string;
  subject: "figure" | "project";
  indicatorId: number | null;
  indicatorName: string | null;
  projectId: number | null;
  projectName: string | null;
  projectIsKey: boolean | null;
  message: string;
  /** The district's explanation given with the value. */
  note: string;
  /** Whether the district-month is official (its published figures are the approved copies). */
  official: boolean;
}

export async function listUnresolvedFlagsThrough(campaignId: number, month: string): Promise<LeaderFlag[]> {
  const { db } = await getDatabase();
  const rows = await db
    .select({
      id: plausibilityFlags.id,
      month: plausibilityFlags.month,
      districtId: plausibilityFlags.districtId,
      districtName: districts.name,
      subject: plausibilityFlags.subject,
      indicatorId: plausibilityFlags.indicatorId,
      indicatorName: indicators.name,
      projectId: plausibilityFlags.projectId,
      projectName: projects.name,
      projectIsKey: projects.isKey,
      message: plausibilityFlags.message,
      note: plausibilityFlags.note,
      official: monthlyReports.official,
    })
    .from(plausibilityFlags)
    .innerJoin(districts, eq(districts.id, plausibilityFlags.districtId))
    .leftJoin(indicators, eq(indicators.id, plausibilityFlags.indicatorId))
    .leftJoin(projects, eq(projects.id, plausibilityFlags.projectId))
    .leftJoin(periods, and(eq(periods.campaignId, plausibilityFlags.campaignId), eq(periods.month, plausibilityFlags.month)))
    .leftJoin(monthlyReports, and(eq(monthlyReports.periodId, periods.id), eq(monthlyReports.districtId, plausibilityFlags.districtId)))
    .where(and(eq(plausibilityFlags.campaignId, campaignId), between(plausibilityFlags.month, `${month.slice(0, 4)}-01`, month), isNull(plausibilityFlags.resolvedAt)))
    .orderBy(asc(plausibilityFlags.month), asc(districts.sortOrder), asc(plausibilityFlags.id));
  return rows.map((r) => ({ ...r, official: r.official === true }));
}
