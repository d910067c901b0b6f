/**
 * The supported derivation rules: how a derived or milestone indicator is counted from the
 * records (projects, problems, signings, parks). The single catalogue the indicator form, its
 * validation and the copy of a campaign use. An indicator stores `{ rule, params }` as data;
 * there is no free-form code or SQL anywhere — each rule has one query module in
 * db/queries/derivations/ that defines which records count, for both the rollup points and the
 * drill-down records. Adding a rule: its entry here plus one module there (and its line in that
 * folder's index, which the type system requires).
 *
 * Pure (no server-only): unit-tested in tests/unit/setup-derivations.test.ts.
 */
import { z } from "zod";
import { PARK_STATUS_LABELS, PROBLEM_TYPE_LABELS } from "./record-labels";
import { PARK_STATUSES, PROBLEM_TYPES } from "./codes";
import { baseToDisplayExact, parseDisplayNumber } from "./numbers";

export const RULE_CODES = [
  "projects_started",
  "projects_completed",
  "project_investment",
  "problems_resolved",
  "signings_sum",
  "signings_count",
  "parks_in_status",
] as const;
export type RuleCode = (typeof RULE_CODES)[number];

export interface Derivation {
  rule: string;
  params: Record<string, unknown>;
}

/** One parameter as the form shows it (serialisable: passed from server pages to client forms). */
export type ParamField =
  | { kind: "boolean"; name: string; label: string }
  | { kind: "choice"; name: string; label: string; options: { value: string; label: string }[] }
  | { kind: "choices"; name: string; label: string; options: { value: string; label: string }[] }
  /** An amount typed in 亿元 and stored in 万元. */
  | { kind: "amount"; name: string; label: string; hint: string };

export interface RuleSpec {
  rule: RuleCode;
  label: string;
  description: string;
  /** What it produces: a count (unit like 个) or an amount of money (unit in 万元/亿元). */
  measure: "count" | "money";
  /** The aggregation an indicator using it must have. */
  aggregation: "count" | "sum";
  params: ParamField[];
}

const problemOptions = PROBLEM_TYPES.map((t) => ({ value: t, label: PROBLEM_TYPE_LABELS[t] }));
const parkOptions = PARK_STATUSES.map((t) => ({ value: t, label: PARK_STATUS_LABELS[t] }));
const keyOnly: ParamField = { kind: "boolean", name: "keyOnly", label: "只计市重点项目" };
const signingParams: ParamField[] = [
  { kind: "boolean", name: "overseas", label: "只计侨港澳台和在外乡贤项目" },
  { kind: "boolean", name: "cultureTourism", label: "只计文旅经济项目" },
  { kind: "amount", name: "minAmount", label: "单个项目金额不低于（亿元）", hint: "空着表示不限金额" },
  { kind: "boolean", name: "landedOnly", label: "只计已落地项目（按落地日期计入）" },
];

export const RULES: readonly RuleSpec[] = [
  { rule: "projects_started", label: "新开工项目个数", description: "实际开工日期在本年内的项目个数，按开工月份计入", measure: "count", aggregation: "count", params: [keyOnly] },
  { rule: "projects_completed", label: "新建成项目个数", description: "实际建成日期在本年内的项目个数，按建成月份计入", measure: "count", aggregation: "count", params: [keyOnly] },
  { rule: "project_investment", label: "项目完成投资之和", description: "项目每月完成投资之和", measure: "money", aggregation: "sum", params: [keyOnly] },
  {
    rule: "problems_resolved",
    label: "已解决难题个数",
    description: "某类难题中本年内已解决的个数，按解决日期所在月份计入",
    measure: "count",
    aggregation: "count",
    params: [{ kind: "choice", name: "type", label: "难题类型", options: problemOptions }],
  },
  { rule: "signings_sum", label: "签约金额之和", description: "签约项目金额之和，按签约（或落地）日期所在月份计入", measure: "money", aggregation: "sum", params: signingParams },
  { rule: "signings_count", label: "签约项目个数", description: "签约项目个数，按签约（或落地）日期所在月份计入", measure: "count", aggregation: "count", params: signingParams },
  {
    rule: "parks_in_status",
    label: "达到某状态的园区个数",
    description: "状态为所选之一的园区个数，按进入试运营的日期计入",
    measure: "count",
    aggregation: "count",
    params: [
      { kind: "choices", name: "statuses", label: "园区状态", options: parkOptions },
      { kind: "boolean", name: "pilotOnly", label: "只计试点园区" },
    ],
  },
];

export function ruleSpec(rule: string): RuleSpec | undefined {
  return RULES.find((r) => r.rule === rule);
}

