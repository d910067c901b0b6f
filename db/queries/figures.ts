import "server-only";
import { and, asc, eq, gte, lt, lte, sql, type SQL } from "drizzle-orm";
import { getDatabase } from "../index";
import { keptDefinition } from "../definitions";
import { actions, districts, figureValues, indicators, monthlyReports, periods, units, users } from "../schema";

export interface ReportedIndicator {
  id: number;
  code: string;
  name: string;
  aggregation: "sum" | "ratio" | "count";
  accumulation: "flow" | "stock";
  numeratorLabel: string | null;
  denominatorLabel: string | null;
  decimals: number;
  ownerDepartmentId: number | null;
  /** The special action the indicator belongs to: the figures form's section. */
  section: { code: string; name: string };
  unit: { code: string; symbol: string; scale: number };
  partUnit: { code: string; symbol: string; scale: number } | null;
}

/**
 * The indicators a district types in (kind "reported"), optionally only those a department
 * owns. Definitions only: public facts.
 */
export function listReportedIndicators(campaignId: number, ownerDepartmentId?: number): Promise<readonly ReportedIndicator[]> {
  return keptDefinition(`reported-indicators:${campaignId}:${ownerDepartmentId ?? "all"}`, () => loadReportedIndicators(campaignId, ownerDepartmentId));
}

async function loadReportedIndicators(campaignId: number, ownerDepartmentId?: number): Promise<ReportedIndicator[]> {
  const { db } = await getDatabase();
  const [rows, unitRows] = await Promise.all([
    db
      .select({
        id: indicators.id,
        code: indicators.code,
        name: indicators.name,
        aggregation: indicators.aggregation,
        accumulation: indicators.accumulation,
        numeratorLabel: indicators.numeratorLabel,
        denominatorLabel: indicators.denominatorLabel,
        decimals: indicators.decimals,
        ownerDepartmentId: indicators.ownerDepartmentId,
        partUnitCode: indicators.partUnitCode,
        actionCode: actions.code,
        actionName: actions.name,
        unitCode: units.code,
        unitSymbol: units.symbol,
        unitScale: units.scale,
      })
      .from(indicators)
      .innerJoin(units, eq(units.code, indicators.unitCode))
      .innerJoin(actions, eq(actions.id, indicators.actionId))
      .where(
        and(
          eq(indicators.campaignId, campaignId),
          eq(indicators.kind, "reported"),
          ownerDepartmentId === undefined ? undefined : eq(indicators.ownerDepartmentId, ownerDepartmentId),
        ),
      )
      .orderBy(asc(indicators.sortOrder), asc(indicators.id)),
    db.select({ code: units.code, symbol: units.symbol, scale: units.scale }).from(units),
  ]);
  const unitOf = new Map(unitRows.map((u) => [u.code, u]));
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    aggregation: r.aggregation,
    accumulation: r.accumulation,
    numeratorLabel: r.numeratorLabel,
    denominatorLabel: r.denominatorLabel,
    decimals: r.decimals,
    ownerDepartmentId: r.ownerDepartmentId,
    section: { code: r.actionCode, name: r.actionName },
    unit: { code: r.unitCode, symbol: r.unitSymbol, scale: r.unitScale },
    partUnit: r.partUnitCode ? (unitOf.get(r.partUnitCode) ?? null) : null,
  }));
}

export interface FigureCell {
  indicatorId: number;
  month: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  approvedValue: number | null;
  approvedNumerator: number | null;
  approvedDenominator: number | null;
  note: string | null;
  /** "本月无数据" stated (value null; the note is the reason). */
  noData: boolean;
  version: number;
  updatedAt: string;
  updatedByName: string | null;
  status: "draft" | "submitted" | "approved" | "returned";
}

/**
 * One district's cells up to `month` (from `fromMonth` when given), oldest first, for the reported
 * indicators of the campaign (those a department owns when `ownerDepartmentId` is given) — the same
 * indicators listReportedIndicators returns, so both can be read at once — whatever their approval
 * state. Caller must have checked `report.read` for this district.
 */
