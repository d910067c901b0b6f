/**
 * What a clerk types for one indicator in one month, checked and turned into stored values.
 * Pure, so it is unit-tested (tests/unit/figure-entry.test.ts, tests/unit/plausibility-figures.test.ts).
 *
 * Flow indicators (monthly amounts add up over the year) accept the month's value or the
 * year-to-date total; the other is derived. Stock indicators (ratios) take numerator and
 * denominator as they stand at the end of the month. Blank means "not reported", never 0;
 * "本月无数据" is said explicitly (noData) with a reason in the note.
 *
 * Plausibility rules (thresholds from PlausibilitySettings): a warning refuses the value until
 * the clerk writes a note; with a note the value is kept and carries the warning as a flag
 * (rule code + the sentence the clerk saw), which the reviewer sees.
 */
import { normaliseNumberText, parseDisplayNumber, type UnitDef } from "./numbers";
import { DEFAULT_PLAUSIBILITY_SETTINGS, type PlausibilitySettings } from "./plausibility/settings";
import { checkNote } from "./text-rules";
import { formatNumber, formatWithUnit } from "@/domain/format";

/** Longest 说明 of one indicator, and of the whole form: longer ones are refused, never cut. */
export const NOTE_MAX = 500;

/** A plausibility warning the clerk kept with a note (stored as a plausibility flag). */
export interface EntryFlag {
  rule: string;
  message: string;
}

export const FIGURE_RULES = {
  cumulativeDown: "figure_cumulative_down",
  aboveMedian: "figure_above_median",
  belowMedian: "figure_below_median",
  ratioPartJump: "ratio_part_jump",
  ratioRateJump: "ratio_rate_jump",
  copiedForm: "figures_copied_from_last_month",
} as const;

export interface EntryIndicator {
  id: number;
  name: string;
  aggregation: "sum" | "ratio" | "count";
  accumulation: "flow" | "stock";
  decimals: number;
  unit: UnitDef;
  partUnit: UnitDef | null;
  numeratorLabel: string | null;
  denominatorLabel: string | null;
}

export interface EntryInput {
  month?: string | null;
  cumulative?: string | null;
  numerator?: string | null;
  denominator?: string | null;
  note?: string | null;
  /** "本月无数据" ticked: the value fields must be blank and the note gives the reason. */
  noData?: boolean;
}

export interface EntryContext {
  /** Sum of the months before this one (flow indicators), in base units. */
  previousYtd: number;
  /** This district's earlier monthly values (flow) or rates (stock, as fractions). */
  history: number[];
  /** Last month's rate, for stock indicators. */
  lastRate: number | null;
  /** Last month's numerator and denominator (ratio indicators), for the part-jump rule. */
  lastNumerator?: number | null;
  lastDenominator?: number | null;
}

type Field = "month" | "cumulative" | "numerator" | "denominator" | "note";

export type EntryResult =
  | { kind: "missing"; note: string | null }
  | { kind: "noData"; note: string }
  | { kind: "value"; value: number; note: string | null; warning: string | null; flags: EntryFlag[] }
  | { kind: "ratio"; numerator: number; denominator: number; note: string | null; warning: string | null; flags: EntryFlag[] }
  | { kind: "error"; field: Field; message: string };

interface Warning extends EntryFlag {
  field: Field;
}

/** What the clerk is told when a warning stops the save. */
export const NOTE_HINT = "请核实；确认无误请在“说明”中写明原因";