/* Stored parameters, exactly as the rollup queries read them. Flags of signings are stored only when set. */
const flag = z.literal(true).optional();
const PARAM_SCHEMAS: Record<RuleCode, z.ZodType<Record<string, unknown>>> = {
  projects_started: z.strictObject({ keyOnly: z.boolean() }),
  projects_completed: z.strictObject({ keyOnly: z.boolean() }),
  project_investment: z.strictObject({ keyOnly: z.boolean() }),
  problems_resolved: z.strictObject({ type: z.enum(PROBLEM_TYPES, { error: "请选择难题类型" }) }),
  signings_sum: z.strictObject({ overseas: flag, cultureTourism: flag, minAmount: z.number().int().nonnegative().optional(), landedOnly: flag }),
  signings_count: z.strictObject({ overseas: flag, cultureTourism: flag, minAmount: z.number().int().nonnegative().optional(), landedOnly: flag }),
  parks_in_status: z.strictObject({ statuses: z.array(z.enum(PARK_STATUSES)).min(1, "请至少选择一个园区状态"), pilotOnly: z.boolean() }),
};

/** Checks a stored {rule, params}; null when valid, else a Chinese message. */
export function derivationError(d: unknown): string | null {
  if (!d || typeof d !== "object") return "请选择计算规则";
  const { rule, params } = d as { rule?: unknown; params?: unknown };
  if (typeof rule !== "string" || !ruleSpec(rule)) return "不支持的计算规则";
  const r = PARAM_SCHEMAS[rule as RuleCode].safeParse(params ?? {});
  return r.success ? null : (r.error.issues[0]?.message ?? "计算规则的参数不完整");
}

/** Form field name of a rule's parameter: rules are radio choices, each with its own parameter inputs. */
export function paramFieldName(rule: string, param: string): string {
  return `p_${rule}_${param}`;
}

export type FormReader = { get(name: string): string; getAll(name: string): string[] };

const MIN_AMOUNT_UNIT = { code: "yi_yuan", symbol: "亿元", scale: 10000 };

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

/** A stored derivation in words, e.g. "签约项目个数：单个项目金额不低于 20 亿元、只计已落地项目". */
export function derivationSummary(d: Derivation | null): string {
  if (!d) return "—";
  const spec = ruleSpec(d.rule);
  if (!spec) return d.rule;
  const parts: string[] = [];
  for (const p of spec.params) {
    const v = d.params[p.name];
    if (p.kind === "boolean" && v === true) parts.push(p.label);
    if (p.kind === "choice" && typeof v === "string") parts.push(`${p.label}：${p.options.find((o) => o.value === v)?.label ?? v}`);
    if (p.kind === "choices" && Array.isArray(v)) parts.push(`${p.label}：${v.map((x) => p.options.find((o) => o.value === x)?.label ?? String(x)).join("、")}`);
    if (p.kind === "amount" && typeof v === "number") parts.push(`单个项目金额不低于 ${baseToDisplayExact(v, MIN_AMOUNT_UNIT.scale)} 亿元`);
  }
  return parts.length ? `${spec.label}：${parts.join("；")}` : spec.label;
}

/** How a derived or milestone indicator is counted, in words, from its rule and parameters (shown on the city pages). */
export function describeDerivation(kind: "reported" | "derived" | "milestone", derivation: { rule: string; params: Record<string, unknown> } | null): string {
  if (kind === "reported" || !derivation) return "由各区县每月填报，按月累计。";
  const p = derivation.params;
  const key = p.keyOnly === true ? "市重点项目" : "项目";
  switch (derivation.rule) {
    case "projects_started":
      return `由项目台账计算：实际开工日期在本年内的${key}个数，按开工月份计入。`;
    case "projects_completed":
      return `由项目台账计算：实际建成日期在本年内的${key}个数，按建成月份计入。`;
    case "project_investment":
      return `由项目台账计算：${key}每月完成投资之和。`;
    case "problems_resolved": {
      const type = PROBLEM_TYPE_LABELS[String(p.type) as keyof typeof PROBLEM_TYPE_LABELS] ?? String(p.type);
      return `由难题清单计算：类型为“${type}”、本年内已解决的难题个数，按解决日期所在月份计入。`;
    }
    case "signings_sum":
    case "signings_count": {
      const filters = [
        p.overseas === true ? "侨港澳台和在外乡贤" : null,
        p.cultureTourism === true ? "文旅经济" : null,
        typeof p.minAmount === "number" ? `单个项目 ${p.minAmount / 10000} 亿元以上` : null,
      ].filter(Boolean);
      const date = p.landedOnly === true ? "落地日期" : "签约日期";
      const what = derivation.rule === "signings_sum" ? "签约金额之和" : "签约项目个数";
      return `由签约台账计算：${filters.length ? filters.join("、") + "的" : ""}${what}，按${date}所在月份计入。`;
    }
    case "parks_in_status": {
      const statuses = Array.isArray(p.statuses) ? p.statuses.map((s) => PARK_STATUS_LABELS[String(s) as keyof typeof PARK_STATUS_LABELS] ?? String(s)) : ["试运营", "正式运营"];
      return `由园区台账计算：${p.pilotOnly === true ? "试点" : ""}园区中状态为“${statuses.join("”或“")}”的个数，按进入试运营的日期计入（上年已达到的从1月起计入）。`;
    }
    default:
      return "由台账计算。";
  }
}

export { INDICATOR_KIND_LABELS as KIND_LABELS } from "./labels";
