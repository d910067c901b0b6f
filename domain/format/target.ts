/** A target as the city states it: the amount, plus its growth or multiple conditions in words. Pure. */
import type { UnitDef } from "../numbers";
import type { FormatLocale } from "./locale";
import { formatAmount, formatTarget, type IndicatorLike } from "./indicator";
import { formatWithUnit } from "./numbers";

export interface TargetLike {
  decimals: number;
  unit: UnitDef;
  targetValue: number | null;
  baselineValue: number | null;
  growthTargetBp: number | null;
  multipleTargetPct: number | null;
}

/** The words a locale's dictionary gives a target (app/_lib/i18n: dict.target). */
export interface TargetWords {
  pending: string;
  growth: (year: number, pct: string) => string;
  multiple: (year: number, times: string, baseline: string | null) => string;
}

/** Chinese words, as the staff pages write a target: "比2025年增长 8.5% 以上". */
export const ZH_TARGET_WORDS: TargetWords = {
  pending: "目标待设定",
  growth: (year, pct) => `比${year}年增长 ${pct}% 以上`,
  multiple: (year, times, baseline) => (baseline == null ? `达${year}年基数的 ${times} 倍以上（基数待录入）` : `达${year}年基数 ${baseline} 的 ${times} 倍以上`),
};

/** Staff pages: "2,168 亿元", plus the conditions, in Chinese. */
export function describeTarget(t: TargetLike, year: number): { main: string; conditions: string[] } {
  const main = t.targetValue == null ? ZH_TARGET_WORDS.pending : formatWithUnit(t.targetValue, t.unit, t.decimals);
  const baseline = t.baselineValue == null ? null : formatWithUnit(t.baselineValue, t.unit, t.decimals);
  return { main, conditions: conditions(t, year, baseline, ZH_TARGET_WORDS) };
}

/** Public pages: the same in the page's locale and dictionary words. */
export function describeIndicatorTarget(ind: IndicatorLike, target: number | null, year: number, words: TargetWords, locale: FormatLocale = "zh-CN"): { main: string; conditions: string[] } {
  const main = target == null ? words.pending : formatTarget(ind, target, locale);
  const t = ind.cityTarget;
  if (!t) return { main, conditions: [] };
  const baseline = t.baselineValue == null ? null : formatAmount(t.baselineValue, ind.unit, ind.decimals, locale);
  return { main, conditions: conditions(t, year, baseline, words) };
}

function conditions(t: { growthTargetBp: number | null; multipleTargetPct: number | null }, year: number, baseline: string | null, words: TargetWords): string[] {
  const out: string[] = [];
  if (t.growthTargetBp != null) out.push(words.growth(year - 1, (t.growthTargetBp / 100).toFixed(1)));
  if (t.multipleTargetPct != null) out.push(words.multiple(year - 1, (t.multipleTargetPct / 100).toString(), baseline));
  return out;
}