export async function listDistrictFigures(campaignId: number, districtId: number, month: string, ownerDepartmentId?: number, fromMonth?: string): Promise<FigureCell[]> {
  const { db } = await getDatabase();
  return db
    .select({
      indicatorId: figureValues.indicatorId,
      month: periods.month,
      value: figureValues.value,
      numerator: figureValues.numerator,
      denominator: figureValues.denominator,
      approvedValue: figureValues.approvedValue,
      approvedNumerator: figureValues.approvedNumerator,
      approvedDenominator: figureValues.approvedDenominator,
      note: figureValues.note,
      noData: figureValues.noData,
      version: figureValues.version,
      updatedAt: figureValues.updatedAt,
      updatedByName: users.displayName,
      status: monthlyReports.status,
    })
    .from(figureValues)
    .innerJoin(monthlyReports, eq(monthlyReports.id, figureValues.reportId))
    .innerJoin(periods, eq(periods.id, monthlyReports.periodId))
    .innerJoin(indicators, eq(indicators.id, figureValues.indicatorId))
    .leftJoin(users, eq(users.id, figureValues.updatedBy))
    .where(districtCells(campaignId, districtId, ownerDepartmentId, lte(periods.month, month), fromMonth === undefined ? undefined : gte(periods.month, fromMonth)))
    .orderBy(asc(periods.month));
}

/** The filter both readers of a district's cells share (the tables joined as they join them). */
function districtCells(campaignId: number, districtId: number, ownerDepartmentId: number | undefined, ...months: (SQL | undefined)[]) {
  return and(
    eq(periods.campaignId, campaignId),
    eq(monthlyReports.districtId, districtId),
    eq(indicators.campaignId, campaignId),
    eq(indicators.kind, "reported"),
    ownerDepartmentId === undefined ? undefined : eq(indicators.ownerDepartmentId, ownerDepartmentId),
    ...months,
  );
}

/** A month's figures as the plausibility rules, the cumulative derivation and 同上月 read them. */
export type FigureHistoryCell = Pick<FigureCell, "indicatorId" | "month" | "value" | "numerator" | "denominator" | "noData">;

/**
 * The same district's figures before `month`, oldest first, with only what the history needs.
 * A save reads the whole year of them, and each row and column the database client hands over
 * costs time (about 1 µs a value, issue #17): the months of one indicator come as one text
 * (`month value numerator denominator no_data`, comma-separated, sorted here), 49 rows instead
 * of 441 on a 13-district, 49-indicator October. `quote()` writes a real with the 17 digits that
 * read back to the same double. Same indicators and caller's check as listDistrictFigures.
 */
export async function listDistrictFigureHistory(campaignId: number, districtId: number, month: string, ownerDepartmentId?: number): Promise<FigureHistoryCell[]> {
  const { db } = await getDatabase();
  const rows = await db
    .select({
      indicatorId: figureValues.indicatorId,
      // No ORDER BY inside the aggregate: sqld (the libSQL server) refuses it when it parses the
      // statement, though SQLite runs it. Each cell names its month; the cells are sorted below.
      months: sql<string>`group_concat(${periods.month} || ' ' || quote(${figureValues.value}) || ' ' || quote(${figureValues.numerator}) || ' ' || quote(${figureValues.denominator}) || ' ' || ${figureValues.noData}, ',')`,
    })
    .from(figureValues)
    .innerJoin(monthlyReports, eq(monthlyReports.id, figureValues.reportId))
    .innerJoin(periods, eq(periods.id, monthlyReports.periodId))
    .innerJoin(indicators, eq(indicators.id, figureValues.indicatorId))
    .where(districtCells(campaignId, districtId, ownerDepartmentId, lt(periods.month, month)))
    .groupBy(figureValues.indicatorId);
  const out: FigureHistoryCell[] = [];
  for (const r of rows) {
    for (const cell of String(r.months).split(",")) {
      const [m, value, numerator, denominator, noData] = cell.split(" ") as [string, string, string, string, string];
      out.push({ indicatorId: r.indicatorId, month: m, value: quoted(value), numerator: quoted(numerator), denominator: quoted(denominator), noData: noData === "1" });
    }
  }
  // Oldest first (a stable sort: each indicator's months in order too), as the rows came before.
  return out.sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
}

/** A number as SQLite's quote() wrote it: NULL, an integer, or a real with 17 significant digits. */
function quoted(text: string): number | null {
  if (text === "NULL") return null;
  const n = Number(text);
  if (!Number.isFinite(n)) throw new Error(`a stored figure is not a number: ${text.slice(0, 40)}`);
  return n;
}

/** The districts that report, in the city's order. Kept per definitions version (db/definitions.ts). */
export function listReportingDistricts(): Promise<readonly ReportingDistrict[]> {
  return keptDefinition("reporting-districts", loadReportingDistricts);
}

export type ReportingDistrict = Awaited<ReturnType<typeof loadReportingDistricts>>[number];

async function loadReportingDistricts() {
  const { db } = await getDatabase();
  return db
    .select({ id: districts.id, code: districts.code, name: districts.name, kind: districts.kind })
    .from(districts)
    .where(and(eq(districts.active, true), eq(districts.reports, true)))
    .orderBy(asc(districts.sortOrder), asc(districts.id));
}
