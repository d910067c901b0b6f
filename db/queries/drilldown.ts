import "server-only";
import { and, eq, sql, type SQL } from "drizzle-orm";
import type { Db } from "../client";
import { getDatabase } from "../index";
import { departments, indicators, units, type ReportStatus } from "../schema";
import type { RollupMode } from "./rollups";

/**
 * The records behind a rollup figure, for the city's drill-down (city → district → records).
 * Every list here is filtered exactly like db/queries/rollups.ts (reportedPoints, derivedPoints):
 * the same date columns, date ranges, flags and, in "official" mode, only records whose
 * district-month is approved; so the rows add up to the number the rollup shows.
 * Callers must have checked `city.read` (records of any district, approved or not).
 */

/** Report status of the record's district-month (null: the district has no report for it). */
type MonthStatus = ReportStatus | null;

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

export interface ProjectRecord {
  id: number;
  code: string;
  name: string;
  sectorName: string | null;
  stage: "preparing" | "under_construction" | "completed" | "suspended";
  isKey: boolean;
  totalInvestment: number;
  annualPlannedInvestment: number;
  actualStartOn: string | null;
  actualCompletionOn: string | null;
  /** The date that makes the project count (start or completion). */
  countedOn: string;
  status: MonthStatus;
}

export interface InvestmentRecord {
  projectId: number;
  code: string;
  name: string;
  month: string;
  investment: number;
  status: MonthStatus;
}

export interface ProblemRecord {
  id: number;
  projectCode: string;
  projectName: string;
  description: string;
  responsibleUnit: string;
  escalationLevel: "district" | "city" | "province";
  openedOn: string;
  resolvedOn: string;
  resolutionNote: string | null;
  status: MonthStatus;
}

export interface SigningRecord {
  id: number;
  name: string;
  investor: string;
  amount: number;
  isOverseas: boolean;
  isCultureTourism: boolean;
  eventName: string | null;
  signedOn: string;
  landedOn: string | null;
  countedOn: string;
  status: MonthStatus;
}

export interface ParkRecord {
  id: number;
  code: string;
  name: string;
  isPilot: boolean;
  parkStatus: "planning" | "construction" | "trial_operation" | "operating";
  plannedTrialOn: string | null;
  trialOperationOn: string;
  areaMu: number | null;
  /** Reached the state before this year: counts from January, whatever the month's approval. */
  carriedOver: boolean;
  status: MonthStatus;
}

export type DerivedRecords =
  | { kind: "projects"; dateField: "start" | "completion"; rows: ProjectRecord[] }
  | { kind: "investment"; rows: InvestmentRecord[] }
  | { kind: "problems"; rows: ProblemRecord[] }
  | { kind: "signings"; measure: "sum" | "count"; dateField: "signed" | "landed"; rows: SigningRecord[] }
  | { kind: "parks"; rows: ParkRecord[] }
  | { kind: "unsupported"; rows: [] };

const num = (v: unknown): number | null => (v == null ? null : Number(v));
const str = (v: unknown): string | null => (v == null ? null : String(v));

/**
 * The join that decides which records count: "official" keeps only records in an official
 * (approved, possibly reopened for correction) district-month (rollups.ts derivedPoints keeps the same (district, month) groups, filtering
 * after grouping); "all" keeps every record and still reports the month's status (a left
 * join, one row at most: periods and reports are unique per month).
 */
function monthJoin(mode: RollupMode, campaignId: number, monthExpr: SQL, districtExpr: SQL): SQL {
  if (mode === "official") {
    return sql` join periods ap on ap.campaign_id = ${campaignId} and ap.month = ${monthExpr}
                join monthly_reports ar on ar.period_id = ap.id and ar.district_id = ${districtExpr} and ar.official = 1`;
  }
  return sql` left join periods ap on ap.campaign_id = ${campaignId} and ap.month = ${monthExpr}
              left join monthly_reports ar on ar.period_id = ap.id and ar.district_id = ${districtExpr}`;
}

async function rowsOf(db: Db, q: SQL): Promise<Record<string, unknown>[]> {
  return (await db.all(q)) as Record<string, unknown>[];
}

