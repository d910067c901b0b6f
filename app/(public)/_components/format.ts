/** Locale-aware number and date text for the public pages. Pure. */
import type { Locale } from "@/app/_lib/locale";
import { formatDateTime } from "@/domain/labels";
import { formatBase } from "@/domain/numbers";
import type { Dict } from "@/app/_lib/i18n/index";

export interface UnitLike {
  symbol: string;
  symbolEn: string;
  scale: number;
}

export interface IndicatorLike {
  aggregation: "sum" | "ratio" | "count";
  unit: UnitLike;
  decimals: number;
  cityTarget: { baselineValue: number | null; growthTargetBp: number | null; multipleTargetPct: number | null } | null;
}

const numberLocale = (locale: Locale) => (locale === "en" ? "en" : "zh-CN");

/**
 * English money wording, one convention everywhere: a unit (column heads, chart axes) reads
 * "CNY 100 million" (亿元) or "CNY 10,000" (万元); an amount reads "CNY 216.85 billion" /
 * "CNY 12.34 million" (exactly the 亿元/万元 figure, the decimal point moved). Never "100m yuan".
 */
const EN_MONEY: Record<string, { unit: string; word: string; factor: number; extraDecimals: number }> = {
  亿元: { unit: "CNY 100 million", word: "billion", factor: 10, extraDecimals: 1 },
  万元: { unit: "CNY 10,000", word: "million", factor: 100, extraDecimals: 2 },
};

export function unitSymbol(unit: UnitLike, locale: Locale): string {
  if (locale !== "en") return unit.symbol;
  return EN_MONEY[unit.symbol]?.unit ?? unit.symbolEn;
}

/** An amount in base units with its unit ("2,168.5 亿元", "CNY 216.85 billion"; a count with no English unit is a bare number). */
export function formatAmount(base: number, unit: UnitLike, decimals: number, locale: Locale): string {
  const money = locale === "en" ? EN_MONEY[unit.symbol] : undefined;
  if (money) return `CNY ${formatBase(base, unit.scale * money.factor, decimals + money.extraDecimals, "en")} ${money.word}`;
  const symbol = unitSymbol(unit, locale);
  const n = formatBase(base, unit.scale, decimals, numberLocale(locale));
  if (!symbol) return n;
  return symbol === "%" ? `${n}%` : `${n} ${symbol}`;
}

/** One decimal, as the city publishes percentages. */
export function formatPct(fraction: number, locale: Locale): string {
  return `${new Intl.NumberFormat(numberLocale(locale), { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(Math.round(fraction * 1000) / 10)}%`;
}

/** An indicator's value: amounts in their unit, ratios (held as fractions) as a percentage. */
export function formatValue(ind: IndicatorLike, value: number | null, locale: Locale, dash = "—"): string {
  if (value == null) return dash;
  if (ind.aggregation === "ratio") return formatPct(value, locale);
  return formatAmount(value, ind.unit, ind.decimals, locale);
}

/** A target in base units (ratios too: their target is stored in the unit, e.g. 5000 = 50%). */
export function formatTarget(ind: IndicatorLike, target: number | null, locale: Locale, dash = "—"): string {
  if (target == null) return dash;
  return formatAmount(target, ind.unit, ind.decimals, locale);
}

/** The target as the city states it, with its growth or multiple conditions in words. */
export function describeTarget(ind: IndicatorLike, target: number | null, year: number, dict: Dict, locale: Locale): { main: string; conditions: string[] } {
  const main = target == null ? dict.target.pending : formatTarget(ind, target, locale);
  const conditions: string[] = [];
  const t = ind.cityTarget;
  if (t?.growthTargetBp != null) conditions.push(dict.target.growth(year - 1, (t.growthTargetBp / 100).toFixed(1)));
  if (t?.multipleTargetPct != null) {
    const baseline = t.baselineValue == null ? null : formatAmount(t.baselineValue, ind.unit, ind.decimals, locale);
    conditions.push(dict.target.multiple(year - 1, (t.multipleTargetPct / 100).toString(), baseline));
  }
  return { main, conditions };
}

/** Base units → display-unit number (for charts and open data). */
export function toDisplay(base: number, scale: number): number {
  return base / scale;
}

/** An ISO timestamp in Asia/Shanghai. */
export function formatWhen(iso: string | null, locale: Locale): string {
  if (!iso) return "—";
  if (locale === "zh") return formatDateTime(iso);
  return new Date(iso).toLocaleString("en-GB", { timeZone: "Asia/Shanghai", year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", hour12: false }) + " (Beijing time)";
}

/** Money in 万元 shown in 亿元 with two decimals, for project tables. */
export function formatYi(wan: number, locale: Locale): string {
  return new Intl.NumberFormat(numberLocale(locale), { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(wan / 10000);
}

/** Money in 万元 as a whole number. */
export function formatWan(wan: number, locale: Locale): string {
  return new Intl.NumberFormat(numberLocale(locale), { maximumFractionDigits: 0 }).format(wan);
}
