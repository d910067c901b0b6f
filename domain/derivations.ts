/**
 * The supported derivation rules: how a derived or milestone indicator is counted from the
 * records (projects, problems, signings, parks). The single catalogue the indicator form, its
 * validation and the copy of a campaign use. An indicator stores `{ rule, params }` as data;
 * there is no free-form code or SQL anywhere — each rule has one query module in
 * db/queries/derivations/ that defines which records count, for both the rollup points and the
 * drill-down records. Adding a rule: its entry here plus one module there (and its line in that
 * folder's index, which the type system requires).
 * folder's index, which the type system requires). The indicator form's reading and checks:
 * ./derivation-form.ts; the rules in words: ./derivation-words.ts.
 *
 * Pure (no server-only): unit-tested in tests/unit/setup-derivations.test.ts.
 */
import { z } from "zod";
import { PARK_STATUS_LABELS, PROBLEM_TYPE_LABELS } from "./record-labels";
import { PARK_STATUSES, PROBLEM_TYPES } from "./codes";

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

/** Amount parameters are typed and shown in 亿元 (stored in 万元). */
export const MIN_AMOUNT_UNIT = { code: "yi_yuan", symbol: "亿元", scale: 10000 };
