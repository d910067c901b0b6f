/** One formatter set for every page (issue #16): numbers, percentages, dates, indicator values, targets; each takes a locale. */
export { DASH, intlLocale, type FormatLocale } from "./locale";
export { baseToDisplayExact, formatBase, formatExact, formatExactNumber, formatExactOrDash, formatMultiple, formatMoney, formatNumber, formatScore, formatWan, formatWithUnit, formatYi } from "./numbers";
export { completionRate, formatGap, formatPercent, formatPercentHalfUp, formatPercentNumber, formatRatioPercent, formatShare } from "./percent";
export { formatDateTime } from "./dates";
export { formatActual, formatAmount, formatColumnActual, formatColumnTarget, formatStaffTarget, formatTarget, formatValue, unitOf, unitSymbol, type Aggregation, type IndicatorLike, type StaffIndicatorLike, type UnitLike } from "./indicator";
export { describeIndicatorTarget, describeTarget, ZH_TARGET_WORDS, type TargetLike, type TargetWords } from "./target";
