/**
 * What a clerk types for one indicator in one month, checked and turned into stored values.
 * Pure, so it is unit-tested (tests/unit/figure-entry.test.ts).
 *
 * Flow indicators (monthly amounts add up over the year) accept the month's value or the
 * year-to-date total; the other is derived. Stock indicators (ratios) take numerator and
 * denominator as they stand at the end of the month. Blank means "not reported", never 0.
 */
import { formatWithUnit, parseDisplayNumber, type UnitDef } from "./numbers";

/** A plausibility warning the clerk kept with a note (stored as a plausibility flag). */
export interface EntryFlag {
  rule: string;
  message: string;
}

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
}

export interface EntryContext {
  /** Sum of the months before this one (flow indicators), in base units. */
  previousYtd: number;
  /** This district's earlier monthly values (flow) or rates (stock, as fractions). */
  history: number[];
  /** Last month's rate, for stock indicators. */
  lastRate: number | null;
}

export type EntryResult =
  | { kind: "missing"; note: string | null }
  | { kind: "value"; value: number; note: string | null; warning: string | null; flags: EntryFlag[] }
  | { kind: "ratio"; numerator: number; denominator: number; note: string | null; warning: string | null; flags: EntryFlag[] }
  | { kind: "error"; field: "month" | "cumulative" | "numerator" | "denominator" | "note"; message: string };

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** A month far outside the district's own record: more than 3× or less than a third of its median month. */
export function flowOutlier(value: number, history: number[], unit: UnitDef, decimals: number): string | null {
  const past = history.filter((x) => x > 0);
  if (past.length < 3) return null;
  const m = median(past);
  if (value > 3 * m || value < m / 3) {
    return `本月数值与本区以往差异较大（以往月中位数 ${formatWithUnit(Math.round(m), unit, decimals)}），请核实；确认无误请在“说明”中写明原因`;
  }
  return null;
}

export function checkEntry(ind: EntryIndicator, input: EntryInput, ctx: EntryContext): EntryResult {
  const note = input.note?.trim() ? input.note.trim().slice(0, 500) : null;
  if (ind.aggregation === "ratio") return checkRatio(ind, input, ctx, note);

  const monthParsed = parseDisplayNumber(input.month, ind.unit, { allowNegative: true });
  if (monthParsed.kind === "error") return { kind: "error", field: "month", message: monthParsed.message };
  const cumParsed = parseDisplayNumber(input.cumulative, ind.unit);
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

  if (value < 0) {
    if (!note) {
      return {
        kind: "error",
        field: monthParsed.kind === "ok" ? "month" : "cumulative",
        message: `本月值为负（${formatWithUnit(value, ind.unit, ind.decimals)}）：累计数小于以前各月合计。如属更正，请在“说明”中写明原因`,
      };
    }
    return { kind: "value", value, note, warning: "本月值为负，已按说明保存", flags: [] };
  }
  const outlier = flowOutlier(value, ctx.history, ind.unit, ind.decimals);
  if (outlier && !note) return { kind: "error", field: "month", message: outlier };
  return { kind: "value", value, note, warning: outlier ? "与以往差异较大，已按说明保存" : null, flags: [] };
}

function checkRatio(ind: EntryIndicator, input: EntryInput, ctx: EntryContext, note: string | null): EntryResult {
  const part = ind.partUnit ?? ind.unit;
  const n = parseDisplayNumber(input.numerator, part);
  if (n.kind === "error") return { kind: "error", field: "numerator", message: n.message };
  const d = parseDisplayNumber(input.denominator, part);
  if (d.kind === "error") return { kind: "error", field: "denominator", message: d.message };
  if (n.kind === "missing" && d.kind === "missing") return { kind: "missing", note };
  if (n.kind === "missing") return { kind: "error", field: "numerator", message: `请填写${ind.numeratorLabel ?? "分子"}` };
  if (d.kind === "missing") return { kind: "error", field: "denominator", message: `请填写${ind.denominatorLabel ?? "分母"}` };
  if (d.base === 0) return { kind: "error", field: "denominator", message: `${ind.denominatorLabel ?? "分母"}不能为 0` };
  if (n.base > d.base) return { kind: "error", field: "numerator", message: `${ind.numeratorLabel ?? "分子"}不能大于${ind.denominatorLabel ?? "分母"}` };
  const rate = n.base / d.base;
  let warning: string | null = null;
  if (ctx.lastRate != null && Math.abs(rate - ctx.lastRate) > 0.1) {
    warning = `比率较上月变化超过 10 个百分点（上月 ${(ctx.lastRate * 100).toFixed(1)}%，本月 ${(rate * 100).toFixed(1)}%），请核实；确认无误请在“说明”中写明原因`;
    if (!note) return { kind: "error", field: "numerator", message: warning };
    warning = "比率变化较大，已按说明保存";
  }
  return { kind: "ratio", numerator: n.base, denominator: d.base, note, warning, flags: [] };
}
