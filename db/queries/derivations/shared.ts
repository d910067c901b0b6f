import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { ReportStatus } from "../../schema";
import type { Db } from "../../client";

/**
 * What every derivation rule module shares. A rule module (one file per rule in this folder)
 * says once which records count — their table, date column and filters — and builds from that
 * one definition both the rollup points (grouped per district and month) and the drill-down
 * records (the rows behind one district's number), so the two always add up to each other.
 */

/** "official" counts only what sits in an approved district-month; "all" includes drafts and submissions. */
export type RollupMode = "official" | "all";

/** Report status of the record's district-month (null: the district has no report for it). */
export type MonthStatus = ReportStatus | null;

export interface RuleScope {
  campaignId: number;
  /** The campaign's year: records count from 1 January. */
  year: number;
  /** Through this month (YYYY-MM). */
  month: string;
  rule: string;
  params: Record<string, unknown>;
}

/** One grouped point: a district's count or amount in one month number (1–12). */
export type PointRow = { districtId: number; m: number; value: number | null };

export interface RuleQuery<R> {
  /**
   * Points per (district, month number). `valueMode` chooses published copies or what is
   * entered now for amounts. When `filtersOwnApproval` is false the caller keeps only the
   * official (district, month) groups afterwards: grouping first keeps the cost independent of
   * the size of the history (measured by npm run bench).
   */
  points(db: Db, scope: RuleScope, mode: RollupMode, valueMode: RollupMode): Promise<PointRow[]>;
  filtersOwnApproval: boolean;
  /** The records one district's number counts, January through the month, with each record's month status. */
  records(db: Db, scope: RuleScope, districtId: number, mode: RollupMode): Promise<R>;
}

export const fromDate = (s: RuleScope): string => `${s.year}-01-01`;
export const toDate = (s: RuleScope): string => `${s.month}-31`;

/**
 * The join that decides which records count in a drill-down: "official" keeps only records in an
 * official (approved, possibly reopened for correction) district-month; "all" keeps every record
 * and still reports the month's status (a left join, one row at most: periods and reports are
 * unique per month).
 */
export function monthJoin(mode: RollupMode, campaignId: number, monthExpr: SQL, districtExpr: SQL): SQL {
  if (mode === "official") {
    return sql` join periods ap on ap.campaign_id = ${campaignId} and ap.month = ${monthExpr}
                join monthly_reports ar on ar.period_id = ap.id and ar.district_id = ${districtExpr} and ar.official = 1`;
  }
  return sql` left join periods ap on ap.campaign_id = ${campaignId} and ap.month = ${monthExpr}
              left join monthly_reports ar on ar.period_id = ap.id and ar.district_id = ${districtExpr}`;
}

/** The inner join to official district-months ("all": none), for grouped totals. */
export function approvedJoin(mode: RollupMode, campaignId: number, monthExpr: SQL, districtExpr: SQL): SQL {
  return mode === "all" ? sql`` : monthJoin("official", campaignId, monthExpr, districtExpr);
}

/** Official project investment is the published copy (approved_investment); "all" is what is entered now. */
export function investmentColumn(mode: RollupMode): SQL {
  return mode === "official" ? sql.raw("t.approved_investment") : sql.raw("t.investment");
}

export async function rowsOf(db: Db, q: SQL): Promise<Record<string, unknown>[]> {
  return (await db.all(q)) as Record<string, unknown>[];
}

export async function pointsOf(db: Db, q: SQL): Promise<PointRow[]> {
  return (await rowsOf(db, q)).map((r) => ({ districtId: Number(r.district_id), m: Number(r.m), value: r.value == null ? null : Number(r.value) }));
}

export const num = (v: unknown): number | null => (v == null ? null : Number(v));
export const str = (v: unknown): string | null => (v == null ? null : String(v));
export const statusOf = (v: unknown): MonthStatus => (v ?? null) as MonthStatus;
/** The month number (1–12) of a date or month column. */
export const monthNumber = (col: SQL): SQL => sql`cast(substr(${col}, 6, 2) as integer)`;
