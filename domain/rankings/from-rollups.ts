import { expectedShare } from "../pace";
import type { DistrictFigure, RankingIndicator } from "./types";

/**
 * Rollup output (app/_lib/city-data.ts getCampaignRollups) → ranking input, for month 1..12.
 * Structural types, so this module stays free of server code.
 */
export function rankingIndicatorsFromRollups(
  indicators: readonly {
    code: string;
    name: string;
    aggregation: "sum" | "ratio" | "count";
    kind: "reported" | "derived" | "milestone";
    unitScale: number;
    isHeadline: boolean;
    cityTarget: { monthlyPlan: number[] | null } | null;
    rollup: { districts: ReadonlyMap<number, { actual: number | null; target: number | null }> };
  }[],
  month: number,
): RankingIndicator[] {
  return indicators.map((i) => {
    const figures = new Map<number, DistrictFigure>();
    for (const [id, v] of i.rollup.districts) {
      // Counted from records (derived, milestone): no records means none happened, i.e. 0.
      const actual = v.actual ?? (i.kind !== "reported" && i.aggregation !== "ratio" ? 0 : null);
      figures.set(id, { actual, target: v.target });
    }
    return {
      code: i.code,
      name: i.name,
      aggregation: i.aggregation,
      unitScale: i.unitScale,
      isHeadline: i.isHeadline,
      expected: expectedShare(month, i.cityTarget?.monthlyPlan),
      figures,
    };
  });
}
