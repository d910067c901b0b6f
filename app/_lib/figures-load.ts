import "server-only";
import type { EntryContext } from "@/domain/figure-entry";
import { addMonths } from "@/domain/months";
import { listDistrictFigureHistory, listDistrictFigures, listReportedIndicators, type FigureCell, type FigureHistoryCell, type ReportedIndicator } from "@/db/queries/figures";

/** Last month's cell as a save's checks read it (the plausibility rules, 同上月, the copied-form check). */
export type LastMonthCell = Pick<FigureCell, "month" | "value" | "numerator" | "denominator" | "noData">;

/** One indicator of a district-month as a save checks it: the definition, last month, the history. */
export interface EntryRow {
  indicator: ReportedIndicator;
  lastMonth: LastMonthCell | null;
  context: EntryContext;
}

/** The same for the form's page: this month's and last month's cells in full. */
export interface FigureRow extends EntryRow {
  current: FigureCell | null;
  lastMonth: FigureCell | null;
}

/**
 * Everything the figures form needs for one district-month: each reported indicator with this
 * month's cell, last month's, and the district's own history (for the cumulative derivation
 * and the plausibility rules). Caller must have checked `report.read` for the district.
 */
export async function loadFigureRows(campaignId: number, districtId: number, month: string, ownerDepartmentId?: number): Promise<FigureRow[]> {
  const previous = addMonths(month, -1);
  // Whole cells for this month and last; the earlier months only as the history needs them.
  const [indicators, cells, earlier] = await Promise.all([
    listReportedIndicators(campaignId, ownerDepartmentId),
    listDistrictFigures(campaignId, districtId, month, ownerDepartmentId, previous),
    listDistrictFigureHistory(campaignId, districtId, month, ownerDepartmentId),
  ]);
  const cellsOf = byIndicator(cells);
  return entryRows(indicators, earlier, previous).map((row) => {
    const mine = cellsOf.get(row.indicator.id) ?? [];
    return { ...row, current: mine.find((c) => c.month === month) ?? null, lastMonth: mine.find((c) => c.month === previous) ?? null };
  });
}

/**
 * What a save checks the posted form against, for one district-month: the same indicators,
 * history and last month as loadFigureRows, without this month's stored cells (the save's own
 * transaction reads those) and with last month only as the checks read it — two queries, not
 * three, and no whole cells through the database client (issue #17). Same caller's check.
 */
export async function loadEntryRows(campaignId: number, districtId: number, month: string, ownerDepartmentId?: number): Promise<EntryRow[]> {
  const [indicators, earlier] = await Promise.all([listReportedIndicators(campaignId, ownerDepartmentId), listDistrictFigureHistory(campaignId, districtId, month, ownerDepartmentId)]);
  return entryRows(indicators, earlier, addMonths(month, -1));
}

function byIndicator<T extends { indicatorId: number }>(list: readonly T[]): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const c of list) {
    const mine = map.get(c.indicatorId);
    if (mine) mine.push(c);
    else map.set(c.indicatorId, [c]);
  }
  return map;
}

function entryRows(indicators: readonly ReportedIndicator[], earlier: readonly FigureHistoryCell[], previous: string): EntryRow[] {
  const historyOf = byIndicator(earlier);
  return indicators.map((indicator) => {
    const before = historyOf.get(indicator.id) ?? [];
    const last = before.at(-1)?.month === previous ? before.at(-1)! : null;
    const rate = (c: Pick<FigureHistoryCell, "numerator" | "denominator"> | null) => (c && c.numerator != null && c.denominator ? c.numerator / c.denominator : null);
    return {
      indicator,
      lastMonth: last && { month: last.month, value: last.value, numerator: last.numerator, denominator: last.denominator, noData: last.noData },
      context: {
        previousYtd: before.reduce((s, c) => s + (c.value ?? 0), 0),
        history: indicator.aggregation === "ratio" ? before.map(rate).filter((x): x is number => x != null) : before.map((c) => c.value).filter((x): x is number => x != null),
        lastRate: rate(last),
        lastNumerator: last?.numerator ?? null,
        lastDenominator: last?.denominator ?? null,
      },
    };
  });
}
