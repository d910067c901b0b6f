import "server-only";
import type { EntryContext } from "@/domain/figure-entry";
import { addMonths } from "@/domain/months";
import { listDistrictFigures, listReportedIndicators, type FigureCell, type ReportedIndicator } from "@/db/queries/figures";

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
  const [indicators, cells] = await Promise.all([listReportedIndicators(campaignId, ownerDepartmentId), listDistrictFigures(campaignId, districtId, month, ownerDepartmentId)]);
  const previous = addMonths(month, -1);
  return indicators.map((indicator) => {
    const mine = cells.filter((c) => c.indicatorId === indicator.id);
    const before = mine.filter((c) => c.month < month);
    const current = mine.find((c) => c.month === month) ?? null;
    const lastMonth = mine.find((c) => c.month === previous) ?? null;
    const rate = (c: FigureCell | null) => (c && c.numerator != null && c.denominator ? c.numerator / c.denominator : null);
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
