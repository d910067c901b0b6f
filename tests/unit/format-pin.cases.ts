/**
 * Every number/date formatter of the app, called on representative inputs. format-pin.test.ts
 * pins the outputs these calls gave before the formatters moved to domain/format/ (issue #16):
 * a page's text must not change when a formatter changes home.
 */
import type { UnitDef } from "@/domain/numbers";
import * as review from "@/app/(staff)/city/review/_lib/format";
import { zh } from "@/app/_lib/i18n/zh";
import { en } from "@/app/_lib/i18n/en";
import {
  completionRate, describeIndicatorTarget, describeTarget as describeTargetZh, formatActual, formatAmount, formatBase, formatColumnActual, formatColumnTarget,
  formatDateTime, formatExact, formatExactNumber, formatExactOrDash, formatGap, formatMultiple, formatPercent, formatPercentHalfUp, formatPercentNumber, formatScore, formatShare,
  formatStaffTarget, formatTarget, formatValue, formatWan, formatWithUnit, formatYi, unitSymbol, type FormatLocale, type IndicatorLike, type TargetWords,
} from "@/domain/format";

/** The old homes' names (the pinned keys) → the functions that replaced them in domain/format. */
const pub = {
  formatAmount, formatValue, formatTarget, unitSymbol, formatYi, formatWan, formatPct: formatPercentHalfUp, formatWhen: formatDateTime,
  describeTarget: (ind: IndicatorLike, target: number | null, year: number, dict: { target: TargetWords }, l: FormatLocale) => describeIndicatorTarget(ind, target, year, dict.target, l),
};
const city = { formatActual, formatTarget: formatStaffTarget, formatExactNumber, formatExact, formatExactOrDash, formatShare, formatGap, formatMultiple };
const rank = { formatActual: formatColumnActual, formatTarget: formatColumnTarget, formatScore };
const yi = formatYi;
const wan = formatWan;

const YI: UnitDef = { code: "yi_yuan", symbol: "亿元", scale: 10000 };
const WAN: UnitDef = { code: "wan_yuan", symbol: "万元", scale: 1 };
const PCT: UnitDef = { code: "pct", symbol: "%", scale: 100 };
const GE: UnitDef = { code: "ge", symbol: "个", scale: 1 };
const BARE: UnitDef = { code: "n", symbol: "", scale: 1 };
const UNITS = { YI, WAN, PCT, GE, BARE };

/** Base-unit amounts: zero, negatives, a fraction, a big decimal, tiny, huge. */
const BASES = [0, -1, -123456, 0.05, 5, 1234567.891, 1234567891, 0.0001, 9e15, -0.5];
/** Ratios held as fractions. */
const RATIOS = [0, -0.05, 0.05, 0.0625, 0.12345, 0.99949, 0.99951, 1, 1.5, 1234567.891, 1e-9, -0.00049];
const LOCALES = ["zh", "en"] as const;
const DECIMALS = [0, 1, 2];

type Agg = "sum" | "ratio" | "count";
const pubInd = (u: UnitDef, aggregation: Agg, decimals: number, symbolEn = "units") => ({
  aggregation, decimals, unit: { symbol: u.symbol, symbolEn, scale: u.scale },
  cityTarget: { baselineValue: 123456, growthTargetBp: 850, multipleTargetPct: 150 },
});
const cityInd = (u: UnitDef, aggregation: Agg, decimals: number) => ({ unitSymbol: u.symbol, unitScale: u.scale, decimals, aggregation });
const rankInd = (u: UnitDef, aggregation: Agg, decimals: number) => ({ name: "x", unitSymbol: u.symbol, unitScale: u.scale, decimals, aggregation });

