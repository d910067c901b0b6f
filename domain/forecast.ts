/**
 * Year-end forecast (年末预测) of an indicator with a target, for the city or one district. Pure and
 * unit-tested (tests/unit/forecast.test.ts); the words are in domain/forecast-text.ts.
 *
 * The method, as the pages state it (FORECAST_METHOD in forecast-text.ts):
 * - Only cumulative flows are forecast: sum and count indicators whose monthly figures add up.
 *   Ratios (入园率) are judged against their target level, stocks are the latest month's level, and
 *   milestones (pilot parks reaching trial operation) move item by item: "不适用", nothing invented.
 * - The expected cumulative share of the year by month m is the target's monthly plan (m/12 when
 *   it has none). Where last year's twelve monthly values all exist (and add up to more than 0),
 *   it is the average of the plan and last year's cumulative share by that month.
 * - The forecast runs through the latest month with data (`asOf`). A month with no data before it
 *   counts neither in the actual nor in the expected share: it does not drag the pace down, and it
 *   is not filled in either. projected = actual + actual ÷ covered share × share still to come.
 * - Required run-rate = (target − actual) ÷ months after `asOf`; compared with the best month
 *   achieved this year (months with data only).
 */
import { expectedShare } from "./pace";

export type ForecastKind = "reported" | "derived" | "milestone";

export interface ForecastInput {
  aggregation: "sum" | "ratio" | "count";
  accumulation: "flow" | "stock";
  kind: ForecastKind;
  /** Annual target in base units; null or ≤ 0: no target, no forecast. */
  target: number | null;
  /** The target's cumulative monthly plan in basis points (twelve values ending at 10000), or null for linear. */
  plan: readonly number[] | null | undefined;
  /** This year's value of each month from January (index 0), in base units; null = no data. */
  months: readonly (number | null)[];
  /** Last year's twelve monthly values (null = no data), when last year is in the database. */
  lastYear?: readonly (number | null)[] | null;
}

export type NotApplicableReason = "ratio" | "stock" | "milestone";

export interface BestMonth {
  /** 1..12 */
  month: number;
  value: number;
}

interface Base {
  target: number;
  /** Actual through `asOf` (months with data only). */
  actual: number;
  /** The latest month with data, 1..12. */
  asOf: number;
  /** The best month this year through `asOf`, months with data only. */
  best: BestMonth | null;
}

export type Forecast =
  | { status: "no_target" }
  | { status: "not_applicable"; reason: NotApplicableReason }
  | { status: "no_data"; target: number }
  /** The target is already met: nothing is needed any more. */
  | (Base & { status: "reached" })
  /** December has data: the year's actual, no forecast. */
  | (Base & { status: "year_end" })
  | (Base & {
      status: "projected";
      /** Projected year-end value; null when the expected share so far is 0 (nothing to scale). */
      projected: number | null;
      /** Whether last year's monthly shape was blended into the expected shares. */
      usedLastYear: boolean;
      /** Months still to come after `asOf`. */
      remainingMonths: number;
      /** (target − actual) ÷ remainingMonths, in base units per month. */
      required: number;
      /** The required run-rate exceeds every month achieved this year (exact comparison). */
      exceedsBest: boolean;
      /** Months before `asOf` without data (1..12). */
      gaps: number[];
    });

/** Last year's cumulative share by month (twelve values, the last 1), or null when a month is missing or the year is ≤ 0. */
export function lastYearShape(lastYear: readonly (number | null)[] | null | undefined): number[] | null {
  if (!lastYear || lastYear.length !== 12 || lastYear.some((v) => v == null)) return null;
  const total = lastYear.reduce<number>((s, v) => s + v!, 0);
  if (!(total > 0)) return null;
  let run = 0;
  return lastYear.map((v) => {
    run += v!;
    return run / total;
  });
}

/** The expected cumulative share by month m (1..12): the plan, averaged with last year's shape when given. */
export function blendedShare(month: number, plan: readonly number[] | null | undefined, shape: readonly number[] | null): number {
  if (month < 1) return 0;
  const p = expectedShare(month, plan);
  return shape ? (p + shape[Math.min(month, 12) - 1]!) / 2 : p;
}

export function forecastApplicability(input: Pick<ForecastInput, "aggregation" | "accumulation" | "kind">): NotApplicableReason | null {
  if (input.aggregation === "ratio") return "ratio";
  if (input.accumulation === "stock") return "stock";
  if (input.kind === "milestone") return "milestone";
  return null;
}

export function forecast(input: ForecastInput): Forecast {
  const target = input.target;
  if (target == null || target <= 0) return { status: "no_target" };
  const na = forecastApplicability(input);
  if (na) return { status: "not_applicable", reason: na };

  const months = input.months.slice(0, 12);
  let asOf = 0;
  months.forEach((v, i) => {
    if (v != null) asOf = i + 1;
  });
  if (asOf === 0) return { status: "no_data", target };

  let actual = 0;
  let best: BestMonth | null = null;
  const gaps: number[] = [];
  for (let m = 1; m <= asOf; m++) {
    const v = months[m - 1];
    if (v == null) {
      gaps.push(m);
      continue;
    }
    actual += v;
    if (!best || v > best.value) best = { month: m, value: v };
  }
  const base: Base = { target, actual, asOf, best };
  if (actual >= target) return { ...base, status: "reached" };
  if (asOf === 12) return { ...base, status: "year_end" };

  const shape = lastYearShape(input.lastYear);
  const share = (m: number) => blendedShare(m, input.plan, shape);
  let covered = 0;
  for (let m = 1; m <= asOf; m++) if (months[m - 1] != null) covered += share(m) - share(m - 1);
  const toCome = 1 - share(asOf);
  // Shares are sums of basis points and fractions: a tiny float remainder is still "nothing expected yet".
  const projected = covered > 1e-9 ? actual + (actual / covered) * toCome : null;
  const remainingMonths = 12 - asOf;
  const required = (target - actual) / remainingMonths;
  const exceedsBest = best != null && required > best.value;
  return { ...base, status: "projected", projected, usedLastYear: shape != null, remainingMonths, required, exceedsBest, gaps };
}