/**
 * The records one derived or milestone indicator counts for a district, January through
 * `month` (the same rule and parameters as rollups.ts derivedPoints). Caller: city.read.
 */
export async function listDerivedRecords(
  campaignId: number,
  year: number,
  districtId: number,
  month: string,
  mode: RollupMode,
  derivation: { rule: string; params: Record<string, unknown> },
): Promise<DerivedRecords> {
  const { db } = await getDatabase();
  const { rule, params } = derivation;
  const from = `${year}-01-01`;
  const to = `${month}-31`;
  const keyOnly = params.keyOnly === true ? sql` and p.is_key = 1` : sql``;
  switch (rule) {
    case "projects_started":
    case "projects_completed": {
      const col = rule === "projects_started" ? sql.raw("p.actual_start_on") : sql.raw("p.actual_completion_on");
      const rows = await rowsOf(db, sql`
        select p.id as id, p.code as code, p.name as name, s.name as sector_name, p.stage as stage, p.is_key as is_key,
               p.total_investment as total_investment, p.annual_planned_investment as annual_planned_investment,
               p.actual_start_on as actual_start_on, p.actual_completion_on as actual_completion_on, ${col} as counted_on, ar.status as status
        from projects p left join sectors s on s.id = p.sector_id
        ${monthJoin(mode, campaignId, sql`substr(${col}, 1, 7)`, sql`p.district_id`)}
        where p.campaign_id = ${campaignId} and p.district_id = ${districtId} and ${col} between ${from} and ${to} ${keyOnly}
        order by ${col}, p.code`);
      return {
        kind: "projects",
        dateField: rule === "projects_started" ? "start" : "completion",
        rows: rows.map((r) => ({
          id: Number(r.id),
          code: String(r.code),
          name: String(r.name),
          sectorName: str(r.sector_name),
          stage: String(r.stage) as ProjectRecord["stage"],
          isKey: Number(r.is_key) === 1,
          totalInvestment: Number(r.total_investment),
          annualPlannedInvestment: Number(r.annual_planned_investment),
          actualStartOn: str(r.actual_start_on),
          actualCompletionOn: str(r.actual_completion_on),
          countedOn: String(r.counted_on),
          status: (r.status ?? null) as MonthStatus,
        })),
      };
    }
    case "project_investment": {
      const rows = await rowsOf(db, sql`
        select p.id as project_id, p.code as code, p.name as name, g.month as month,
               ${mode === "official" ? sql`coalesce(g.approved_investment, 0)` : sql`g.investment`} as investment, ar.status as status
        from project_progress g join projects p on p.id = g.project_id
        ${monthJoin(mode, campaignId, sql`g.month`, sql`p.district_id`)}
        where p.campaign_id = ${campaignId} and p.district_id = ${districtId} and g.month between ${`${year}-01`} and ${month} ${keyOnly}
        order by p.code, g.month`);
      return {
        kind: "investment",
        rows: rows.map((r) => ({ projectId: Number(r.project_id), code: String(r.code), name: String(r.name), month: String(r.month), investment: Number(r.investment), status: (r.status ?? null) as MonthStatus })),
      };
    }
    case "problems_resolved": {
      const rows = await rowsOf(db, sql`
        select q.id as id, p.code as project_code, p.name as project_name, q.description as description, q.responsible_unit as responsible_unit,
               q.escalation_level as escalation_level, q.opened_on as opened_on, q.resolved_on as resolved_on, q.resolution_note as resolution_note, ar.status as status
        from problems q join projects p on p.id = q.project_id
        ${monthJoin(mode, campaignId, sql`substr(q.resolved_on, 1, 7)`, sql`q.district_id`)}
        where p.campaign_id = ${campaignId} and q.district_id = ${districtId} and q.status = 'resolved' and q.resolved_on between ${from} and ${to}
          and q.type = ${String(params.type ?? "")}
        order by q.resolved_on, q.id`);
      return {
        kind: "problems",
        rows: rows.map((r) => ({
          id: Number(r.id),
          projectCode: String(r.project_code),
          projectName: String(r.project_name),
          description: String(r.description),
          responsibleUnit: String(r.responsible_unit),
          escalationLevel: String(r.escalation_level) as ProblemRecord["escalationLevel"],
          openedOn: String(r.opened_on),
          resolvedOn: String(r.resolved_on),
          resolutionNote: str(r.resolution_note),
          status: (r.status ?? null) as MonthStatus,
        })),
      };
    }
    case "signings_sum":
    case "signings_count": {
      const landed = params.landedOnly === true;
      const col = landed ? sql.raw("s.landed_on") : sql.raw("s.signed_on");
      const filters = [
        params.overseas === true ? sql` and s.is_overseas = 1` : sql``,
        params.cultureTourism === true ? sql` and s.is_culture_tourism = 1` : sql``,
        typeof params.minAmount === "number" ? sql` and s.amount >= ${params.minAmount}` : sql``,
      ];
      const rows = await rowsOf(db, sql`
        select s.id as id, s.name as name, s.investor as investor, s.amount as amount, s.is_overseas as is_overseas, s.is_culture_tourism as is_culture_tourism,
               e.name as event_name, s.signed_on as signed_on, s.landed_on as landed_on, ${col} as counted_on, ar.status as status
        from signings s left join events e on e.id = s.event_id
        ${monthJoin(mode, campaignId, sql`substr(${col}, 1, 7)`, sql`s.district_id`)}
        where s.campaign_id = ${campaignId} and s.district_id = ${districtId} and ${col} between ${from} and ${to} ${filters[0]} ${filters[1]} ${filters[2]}
        order by ${col}, s.id`);
      return {
        kind: "signings",
        measure: rule === "signings_sum" ? "sum" : "count",
        dateField: landed ? "landed" : "signed",
        rows: rows.map((r) => ({
          id: Number(r.id),
          name: String(r.name),
          investor: String(r.investor),
          amount: Number(r.amount),
          isOverseas: Number(r.is_overseas) === 1,
          isCultureTourism: Number(r.is_culture_tourism) === 1,
          eventName: str(r.event_name),
          signedOn: String(r.signed_on),
          landedOn: str(r.landed_on),
          countedOn: String(r.counted_on),
          status: (r.status ?? null) as MonthStatus,
        })),
      };
    }
    case "parks_in_status": {
      const statuses = Array.isArray(params.statuses) ? params.statuses.map(String) : ["trial_operation", "operating"];
      const pilot = params.pilotOnly === true ? sql` and k.is_pilot = 1` : sql``;
      // As derivedPoints: parks that reached the state before this year count whatever the approval.
      const rows = await rowsOf(db, sql`
        select k.id as id, k.code as code, k.name as name, k.is_pilot as is_pilot, k.status as park_status, k.planned_trial_on as planned_trial_on,
               k.trial_operation_on as trial_operation_on, k.area_mu as area_mu, ar.status as status
        from parks k
        left join periods ap on ap.campaign_id = ${campaignId} and ap.month = substr(k.trial_operation_on, 1, 7)
        left join monthly_reports ar on ar.period_id = ap.id and ar.district_id = k.district_id
        where k.campaign_id = ${campaignId} and k.district_id = ${districtId} and k.trial_operation_on <= ${to}
          and k.status in (${sql.join(statuses.map((s) => sql`${s}`), sql`, `)}) ${pilot}
          ${mode === "all" ? sql`` : sql` and (k.trial_operation_on < ${from} or ar.official = 1)`}
        order by k.trial_operation_on, k.code`);
      return {
        kind: "parks",
        rows: rows.map((r) => ({
          id: Number(r.id),
          code: String(r.code),
          name: String(r.name),
          isPilot: Number(r.is_pilot) === 1,
          parkStatus: String(r.park_status) as ParkRecord["parkStatus"],
          plannedTrialOn: str(r.planned_trial_on),
          trialOperationOn: String(r.trial_operation_on),
          areaMu: num(r.area_mu),
          carriedOver: String(r.trial_operation_on) < from,
          status: (r.status ?? null) as MonthStatus,
        })),
      };
    }
    default:
      return { kind: "unsupported", rows: [] };
  }
}
