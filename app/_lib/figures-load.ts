import "server-only";
import type { EntryContext } from "@/domain/figure-entry";
import { addMonths } from "@/domain/months";
import { listDistrictFigureHistory, listDistrictFigures, listReportedIndicators, type FigureCell, type FigureHistoryCell, type ReportedIndicator } from "@/db/queries/figures";

export interface FigureRow {
  indicator: ReportedIndicator;
  current: FigureCell | null;
  lastMonth: FigureCell | null;
  context: EntryContext;
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
  const byIndicator = <T extends { indicatorId: number }>(list: T[]) => {
    const map = new Map<number, T[]>();
    for (const c of list) map.set(c.indicatorId, [...(map.get(c.indicatorId) ?? []), c]);
    return map;
  };
  const cellsOf = byIndicator(cells);
  const historyOf = byIndicator(earlier);
  return indicators.map((indicator) => {
    const mine = cellsOf.get(indicator.id) ?? [];
    const before = historyOf.get(indicator.id) ?? [];
    const current = mine.find((c) => c.month === month) ?? null;
    const lastMonth = mine.find((c) => c.month === previous) ?? null;
    const rate = (c: FigureHistoryCell | null) => (c && c.numerator != null && c.denominator ? c.numerator / c.denominator : null);
    return {
      indicator,
      current,
      lastMonth,
      context: {
        previousYtd: before.reduce((s, c) => s + (c.value ?? 0), 0),
        history: indicator.aggregation === "ratio" ? before.map(rate).filter((x): x is number => x != null) : before.map((c) => c.value).filter((x): x is number => x != null),
        lastRate: rate(lastMonth),
        lastNumerator: lastMonth?.numerator ?? null,
        lastDenominator: lastMonth?.denominator ?? null,
      },
    };
  });
}
