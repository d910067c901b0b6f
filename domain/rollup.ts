/**
 * Rollups: district and city values of every indicator, computed from the month-by-month data
 * (never typed in). Counts and amounts add up over districts and months; a ratio is
 * Σ numerators ÷ Σ denominators, never an average of district ratios. Pure and unit-tested; the
 * data comes from db/queries/rollups.ts.
 */
import { growth, pace, rateStatus, type PaceResult } from "./pace";

export interface Point {
  districtId: number;
  /** 1..12 */
  month: number;
  value?: number | null;
  numerator?: number | null;
  denominator?: number | null;
}

export interface CityTarget {
  targetValue: number | null;
  baselineValue: number | null;
  growthTargetBp: number | null;
  multipleTargetPct: number | null;
  monthlyPlan: number[] | null;
}

export interface RollupIndicator {
  id: number;
  code: string;
  aggregation: "sum" | "ratio" | "count";
  /** Unit scale (stored integer per display unit): a ratio's target is in its unit (% → 100). */
  unitScale: number;
  cityTarget: CityTarget | null;
  districtTargets: ReadonlyMap<number, number | null>;
  points: readonly Point[];
  /** The same indicator's data for last year, when that year is in the database. */
  lastYearPoints?: readonly Point[] | null;
  /** Counted from records (derived, milestone): no record means 0, not "no data". */
  fromRecords?: boolean;
}

export interface AreaValue {
  /** Year-to-date amount or count (base units); for ratios the rate as a fraction. */
  actual: number | null;
  numerator: number | null;
  denominator: number | null;
  target: number | null;
  pace: PaceResult;
  /** Cumulative actual by month 1..M (ratios: the rate each month). */
  series: (number | null)[];
}

export interface IndicatorRollup {
  code: string;
  city: AreaValue & { growth: number | null; multiple: number | null; districtsReporting: number };
  districts: Map<number, AreaValue>;
}

function flowSeries(points: readonly Point[], month: number, zeroFill = false): (number | null)[] {
  const byMonth = new Array<number>(month).fill(0);
  const seen = new Array<boolean>(month).fill(false);
  for (const p of points) {
    if (p.month < 1 || p.month > month || p.value == null) continue;
    byMonth[p.month - 1]! += p.value;
    seen[p.month - 1] = true;
  }
  let run = 0;
  let any = zeroFill;
  return byMonth.map((v, i) => {
    run += v;
    any ||= seen[i]!;
    return any ? run : null;
  });
}

function ratioSeries(points: readonly Point[], month: number): { series: (number | null)[]; num: number | null; den: number | null } {
  const num = new Array<number>(month).fill(0);
  const den = new Array<number>(month).fill(0);
  for (const p of points) {
    if (p.month < 1 || p.month > month || p.numerator == null || !p.denominator) continue;
    num[p.month - 1]! += p.numerator;
    den[p.month - 1]! += p.denominator;
  }
  const last = month - 1;
  return {
    series: num.map((n, i) => (den[i]! > 0 ? n / den[i]! : null)),
    num: den[last]! > 0 ? num[last]! : null,
    den: den[last]! > 0 ? den[last]! : null,
  };
}

function area(ind: RollupIndicator, points: readonly Point[], target: number | null, month: number, warnBp: number): AreaValue {
  if (ind.aggregation === "ratio") {
    const r = ratioSeries(points, month);
    const rate = r.num != null && r.den ? r.num / r.den : null;
    const targetRate = target != null ? target / ind.unitScale / 100 : null;
    return { actual: rate, numerator: r.num, denominator: r.den, target, pace: rateStatus(rate, targetRate, warnBp), series: r.series };
  }
  const series = flowSeries(points, month, ind.fromRecords === true);
  const actual = series[month - 1] ?? null;
  return { actual, numerator: null, denominator: null, target, pace: pace(actual, target, month, ind.cityTarget?.monthlyPlan, warnBp), series };
}

export function rollupIndicator(ind: RollupIndicator, districtIds: readonly number[], month: number, warnBp: number): IndicatorRollup {
  const byDistrict = new Map<number, Point[]>();
  for (const p of ind.points) {
    const list = byDistrict.get(p.districtId);
    if (list) list.push(p);
    else byDistrict.set(p.districtId, [p]);
  }
  const districts = new Map<number, AreaValue>();
  for (const d of districtIds) districts.set(d, area(ind, byDistrict.get(d) ?? [], ind.districtTargets.get(d) ?? null, month, warnBp));
  const city = area(ind, ind.points.filter((p) => districtIds.includes(p.districtId)), ind.cityTarget?.targetValue ?? null, month, warnBp);
  const lastYear = ind.lastYearPoints && ind.aggregation !== "ratio" ? (flowSeries(ind.lastYearPoints, month)[month - 1] ?? null) : null;
  const baseline = ind.cityTarget?.baselineValue ?? null;
  const multiple = ind.cityTarget?.multipleTargetPct != null && baseline && city.actual != null ? city.actual / baseline : null;
  const districtsReporting = [...districts.values()].filter((v) => v.actual != null).length;
  return { code: ind.code, city: { ...city, growth: growth(city.actual, lastYear), multiple, districtsReporting }, districts };
}
