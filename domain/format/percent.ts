/** Percentages as the city publishes them: one decimal place. Ratios arrive as fractions. Pure. */
import { DASH, numberFormat, type FormatLocale } from "./locale";

/** 0.624 → "62.4%" (the fraction × 100 rounded by Intl, half away from zero). */
export function formatPercent(ratio: number, locale: FormatLocale = "zh-CN"): string {
  return `${numberFormat(locale, 1, 1).format(ratio * 100)}%`;
}

/**
 * 0.624 → "62.4%", rounded to a tenth of a point first with Math.round (halves toward +∞): the
 * public pages' rule, kept apart from formatPercent because the two differ on negative halves.
 */
export function formatPercentHalfUp(fraction: number, locale: FormatLocale = "zh-CN"): string {
  return `${numberFormat(locale, 1, 1).format(Math.round(fraction * 1000) / 10)}%`;
}

/** A share of a target ("48.2%"), "—" when there is none. */
export function formatShare(share: number | null, locale: FormatLocale = "zh-CN"): string {
  return share == null ? DASH : formatPercent(share, locale);
}

/** done ÷ plan as a percentage, "—" when there is no plan. */
export function completionRate(done: number, plan: number, locale: FormatLocale = "zh-CN"): string {
  return plan > 0 ? formatPercent(done / plan, locale) : DASH;
}

/** Points ahead (+) or behind (−) as the city writes them (Chinese only: staff pages). */
export function formatGap(points: number | null): string {
  if (points == null) return DASH;
  if (points === 0) return "持平";
  return points > 0 ? `超 ${points.toFixed(1)} 个百分点` : `落后 ${(-points).toFixed(1)} 个百分点`;
}

/** A share of two parts as "62.4%" (one decimal, no grouping): a ratio indicator's month, a project's progress. */
export function formatRatioPercent(numerator: number, denominator: number): string {
  return `${((numerator / denominator) * 100).toFixed(1)}%`;
}

/** 0.624 → "62.4": one decimal, no grouping, halves toward +∞; for sentences that add the "%" ("完成 62.4%"). */
export function formatPercentNumber(fraction: number): string {
  return (Math.round(fraction * 1000) / 10).toFixed(1);
}