/** a > b, ignoring floating-point noise at the boundary (exactly N× is not "more than N×"). */
function exceeds(a: number, b: number): boolean {
  return a - b > 1e-9 * Math.max(1, Math.abs(b));
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const exactDecimals = (unit: UnitDef) => Math.round(Math.log10(unit.scale));
/** A stored amount in its display unit at the unit's full precision (no rounding away of what was typed). */
const exact = (base: number, unit: UnitDef) => formatWithUnit(base, unit, exactDecimals(unit));
const plain = (x: number, maxDecimals: number) => formatNumber(x, maxDecimals);
const multiple = (x: number) => plain(x, x >= 100 ? 0 : x >= 10 ? 1 : 2);
const pct = (share: number) => `${plain(share * 100, 1)}%`;

/**
 * A month far outside the district's own record: more than N× its median month, or below 1/N of
 * it (N = figureMedianMultiple), once it has figureMedianMinMonths earlier non-zero months.
 */
export function medianWarning(value: number, history: number[], unit: UnitDef, settings: PlausibilitySettings = DEFAULT_PLAUSIBILITY_SETTINGS): EntryFlag | null {
  const past = history.filter((x) => x > 0);
  if (past.length < settings.figureMedianMinMonths) return null;
  const m = median(past);
  const n = settings.figureMedianMultiple;
  const mText = exact(Math.round(m), unit);
  if (exceeds(value, n * m)) {
    return { rule: FIGURE_RULES.aboveMedian, message: `与本区以往差异较大：本月 ${exact(value, unit)}，为本区以往月份中位数 ${mText}的 ${multiple(value / m)} 倍（超过 ${plain(n, 2)} 倍）` };
  }
  if (exceeds(m, value * n)) {
    return { rule: FIGURE_RULES.belowMedian, message: `与本区以往差异较大：本月 ${exact(value, unit)}，仅为本区以往月份中位数 ${mText}的 ${pct(value / m)}（不到 1/${plain(n, 2)}）` };
  }
  return null;
}

/** Warnings → refused without a note (message + hint on the first warned field), kept as flags with one. */
function settle(warnings: Warning[], note: string | null): { error: EntryResult } | { warning: string | null; flags: EntryFlag[] } {
  if (warnings.length === 0) return { warning: null, flags: [] };
  const text = warnings.map((w) => w.message).join("；");
  if (!note) return { error: { kind: "error", field: warnings[0]!.field, message: `${text}。${NOTE_HINT}` } };
  return { warning: text, flags: warnings.map(({ rule, message }) => ({ rule, message })) };
}

function noDataEntry(input: EntryInput, note: string | null): EntryResult {
  const typed = (["month", "cumulative", "numerator", "denominator"] as const).find((f) => normaliseNumberText(input[f] ?? "") !== "");
  if (typed) return { kind: "error", field: typed, message: "已勾选“本月无数据”，本项数值应留空；如有数据，请取消勾选" };
  if (!note) return { kind: "error", field: "note", message: "勾选“本月无数据”时，请在“说明”中写明原因" };
  return { kind: "noData", note };
}

export function checkEntry(ind: EntryIndicator, input: EntryInput, ctx: EntryContext, settings: PlausibilitySettings = DEFAULT_PLAUSIBILITY_SETTINGS): EntryResult {
  const checked = checkNote(input.note, "说明", NOTE_MAX);
  if (!checked.ok) return { kind: "error", field: "note", message: checked.message };
  const note = checked.note;
  if (input.noData) return noDataEntry(input, note);
  const bounds = settings.amountMax;
  if (ind.aggregation === "ratio") return checkRatio(ind, input, ctx, note, settings);

  const monthParsed = parseDisplayNumber(input.month, ind.unit, { allowNegative: true, bounds });
  if (monthParsed.kind === "error") return { kind: "error", field: "month", message: monthParsed.message };
  const cumParsed = parseDisplayNumber(input.cumulative, ind.unit, { bounds });
  if (cumParsed.kind === "error") return { kind: "error", field: "cumulative", message: cumParsed.message };

  let value: number;
  if (monthParsed.kind === "missing" && cumParsed.kind === "missing") return { kind: "missing", note };
  if (monthParsed.kind === "ok" && cumParsed.kind === "ok") {
    if (ctx.previousYtd + monthParsed.base !== cumParsed.base) {
      return {
        kind: "error",
        field: "cumulative",
        message: `本月值与累计值不一致：以前各月合计 ${formatWithUnit(ctx.previousYtd, ind.unit, ind.decimals)}，加本月应为 ${formatWithUnit(ctx.previousYtd + monthParsed.base, ind.unit, ind.decimals)}；只填其中一项即可`,
      };
    }
    value = monthParsed.base;
  } else if (monthParsed.kind === "ok") {
    value = monthParsed.base;
  } else {
    value = (cumParsed as { base: number }).base - ctx.previousYtd;
  }

  const warnings: Warning[] = [];
  if (value < 0) {
    warnings.push({
      rule: FIGURE_RULES.cumulativeDown,
      field: monthParsed.kind === "ok" ? "month" : "cumulative",
      message: `本月值为负（${exact(value, ind.unit)}）：1至本月累计 ${exact(ctx.previousYtd + value, ind.unit)}，小于以前各月合计 ${exact(ctx.previousYtd, ind.unit)}`,
    });
  } else {
    const w = medianWarning(value, ctx.history, ind.unit, settings);
    if (w) warnings.push({ ...w, field: monthParsed.kind === "ok" ? "month" : "cumulative" });
  }
  const s = settle(warnings, note);
  return "error" in s ? s.error : { kind: "value", value, note, ...s };
}

function partJump(label: string, now: number, last: number | null | undefined, part: UnitDef, share: number, field: Field): Warning | null {
  if (last == null || last <= 0 || !exceeds(Math.abs(now - last), share * last)) return null;
  return {
    rule: FIGURE_RULES.ratioPartJump,
    field,
    message: `${label}本月 ${exact(now, part)}，较上月 ${exact(last, part)}${now > last ? "增加" : "减少"} ${plain((Math.abs(now - last) * 100) / last, 1)}%（变动超过 ${pct(share)}）`,
  };
}

function checkRatio(ind: EntryIndicator, input: EntryInput, ctx: EntryContext, note: string | null, settings: PlausibilitySettings): EntryResult {
  const part = ind.partUnit ?? ind.unit;
  const numLabel = ind.numeratorLabel ?? "分子";
  const denLabel = ind.denominatorLabel ?? "分母";
  const n = parseDisplayNumber(input.numerator, part, { bounds: settings.amountMax });
  if (n.kind === "error") return { kind: "error", field: "numerator", message: n.message };
  const d = parseDisplayNumber(input.denominator, part, { bounds: settings.amountMax });
  if (d.kind === "error") return { kind: "error", field: "denominator", message: d.message };
  if (n.kind === "missing" && d.kind === "missing") return { kind: "missing", note };
  if (n.kind === "missing") return { kind: "error", field: "numerator", message: `请填写${numLabel}` };
  if (d.kind === "missing") return { kind: "error", field: "denominator", message: `请填写${denLabel}` };
  if (d.base === 0) return { kind: "error", field: "denominator", message: `${denLabel}不能为 0` };
  if (n.base > d.base) return { kind: "error", field: "numerator", message: `${numLabel}不能大于${denLabel}` };

  const warnings: Warning[] = [];
  const nw = partJump(numLabel, n.base, ctx.lastNumerator, part, settings.ratioPartJump, "numerator");
  if (nw) warnings.push(nw);
  const dw = partJump(denLabel, d.base, ctx.lastDenominator, part, settings.ratioPartJump, "denominator");
  if (dw) warnings.push(dw);
  const rate = n.base / d.base;
  if (ctx.lastRate != null) {
    const points = Math.abs(rate - ctx.lastRate) * 100;
    if (exceeds(points, settings.ratioRateJumpPoints)) {
      warnings.push({
        rule: FIGURE_RULES.ratioRateJump,
        field: "numerator",
        message: `比率较上月变化 ${plain(points, 1)} 个百分点（上月 ${pct(ctx.lastRate)}，本月 ${pct(rate)}），超过 ${plain(settings.ratioRateJumpPoints, 1)} 个百分点`,
      });
    }
  }
  const s = settle(warnings, note);
  return "error" in s ? s.error : { kind: "ratio", numerator: n.base, denominator: d.base, note, ...s };
}
