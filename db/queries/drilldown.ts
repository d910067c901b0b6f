import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDatabase } from "../index";
import { departments, indicators, units, type ReportStatus } from "../schema";
import { ruleQuery, type DerivedRecords, type MonthStatus, type RollupMode } from "./derivations";
import { num } from "./derivations/shared";

export type { DerivedRecords, InvestmentRecord, ParkRecord, ProblemRecord, ProjectRecord, SigningRecord } from "./derivations";

/**
 * The records behind a rollup figure, for the city's drill-down (city → district → records).
 * Every list here is filtered exactly like db/queries/rollups.ts (reportedPoints, derivedPoints):
 * the same date columns, date ranges, flags and, in "official" mode, only records whose
 * district-month is approved; so the rows add up to the number the rollup shows.
 * Callers must have checked `city.read` (records of any district, approved or not).
 */

export interface IndicatorDetails {
  id: number;
  code: string;
  description: string;
  unitCode: string;
  accumulation: "flow" | "stock";
  ownerDepartmentName: string | null;
  partUnit: { code: string; symbol: string; scale: number } | null;
}

/** Definition facts of one indicator not carried by the rollup: description, part unit. Caller: city.read. */
export async function getIndicatorDetails(campaignId: number, code: string): Promise<IndicatorDetails | null> {
  const { db } = await getDatabase();
  const rows = await db
    .select({
      id: indicators.id,
      code: indicators.code,
      description: indicators.description,
      unitCode: indicators.unitCode,
      accumulation: indicators.accumulation,
      partUnitCode: indicators.partUnitCode,
      ownerDepartmentName: departments.name,
    })
    .from(indicators)
    .leftJoin(departments, eq(departments.id, indicators.ownerDepartmentId))
    .where(and(eq(indicators.campaignId, campaignId), eq(indicators.code, code)))
    .limit(1);
  const r = rows[0];
  if (!r) return null;
  const part = r.partUnitCode
    ? ((await db.select({ code: units.code, symbol: units.symbol, scale: units.scale }).from(units).where(eq(units.code, r.partUnitCode)))[0] ?? null)
    : null;
  return { id: r.id, code: r.code, description: r.description, unitCode: r.unitCode, accumulation: r.accumulation, ownerDepartmentName: r.ownerDepartmentName, partUnit: part };
}

/** How many reporting districts have a report for `month`, and how many of them are approved. Caller: city.read. */
export async function countMonthReports(campaignId: number, month: string): Promise<{ approved: number; reported: number; total: number }> {
  const { db } = await getDatabase();
  const rows = (await db.all(sql`
    select
      (select count(*) from monthly_reports r join periods p on p.id = r.period_id join districts d on d.id = r.district_id
        where p.campaign_id = ${campaignId} and p.month = ${month} and r.official = 1 and d.active = 1 and d.reports = 1) as approved,
      (select count(*) from monthly_reports r join periods p on p.id = r.period_id join districts d on d.id = r.district_id
        where p.campaign_id = ${campaignId} and p.month = ${month} and d.active = 1 and d.reports = 1) as reported,
      (select count(*) from districts d where d.active = 1 and d.reports = 1) as total`)) as Record<string, unknown>[];
  const r = rows[0] ?? {};
  return { approved: Number(r.approved ?? 0), reported: Number(r.reported ?? 0), total: Number(r.total ?? 0) };
}

export interface DistrictMonthStatusRow {
  month: string;
  status: MonthStatus;
  locked: boolean;
}

/** One district's report status for each month of the year through `month`. Caller: city.read. */
export async function listDistrictMonthStatuses(campaignId: number, districtId: number, month: string): Promise<DistrictMonthStatusRow[]> {
  const { db } = await getDatabase();
  const rows = (await db.all(sql`
    select p.month as month, r.status as status, p.locked as locked from periods p
    left join monthly_reports r on r.period_id = p.id and r.district_id = ${districtId}
    where p.campaign_id = ${campaignId} and p.month between ${`${month.slice(0, 4)}-01`} and ${month}
    order by p.month`)) as Record<string, unknown>[];
  return rows.map((r) => ({ month: String(r.month), status: (r.status ?? null) as MonthStatus, locked: Number(r.locked) === 1 }));
}

export interface ReportValueRow {
  month: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  note: string | null;
  status: ReportStatus;
  locked: boolean;
}

/**
 * A district's typed values of one reported indicator, January through `month` (as
 * reportedPoints: "official" keeps approved reports only). Caller: city.read.
 */
export async function listReportValues(campaignId: number, districtId: number, indicatorId: number, month: string, mode: RollupMode): Promise<ReportValueRow[]> {
  const { db } = await getDatabase();
  const rows = (await db.all(sql`
    select p.month as month, ${mode === "official" ? sql`f.approved_value as value, f.approved_numerator as numerator, f.approved_denominator as denominator` : sql`f.value as value, f.numerator as numerator, f.denominator as denominator`},
      f.note as note, r.status as status, p.locked as locked
    from figure_values f join monthly_reports r on r.id = f.report_id join periods p on p.id = r.period_id
    where p.campaign_id = ${campaignId} and p.month <= ${month}
      and r.district_id = ${districtId} and f.indicator_id = ${indicatorId}
      ${mode === "official" ? sql` and r.official = 1` : sql``}
    order by p.month`)) as Record<string, unknown>[];
  return rows.map((r) => ({
    month: String(r.month),
    value: num(r.value),
    numerator: num(r.numerator),
    denominator: num(r.denominator),
    note: r.note == null ? null : String(r.note),
    status: String(r.status) as ReportStatus,
    locked: Number(r.locked) === 1,
  }));
}

/**
 * The records one derived or milestone indicator counts for a district, January through
 * `month`: the rule's module in ./derivations defines which records count once, for these lists
 * and for the rollup's points. Caller: city.read.
 */
export async function listDerivedRecords(
  campaignId: number,
  year: number,
  districtId: number,
  month: string,
  mode: RollupMode,
  derivation: { rule: string; params: Record<string, unknown> },
): Promise<DerivedRecords> {
  const query = ruleQuery(derivation.rule);
  if (!query) return { kind: "unsupported", rows: [] };
  const { db } = await getDatabase();
  return query.records(db, { campaignId, year, month, rule: derivation.rule, params: derivation.params }, districtId, mode);
}
