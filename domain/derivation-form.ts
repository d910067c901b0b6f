/** The derivation part of the indicator form: reading a rule and its parameters, prefilling, and checking the rule fits the indicator. Pure. */
import { parseDisplayNumber } from "./numbers";
import { derivationError, MIN_AMOUNT_UNIT, ruleSpec, type Derivation } from "./derivations";
import { baseToDisplayExact } from "@/domain/format";

/** Form field name of a rule's parameter: rules are radio choices, each with its own parameter inputs. */
export function paramFieldName(rule: string, param: string): string {
  return `p_${rule}_${param}`;
}

export type FormReader = { get(name: string): string; getAll(name: string): string[] };


/**
 * Reads the chosen rule and its parameters from the indicator form. Errors are keyed by the
 * form field they belong to ("rule" or a parameter's field name).
 */
export function parseDerivationForm(form: FormReader): { ok: true; value: Derivation } | { ok: false; errors: Record<string, string> } {
  const rule = form.get("rule").trim();
  const spec = ruleSpec(rule);
  if (!spec) return { ok: false, errors: { rule: rule ? "不支持的计算规则" : "台账计算和里程碑指标必须选择计算规则" } };
  const params: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  const optionalFlags = spec.rule === "signings_sum" || spec.rule === "signings_count";
  for (const p of spec.params) {
    const field = paramFieldName(rule, p.name);
    if (p.kind === "boolean") {
      const on = form.get(field) === "1";
      if (on || !optionalFlags) params[p.name] = on;
    } else if (p.kind === "choice") {
      const v = form.get(field).trim();
      if (!p.options.some((o) => o.value === v)) errors[field] = `请选择${p.label}`;
      else params[p.name] = v;
    } else if (p.kind === "choices") {
      const vs = form.getAll(field).filter((v) => p.options.some((o) => o.value === v));
      if (vs.length === 0) errors[field] = `请至少选择一个${p.label}`;
      else params[p.name] = p.options.map((o) => o.value).filter((v) => vs.includes(v));
    } else {
      const r = parseDisplayNumber(form.get(field), MIN_AMOUNT_UNIT);
      if (r.kind === "error") errors[field] = r.message;
      else if (r.kind === "ok") params[p.name] = r.base;
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const stored = derivationError({ rule, params });
  if (stored) return { ok: false, errors: { rule: stored } };
  return { ok: true, value: { rule, params } };
}

/** The form's values for a stored derivation (to prefill an edit form). */
export function derivationFormValues(d: Derivation | null): Record<string, string | string[]> {
  if (!d) return {};
  const out: Record<string, string | string[]> = { rule: d.rule };
  const spec = ruleSpec(d.rule);
  for (const p of spec?.params ?? []) {
    const v = d.params[p.name];
    const field = paramFieldName(d.rule, p.name);
    if (p.kind === "boolean") out[field] = v === true ? "1" : "";
    else if (p.kind === "choices") out[field] = Array.isArray(v) ? v.map(String) : [];
    else if (p.kind === "amount") out[field] = typeof v === "number" ? baseToDisplayExact(v, MIN_AMOUNT_UNIT.scale) : "";
    else out[field] = typeof v === "string" ? v : "";
  }
  return out;
}

export interface DefinitionShape {
  kind: "reported" | "derived" | "milestone";
  aggregation: "sum" | "ratio" | "count";
  /** The indicator's unit: base symbol 万元 means money. */
  unit: { baseSymbol: string; scale: number; symbol: string };
  derivation: Derivation | null;
}

/**
 * The rule must fit the indicator: reported indicators have none; derived and milestone ones
 * need one whose aggregation and measure match (a count in 个, money in 万元/亿元). Errors keyed
 * by form field.
 */
export function definitionErrors(d: DefinitionShape): Record<string, string> {
  const errors: Record<string, string> = {};
  if (d.kind === "reported") return errors;
  if (!d.derivation) return { rule: "台账计算和里程碑指标必须选择计算规则" };
  const spec = ruleSpec(d.derivation.rule);
  if (!spec) return { rule: "不支持的计算规则" };
  const stored = derivationError(d.derivation);
  if (stored) errors.rule = stored;
  if (d.aggregation !== spec.aggregation) errors.aggregation = `计算规则“${spec.label}”的汇总方式应为“${AGGREGATION_LABELS[spec.aggregation]}”`;
  const isMoney = d.unit.baseSymbol === "万元";
  if (spec.measure === "money" && !isMoney) errors.unitCode = `计算规则“${spec.label}”得到的是金额，单位应为亿元或万元`;
  if (spec.measure === "count" && (isMoney || d.unit.scale !== 1)) errors.unitCode = `计算规则“${spec.label}”得到的是个数，单位应为“个”等计数单位`;
  return errors;
}

export const KIND_OPTIONS = [
  { value: "reported", label: "填报（区县每月填报）" },
  { value: "derived", label: "台账计算（由项目、难题、签约台账计算）" },
  { value: "milestone", label: "里程碑（达到某状态的个数）" },
] as const;

export const AGGREGATION_LABELS = { sum: "求和", ratio: "比率（Σ分子 ÷ Σ分母）", count: "计数" } as const;
export const ACCUMULATION_LABELS = { flow: "按月累加（各月之和）", stock: "时点值（取最近一个月）" } as const;