export function formatterOutputs(): Record<string, string> {
  const out: Record<string, string> = {};
  const put = (key: string, value: unknown) => { out[key] = typeof value === "string" ? value : JSON.stringify(value); };
  for (const [un, u] of Object.entries(UNITS)) {
    for (const d of DECIMALS) {
      for (const b of BASES) {
        for (const l of ["zh-CN", "en"] as const) {
          put(`formatBase(${b},${u.scale},${d},${l})`, formatBase(b, u.scale, d, l));
          put(`formatWithUnit(${b},${un},${d},${l})`, formatWithUnit(b, u, d, l));
        }
        for (const l of LOCALES) {
          put(`pub.formatAmount(${b},${un},${d},${l})`, pub.formatAmount(b, pubInd(u, "sum", d).unit, d, l));
          put(`pub.formatAmount(${b},${un}/noEn,${d},${l})`, pub.formatAmount(b, pubInd(u, "sum", d, "").unit, d, l));
          for (const agg of ["sum", "ratio", "count"] as const) {
            put(`pub.formatValue(${agg},${b},${un},${d},${l})`, pub.formatValue(pubInd(u, agg, d), b, l));
            put(`pub.formatTarget(${agg},${b},${un},${d},${l})`, pub.formatTarget(pubInd(u, agg, d), b, l));
          }
        }
        for (const agg of ["sum", "ratio", "count"] as const) {
          put(`city.formatActual(${agg},${b},${un},${d})`, city.formatActual(cityInd(u, agg, d), b));
          put(`city.formatTarget(${agg},${b},${un},${d})`, city.formatTarget(cityInd(u, agg, d), b));
          put(`rank.formatActual(${agg},${b},${un},${d})`, rank.formatActual(rankInd(u, agg, d), b));
          put(`rank.formatTarget(${agg},${b},${un},${d})`, rank.formatTarget(rankInd(u, agg, d), b));
        }
      }
    }
    for (const b of BASES.filter(Number.isInteger)) {
      put(`city.formatExactNumber(${b},${u.scale})`, city.formatExactNumber(b, u.scale));
      put(`city.formatExact(${b},${un})`, city.formatExact(b, u));
      put(`city.formatExactOrDash(${b},${u.scale})`, city.formatExactOrDash(b, u.scale));
      put(`review.exact(${b},${un})`, review.exact(b, u));
    }
    put(`pub.unitSymbol(${un},zh)`, pub.unitSymbol(pubInd(u, "sum", 0).unit, "zh"));
    put(`pub.unitSymbol(${un},en)`, pub.unitSymbol(pubInd(u, "sum", 0).unit, "en"));
  }
  for (const r of RATIOS) {
    for (const l of ["zh-CN", "en"] as const) put(`formatPercent(${r},${l})`, formatPercent(r, l));
    for (const l of LOCALES) put(`pub.formatPct(${r},${l})`, pub.formatPct(r, l));
    put(`city.formatShare(${r})`, city.formatShare(r));
    put(`formatPct1(${r})`, `${formatPercentNumber(r)}%`); // the old pace.ts formatPct1, and the pct1 of pace.ts and en.ts (sentences)
    put(`city.formatMultiple(${r})`, city.formatMultiple(r));
    put(`rank.formatScore(${r})`, rank.formatScore(r));
    put(`city.formatGap(${r * 100})`, city.formatGap(r * 100));
    put(`completionRate(${r * 100},100)`, completionRate(r * 100, 100));
  }
  put("completionRate(5,0)", completionRate(5, 0));
  for (const w of [0, -5, 123456, 1234567.891, 5, 0.05, 9e15]) {
    put(`yi(${w})`, yi(w));
    put(`wan(${w})`, wan(w));
    for (const l of LOCALES) {
      put(`pub.formatYi(${w},${l})`, pub.formatYi(w, l));
      put(`pub.formatWan(${w},${l})`, pub.formatWan(w, l));
    }
    put(`review.amountText(${w})`, review.amountText(w));
  }
  const k = { aggregation: "ratio" as const, unit: YI, partUnit: WAN };
  put("review.figureText(ratio)", review.figureText(k, { numerator: 432, denominator: 720 } as never));
  put("review.figureText(ratio/0)", review.figureText(k, { numerator: 432, denominator: 0 } as never));
  put("review.figureText(sum)", review.figureText({ aggregation: "sum", unit: YI, partUnit: null }, { value: 139800 } as never));
  for (const iso of ["2026-03-05T01:02:03.000Z", "2026-12-31T16:30:00Z", "2026-01-01T00:00:00+08:00"]) {
    put(`formatDateTime(${iso})`, formatDateTime(iso));
    for (const l of LOCALES) put(`pub.formatWhen(${iso},${l})`, pub.formatWhen(iso, l));
  }
  for (const d of DECIMALS) {
    for (const [un, u] of Object.entries(UNITS)) {
      const t = { decimals: d, unit: u, targetValue: 21680000, baselineValue: 1234567, growthTargetBp: 850, multipleTargetPct: 150 };
      put(`describeTargetZh(${un},${d})`, describeTargetZh(t, 2026));
      put(`describeTargetZh(${un},${d},empty)`, describeTargetZh({ ...t, targetValue: null, baselineValue: null, growthTargetBp: null }, 2026));
      for (const [l, dict] of [["zh", zh], ["en", en]] as const) {
        put(`pub.describeTarget(${un},${d},${l})`, pub.describeTarget(pubInd(u, "sum", d), 21680000, 2026, dict, l));
        put(`pub.describeTarget(${un},${d},${l},null)`, pub.describeTarget({ ...pubInd(u, "sum", d), cityTarget: { baselineValue: null, growthTargetBp: null, multipleTargetPct: 200 } }, null, 2026, dict, l));
      }
    }
  }
  for (const x of [null, undefined, ""] as const) {
    put(`formatDateTime(${String(x)})`, formatDateTime(x));
    put(`nulls(${String(x)})`, [pub.formatWhen(x ?? null, "zh"), city.formatActual(cityInd(YI, "sum", 0), null), city.formatTarget(cityInd(YI, "sum", 0), null),
      city.formatExact(null, YI), city.formatExactOrDash(null, 1), city.formatShare(null), city.formatGap(null), rank.formatActual(rankInd(YI, "sum", 0), null),
      rank.formatTarget(rankInd(YI, "sum", 0), null), rank.formatScore(null), pub.formatValue(pubInd(YI, "sum", 0), null, "en"), pub.formatValue(pubInd(YI, "sum", 0), null, "zh", "–"),
      pub.formatTarget(pubInd(YI, "sum", 0), null, "zh"), pub.formatTarget(pubInd(YI, "sum", 0), null, "en", ""), review.amountText(null), review.figureText(k, null)]);
  }
  return out;
}
