/**
 * An indicator's values and targets as text, in the three shapes the pages use: the public pages
 * (either locale, English money words), the city pages (unit after the number), and the ranking
 * tables (bare numbers under a column headed with the unit). Pure.
 */
import type { UnitDef } from "../numbers";
import { DASH, type FormatLocale } from "./locale";
import { formatBase, formatWithUnit } from "./numbers";
import { formatPercent, formatPercentHalfUp } from "./percent";

export type Aggregation = "sum" | "ratio" | "count";

export interface UnitLike {
  symbol: string;
  symbolEn: string;
  scale: number;
}

export interface IndicatorLike {
  aggregation: Aggregation;
  unit: UnitLike;
  decimals: number;
  cityTarget: { baselineValue: number | null; growthTargetBp: number | null; multipleTargetPct: number | null } | null;
}

/** What the city pages know of an indicator's unit (columns of the indicator row). */
export interface StaffIndicatorLike {
  unitSymbol: string;
  unitScale: number;
  decimals: number;
  aggregation: Aggregation;
}

/**
 * English money wording, one convention everywhere: a unit (column heads, chart axes) reads
 * "CNY 100 million" (亿元) or "CNY 10,000" (万元); an amount reads "CNY 216.85 billion" /
 * "CNY 12.34 million" (exactly the 亿元/万元 figure, the decimal point moved). Never "100m yuan".
 */
const EN_MONEY: Record<string, { unit: string; word: string; factor: number; extraDecimals: number }> = {
  亿元: { unit: "CNY 100 million", word: "billion", factor: 10, extraDecimals: 1 },
  万元: { unit: "CNY 10,000", word: "million", factor: 100, extraDecimals: 2 },
};

const isEn = (locale: FormatLocale) => locale === "en";

export function unitSymbol(unit: UnitLike, locale: FormatLocale = "zh-CN"): string {
  if (!isEn(locale)) return unit.symbol;
  return EN_MONEY[unit.symbol]?.unit ?? unit.symbolEn;
}

/** An amount in base units with its unit ("2,168.5 亿元", "CNY 216.85 billion"; a unit-less count is a bare number). */
export function formatAmount(base: number, unit: UnitLike, decimals: number, locale: FormatLocale = "zh-CN"): string {
  const money = isEn(locale) ? EN_MONEY[unit.symbol] : undefined;
  if (money) return `CNY ${formatBase(base, unit.scale * money.factor, decimals + money.extraDecimals, "en")} ${money.word}`;
  const symbol = unitSymbol(unit, locale);
  const n = formatBase(base, unit.scale, decimals, locale);
  if (!symbol) return n;
  return symbol === "%" ? `${n}%` : `${n} ${symbol}`;
}

/** Public pages: amounts in their unit, ratios (held as fractions) as a percentage. */
export function formatValue(ind: IndicatorLike, value: number | null, locale: FormatLocale = "zh-CN", dash = DASH): string {
  if (value == null) return dash;
  if (ind.aggregation === "ratio") return formatPercentHalfUp(value, locale);
  return formatAmount(value, ind.unit, ind.decimals, locale);
}

/** Public pages: a target in base units (ratios too: their target is stored in the unit, e.g. 5000 = 50%). */
export function formatTarget(ind: IndicatorLike, target: number | null, locale: FormatLocale = "zh-CN", dash = DASH): string {
  if (target == null) return dash;
  return formatAmount(target, ind.unit, ind.decimals, locale);
}

/** The unit of an indicator row as a UnitDef (for formatExact and describeTarget). */
export function unitOf(ind: { unitSymbol: string; unitScale: number }): UnitDef {
  return { code: "", symbol: ind.unitSymbol, scale: ind.unitScale };
}

/** City pages: rounded to the indicator's decimals, in its display unit: "1,234.5 亿元", "48.2%", "37 个". */
export function formatActual(ind: StaffIndicatorLike, actual: number | null, locale: FormatLocale = "zh-CN"): string {
  if (actual == null) return DASH;
  if (ind.aggregation === "ratio") return formatPercent(actual, locale);
  return formatWithUnit(actual, unitOf(ind), ind.decimals, locale);
}

/** City pages: a target in base units ("2,168 亿元", "50%"). */
export function formatStaffTarget(ind: StaffIndicatorLike, target: number | null, locale: FormatLocale = "zh-CN"): string {
  return target == null ? DASH : formatWithUnit(target, unitOf(ind), ind.decimals, locale);
}

/** Ranking columns headed with the unit: "1,234.5", or for a ratio "45.2" (the % is in the head). */
export function formatColumnActual(ind: StaffIndicatorLike, actual: number | null, locale: FormatLocale = "zh-CN"): string {
  if (actual == null) return DASH;
  if (ind.aggregation === "ratio") return formatPercent(actual, locale).replace("%", "");
  return formatBase(actual, ind.unitScale, ind.decimals, locale);
}

/** Ranking columns: a target without its unit; a ratio's with one decimal. */
export function formatColumnTarget(ind: StaffIndicatorLike, target: number | null, locale: FormatLocale = "zh-CN"): string {
  if (target == null) return DASH;
  return formatBase(target, ind.unitScale, ind.aggregation === "ratio" ? 1 : ind.decimals, locale);
}
