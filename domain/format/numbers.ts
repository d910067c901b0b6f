/** Amounts as text: base units (万元, 平方米, 0.01 %) shown in their display unit. Pure. */
import type { UnitDef } from "../numbers";
import { DASH, numberFormat, type FormatLocale } from "./locale";

/** Base units → display units as an exact decimal string (no rounding). */
export function baseToDisplayExact(base: number, scale: number): string {
  const neg = base < 0;
  const abs = Math.abs(base);
  const decimals = Math.round(Math.log10(scale));
  if (decimals === 0) return `${neg ? "-" : ""}${abs}`;
  const s = String(abs).padStart(decimals + 1, "0");
  const int = s.slice(0, -decimals);
  const frac = s.slice(-decimals).replace(/0+$/, "");
  return `${neg ? "-" : ""}${int}${frac ? "." + frac : ""}`;
}

/** Base units → "2,168" style text in the display unit, rounded to `decimals`. */
export function formatBase(base: number, scale: number, decimals: number, locale: FormatLocale = "zh-CN"): string {
  return numberFormat(locale, decimals).format(base / scale);
}

/** "2,168 亿元"; "%" attaches without a space. */
export function formatWithUnit(base: number, unit: UnitDef, decimals: number, locale: FormatLocale = "zh-CN"): string {
  const n = formatBase(base, unit.scale, decimals, locale);
  return unit.symbol === "%" ? `${n}%` : `${n} ${unit.symbol}`;
}

/** Exact display-unit text, grouped: "1,234.5678". Drill-down tables use it so the rows add up exactly. */
export function formatExactNumber(base: number, scale: number, locale: FormatLocale = "zh-CN"): string {
  const exact = baseToDisplayExact(base, scale);
  const neg = exact.startsWith("-");
  const [int = "0", frac] = (neg ? exact.slice(1) : exact).split(".");
  return `${neg ? "-" : ""}${numberFormat(locale, 0).format(Number(int))}${frac ? `.${frac}` : ""}`;
}

/** Exact text with its unit ("1,234.5678 亿元"), "—" when missing. */
export function formatExact(base: number | null, unit: { symbol: string; scale: number }, locale: FormatLocale = "zh-CN"): string {
  if (base == null) return DASH;
  const n = formatExactNumber(base, unit.scale, locale);
  return unit.symbol === "%" ? `${n}%` : `${n} ${unit.symbol}`;
}

/** Exact number without unit (the column header carries it), "—" when missing. */
export function formatExactOrDash(base: number | null, scale: number, locale: FormatLocale = "zh-CN"): string {
  return base == null ? DASH : formatExactNumber(base, scale, locale);
}

/** Money in 万元 shown in 亿元 with exactly `decimals` decimals (two unless said), so a table column lines up ("48.60"). */
export function formatYi(wan: number, locale: FormatLocale = "zh-CN", decimals = 2): string {
  return numberFormat(locale, decimals, decimals).format(wan / 10000);
}

/** Money in 万元 for a sentence: "3.2 亿元" (one or two decimals) from one 亿 up, "8,300 万元" below. */
export function formatMoney(wan: number, locale: FormatLocale = "zh-CN"): string {
  return Math.abs(wan) >= 10_000 ? `${numberFormat(locale, 2, 1).format(wan / 10_000)} 亿元` : `${numberFormat(locale, 0).format(wan)} 万元`;
}

/** A plain grouped number with at most `decimals` decimals ("1,234.5", "3"). */
export function formatNumber(x: number, decimals: number, locale: FormatLocale = "zh-CN"): string {
  return numberFormat(locale, decimals).format(x);
}

/** Money in 万元 as a whole number of 万元 ("12,345"). */
export function formatWan(wan: number, locale: FormatLocale = "zh-CN"): string {
  return numberFormat(locale, 0).format(wan);
}

/** A multiple with two decimals: "1.50 倍". */
export function formatMultiple(x: number): string {
  return `${(Math.round(x * 100) / 100).toFixed(2)} 倍`;
}

/** A ranking score with one decimal ("87.5"), "—" when not scored. */
export function formatScore(score: number | null): string {
  return score == null ? DASH : (Math.round(score * 10) / 10).toFixed(1);
}

