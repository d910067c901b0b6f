import "server-only";
import { pace, rateStatus, type PaceResult } from "@/domain/pace";
import type { AreaValue } from "@/domain/rollup";
import type { PublicArea, PublicIndicator } from "./public-data";

/* How one area (the city or a district) of a public indicator is published: the series through its latest official month, judged against that month's plan. Used by ./public-data.ts. */

function paceOf(aggregation: PublicIndicator["aggregation"], unitScale: number, actual: number | null, target: number | null, month: number, plan: readonly number[] | null | undefined, warnBp: number): PaceResult {
  if (aggregation === "ratio") return rateStatus(actual, target != null ? target / unitScale / 100 : null, warnBp);
  return pace(actual, target, month, plan, warnBp);
}

/**
 * An area's published figure: runs to its latest official month and is judged against the plan
 * of that month (a district whose October is not yet approved is not measured against October).
 * Counts from records (derived, milestone) are 0, not missing, in an official month without records;
 * a reported figure left blank stays missing. `corrected`: correctedThrough() of the area.
 */
export function publicArea(
  ind: { kind: PublicIndicator["kind"]; aggregation: PublicIndicator["aggregation"]; unitScale: number; plan: readonly number[] | null | undefined },
  raw: AreaValue,
  approved: boolean[],
  corrected: (string | null)[],
  warnBp: number,
): PublicArea {
  const m = approved.length;
  let last = 0;
  approved.forEach((a, i) => {
    if (a) last = i + 1;
  });
  const fillZero = ind.kind !== "reported" && ind.aggregation !== "ratio";
  const series: (number | null)[] = [];
  for (let i = 0; i < m; i++) {
    if (i + 1 > last) {
      series.push(null);
      continue;
    }
    const v = raw.series[i] ?? null;
    if (ind.aggregation === "ratio") series.push(approved[i] ? v : null);
    else series.push(v == null && fillZero ? (i === 0 ? 0 : (series[i - 1] ?? 0)) : v);
  }
  const monthly = series.map((v, i) => {
    if (!approved[i] || v == null) return null;
    if (ind.aggregation === "ratio") return v;
    const prev = i === 0 ? 0 : (series[i - 1] ?? 0);
    return v - prev;
  });
  const actual = last > 0 ? (series[last - 1] ?? null) : null;
  const atEnd = last === m;
  return {
    actual,
    numerator: atEnd ? raw.numerator : null,
    denominator: atEnd ? raw.denominator : null,
    target: raw.target,
    pace: paceOf(ind.aggregation, ind.unitScale, actual, raw.target, Math.max(last, 1), ind.plan, warnBp),
    month: last,
    series,
    monthly,
    approved,
    correctedAt: corrected.map((at, i) => (i + 1 <= last ? at : null)),
  };
}
