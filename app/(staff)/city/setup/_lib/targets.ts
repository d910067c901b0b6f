/**
 * Checking a target entry (from the targets form or one row of the targets sheet): numbers in
 * the indicator's display unit, no negative targets, a monthly plan of twelve cumulative shares
 * reaching 100 % by December, and — for sum and count indicators — district targets that add
 * up to the city target, or a note explaining why not. Pure: unit-tested.
 */
import type { TargetValues } from "@/db/mutations/setup/targets";
import { monthlyPlanError } from "@/domain/pace";
import { parseDisplayNumber, type UnitDef } from "@/domain/numbers";
import { baseToDisplayExact, formatWithUnit } from "@/domain/format";

export interface TargetIndicator {
  name: string;
  aggregation: "sum" | "ratio" | "count";
  unit: UnitDef;
  decimals: number;
}

export interface TargetText {
  target: string;
  baseline: string;
  growth: string;
  multiple: string;
  /** District id → typed target. */
  districts: Record<number, string>;
  breakdownNote: string;
  /** Form only (the sheet leaves the plan as it is): "linear" or "custom" with twelve cumulative %. */
  planMode?: string;
  plan?: string[];
  sourceNote?: string;
}

/** Checked values, exactly what the target writes take. */
export type CheckedTargets = TargetValues;

const PERCENT: UnitDef = { code: "percent", symbol: "%", scale: 100 };
const TIMES: UnitDef = { code: "times", symbol: "倍", scale: 100 };

/** "district targets add up" applies to amounts and counts; rates (ratio indicators) never add up. */
export function districtSumProblem(aggregation: TargetIndicator["aggregation"], city: number | null, districtTargets: readonly (number | null)[]): { sum: number; city: number | null } | null {
  if (aggregation === "ratio") return null;
  const set = districtTargets.filter((v): v is number => v !== null);
  if (set.length === 0) return null;
  const sum = set.reduce((s, v) => s + v, 0);
  return sum === city ? null : { sum, city };
}

export function districtSumMessage(ind: TargetIndicator, p: { sum: number; city: number | null }): string {
  const fmt = (v: number) => formatWithUnit(v, ind.unit, Math.round(Math.log10(ind.unit.scale)));
  if (p.city === null) return `已分解到区县（合计 ${fmt(p.sum)}），但没有全市目标：请填写全市目标，或在“分解差异说明”中说明原因`;
  const gap = p.sum - p.city;
  return `各区县目标合计 ${fmt(p.sum)}，与全市目标 ${fmt(p.city)} 不一致（${gap > 0 ? "多" : "少"} ${fmt(Math.abs(gap))}）：请调整，或在“分解差异说明”中说明原因`;
}

function amount(raw: string, unit: UnitDef, label: string, errors: Record<string, string>, field: string, allowNegative = false): number | null {
  const text = unit === TIMES ? raw.replace(/倍\s*$/, "") : raw;
  const r = parseDisplayNumber(text, unit, { allowNegative });
  if (r.kind === "ok") return r.base;
  if (r.kind === "error") errors[field] = r.message === "不能为负数" ? `${label}不能为负数` : `${label}：${r.message}`;
  return null;
}

/**
 * Checks one indicator's targets; errors are keyed by field: target, baseline, growth, multiple,
 * d_<districtId>, breakdownNote, plan, plan_<month 1–12>.
 */
export function checkTargets(ind: TargetIndicator, districts: readonly { id: number; name: string }[], t: TargetText): { ok: true; value: CheckedTargets } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const targetValue = amount(t.target, ind.unit, "目标", errors, "target");
  const baselineValue = amount(t.baseline, ind.unit, "基数", errors, "baseline");
  const growthTargetBp = amount(t.growth, PERCENT, "增长目标", errors, "growth", true);
  const multipleTargetPct = amount(t.multiple, TIMES, "倍数", errors, "multiple");
  const byDistrict = new Map<number, number | null>();
  for (const d of districts) byDistrict.set(d.id, amount(t.districts[d.id] ?? "", ind.unit, `${d.name}目标`, errors, `d_${d.id}`));
  const breakdownNote = t.breakdownNote.trim();
  if (breakdownNote.length > 500) errors.breakdownNote = "说明最多 500 字";

  let monthlyPlan: number[] | null | undefined;
  if (t.planMode !== undefined) {
    if (t.planMode === "custom") {
      const plan = (t.plan ?? []).map((raw, i) => amount(raw, PERCENT, `${i + 1}月累计计划`, errors, `plan_${i + 1}`));
      if (!Object.keys(errors).some((k) => k.startsWith("plan_"))) {
        if (plan.some((v) => v === null)) errors.plan = "自定义月度计划要填满 12 个月的累计百分比";
        else monthlyPlan = plan as number[];
        const problem = monthlyPlan ? monthlyPlanError(monthlyPlan) : null;
        if (problem) errors.plan = problem;
      }
    } else if (t.planMode === "linear") {
      monthlyPlan = null;
    } else {
      errors.plan = "请选择月度计划方式";
    }
  }
  const sourceNote = t.sourceNote?.trim();
  if (sourceNote !== undefined && sourceNote.length > 500) errors.sourceNote = "来源说明最多 500 字";

  if (Object.keys(errors).length === 0 && !breakdownNote) {
    const problem = districtSumProblem(ind.aggregation, targetValue, [...byDistrict.values()]);
    if (problem) errors.breakdownNote = districtSumMessage(ind, problem);
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      targetValue,
      baselineValue,
      growthTargetBp,
      multipleTargetPct,
      ...(monthlyPlan !== undefined ? { monthlyPlan } : {}),
      ...(sourceNote !== undefined ? { sourceNote } : {}),
      breakdownNote,
      districts: byDistrict,
    },
  };
}

/** Stored values back to what the form shows ("" for not set). */
export function displayValue(base: number | null | undefined, scale: number): string {
  return base == null ? "" : baseToDisplayExact(base, scale);
}
