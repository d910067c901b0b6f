import "server-only";
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { ReportState } from "@/domain/policy";
import { getDatabase } from "../index";
import { indicators, monthlyReports, periods, type ReportStatus } from "../schema";

export interface PeriodRow {
  id: number;
  month: string;
  isOpen: boolean;
  locked: boolean;
  dueOn: string;
}

/** The campaign's reporting months, oldest first. Public facts (no figures). */
export async function listPeriods(campaignId: number): Promise<PeriodRow[]> {
  const { db } = await getDatabase();
  return db
    .select({ id: periods.id, month: periods.month, isOpen: periods.isOpen, locked: periods.locked, dueOn: periods.dueOn })
    .from(periods)
    .where(eq(periods.campaignId, campaignId))
    .orderBy(asc(periods.month));
}

/** The month a clerk works on by default: the latest opened month. */
export async function getDefaultMonth(campaignId: number): Promise<string | null> {
  const { db } = await getDatabase();
  const rows = await db
    .select({ month: periods.month })
    .from(periods)
    .where(and(eq(periods.campaignId, campaignId), eq(periods.isOpen, true)))
    .orderBy(desc(periods.month))
    .limit(1);
  return rows[0]?.month ?? null;
}

export interface DistrictMonthState {
  periodId: number;
  month: string;
  isOpen: boolean;
  locked: boolean;
  dueOn: string;
  /** Marked by the office as history entered late on purpose (never "逾期"). */
  historical: boolean;
  reportId: number | null;
  status: ReportStatus | null;
  /** What the policy decides on: locked wins; no report yet counts as draft. */
  state: ReportState;
  reportVersion: number | null;
  returnComment: string | null;
  submittedAt: string | null;
  approvedAt: string | null;
}

/**
 * One district's month: period facts and its report's status. Null when the campaign has no
 * such month. Caller must have checked `report.read` for the district (or uses it to decide).
 */
export async function getDistrictMonthState(campaignId: number, districtId: number, month: string): Promise<DistrictMonthState | null> {
  const { db } = await getDatabase();
  const rows = await db
    .select({
      periodId: periods.id,
      month: periods.month,
      isOpen: periods.isOpen,
      locked: periods.locked,
      dueOn: periods.dueOn,
      historical: periods.historical,
      reportId: monthlyReports.id,
      status: monthlyReports.status,
      reportVersion: monthlyReports.version,
      returnComment: monthlyReports.returnComment,
      submittedAt: monthlyReports.submittedAt,
      approvedAt: monthlyReports.approvedAt,
    })
    .from(periods)
    .leftJoin(monthlyReports, and(eq(monthlyReports.periodId, periods.id), eq(monthlyReports.districtId, districtId)))
    .where(and(eq(periods.campaignId, campaignId), eq(periods.month, month)));
  const r = rows[0];
  if (!r) return null;
  return { ...r, state: monthState(r.locked, r.status, r.isOpen) };
}

/**
 * Locked months are locked for everyone; a month not yet opened behaves as locked (nothing can
 * be entered for it); otherwise the report's status, with "no report yet" counting as draft.
 */
export function monthState(locked: boolean, status: ReportStatus | null, isOpen = true): ReportState {
  if (locked || !isOpen) return "locked";
  return status ?? "draft";
}

/**
 * Which departments own which kinds of records, read from the derived indicators that count
 * them (e.g. 商务局 owns signings because it owns signed_investment). A department editor may
 * edit a record kind only if their department is listed. Public facts.
 */
export async function getRecordOwners(campaignId: number): Promise<{
  projects: number[];
  problems: Record<string, number[]>;
  signings: number[];
  parks: number[];
}> {
  const { db } = await getDatabase();
  const rows = await db
    .select({ owner: indicators.ownerDepartmentId, derivation: indicators.derivation })
    .from(indicators)
    .where(and(eq(indicators.campaignId, campaignId), inArray(indicators.kind, ["derived", "milestone"])));
  const out = { projects: new Set<number>(), problems: {} as Record<string, Set<number>>, signings: new Set<number>(), parks: new Set<number>() };
  for (const r of rows) {
    if (r.owner == null || !r.derivation) continue;
    const rule = r.derivation.rule;
    if (rule.startsWith("projects_") || rule === "project_investment") out.projects.add(r.owner);
    else if (rule.startsWith("signings_")) out.signings.add(r.owner);
    else if (rule === "parks_in_status") out.parks.add(r.owner);
    else if (rule === "problems_resolved") {
      const type = String(r.derivation.params.type ?? "other");
      (out.problems[type] ??= new Set()).add(r.owner);
    }
  }
  return {
    projects: [...out.projects],
    problems: Object.fromEntries(Object.entries(out.problems).map(([k, v]) => [k, [...v]])),
    signings: [...out.signings],
    parks: [...out.parks],
  };
}
