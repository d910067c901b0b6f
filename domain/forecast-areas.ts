/**
 * From month-by-month points to the forecast of every area (the city and each district) of one
 * indicator. Pure and unit-tested. Which months count as "with data":
 * - reported figures: a month with an approved, non-blank value (blank is not zero);
 * - figures counted from records (derived): a month the district has had approved, where no
 *   record means 0; for the city, a month at least one district has had approved.
 * The city runs through `cityThrough` (the latest month every reporting district has had
 * approved); a district through the shown month, its own latest month with data deciding.
 */
import { forecast, type Forecast, type ForecastKind } from "./forecast";
import type { Point } from "./rollup";

export interface ForecastIndicatorSource {
  aggregation: "sum" | "ratio" | "count";
  accumulation: "flow" | "stock";
  kind: ForecastKind;
  fromRecords?: boolean;
  cityTarget: { targetValue: number | null; monthlyPlan: number[] | null } | null;
  districtTargets: ReadonlyMap<number, number | null>;
  points: readonly Point[];
}

export interface AreaForecasts {
  city: Forecast;
  districts: Map<number, Forecast>;
}

/** "districtId|month" of every approved district-month. */
export type OfficialSet = ReadonlySet<string>;

/** Each month's value 1..`through` over `districtIds` (index 0 = January); null = no data. */
export function monthlyValues(points: readonly Point[], districtIds: readonly number[], through: number, fromRecords: boolean, official: OfficialSet): (number | null)[] {
  const ids = new Set(districtIds);
  const out: (number | null)[] = Array.from({ length: Math.max(0, Math.min(through, 12)) }, (_, i) =>
    fromRecords && districtIds.some((d) => official.has(`${d}|${i + 1}`)) ? 0 : null,
  );
  for (const p of points) {
    if (!ids.has(p.districtId) || p.month < 1 || p.month > out.length || p.value == null) continue;
    if (fromRecords && !official.has(`${p.districtId}|${p.month}`)) continue;
    out[p.month - 1] = (out[p.month - 1] ?? 0) + p.value;
  }
  return out;
}

export function forecastAreas(
  ind: ForecastIndicatorSource,
  lastYear: { points: readonly Point[]; official: OfficialSet } | null,
  official: OfficialSet,
  districtIds: readonly number[],
  month: number,
  cityThrough: number,
): AreaForecasts {
  const fromRecords = ind.fromRecords === true;
  const plan = ind.cityTarget?.monthlyPlan ?? null;
  const one = (ids: readonly number[], target: number | null, through: number): Forecast =>
    forecast({
      aggregation: ind.aggregation,
      accumulation: ind.accumulation,
      kind: ind.kind,
      target,
      plan,
      months: monthlyValues(ind.points, ids, through, fromRecords, official),
      lastYear: lastYear ? monthlyValues(lastYear.points, ids, 12, fromRecords, lastYear.official) : null,
    });
  const districts = new Map<number, Forecast>();
  for (const d of districtIds) districts.set(d, one([d], ind.districtTargets.get(d) ?? null, month));
  return { city: one(districtIds, ind.cityTarget?.targetValue ?? null, Math.min(cityThrough, month)), districts };
}
