/**
 * The indicator form, parsed on the server. Definition rules: a ratio needs numerator and
 * denominator labels and their unit (and is shown in %); a reported indicator has no rule; a
 * derived or milestone indicator needs a supported rule (domain/derivations.ts) whose
 * parameters are complete and which fits the aggregation and unit.
 */
import { z } from "zod";
import { definitionErrors, parseDerivationForm } from "@/domain/derivation-form";
import { RULES } from "@/domain/derivations";
import type { IndicatorFields } from "@/db/mutations/setup/indicators";
import { ACCUMULATIONS, AGGREGATIONS, INDICATOR_KINDS } from "@/domain/codes";
import { checkbox, codeSchema, nameSchema, optionalText } from "./forms";
import { formText, optionalIdSchema } from "@/app/_lib/form-parse";

export interface UnitInfo {
  code: string;
  symbol: string;
  baseSymbol: string;
  scale: number;
}

const baseSchema = z.object({
  code: codeSchema,
  name: nameSchema("指标名称", 60),
  nameEn: optionalText("英文名称", 120),
  description: optionalText("说明", 500),
  actionId: z.string().trim().regex(/^[1-9]\d{0,8}$/, "请选择所属专项行动").transform(Number),
  ownerDepartmentId: optionalIdSchema,
  kind: z.enum(INDICATOR_KINDS, { error: "请选择指标类型" }),
  aggregation: z.enum(AGGREGATIONS, { error: "请选择汇总方式" }),
  accumulation: z.enum(ACCUMULATIONS, { error: "请选择累计方式" }),
  unitCode: z.string().trim().min(1, "请选择单位").max(20),
  partUnitCode: z.string().trim().max(20),
  numeratorLabel: optionalText("分子名称", 40),
  denominatorLabel: optionalText("分母名称", 40),
  decimals: z.string().trim().regex(/^[0-4]$/, "小数位数为 0–4").transform(Number),
  isPublic: checkbox,
  isHeadline: checkbox,
});

export const INDICATOR_TEXT_FIELDS = ["code", "name", "nameEn", "description", "actionId", "ownerDepartmentId", "kind", "aggregation", "accumulation", "unitCode", "partUnitCode", "numeratorLabel", "denominatorLabel", "decimals", "isPublic", "isHeadline", "rule"] as const;

/** Every value the form posted, as text (multi-choices joined with ","), to echo after an error. */
export function indicatorFormValues(fd: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of INDICATOR_TEXT_FIELDS) out[k] = formText(fd, k);
  for (const r of RULES) for (const p of r.params) {
    const name = `p_${r.rule}_${p.name}`;
    out[name] = fd.getAll(name).filter((v): v is string => typeof v === "string").join(",");
  }
  out.confirm = formText(fd, "confirm");
  return out;
}

export function parseIndicatorForm(fd: FormData, units: readonly UnitInfo[]): { ok: true; value: IndicatorFields } | { ok: false; errors: Record<string, string> } {
  const raw = Object.fromEntries(INDICATOR_TEXT_FIELDS.map((k) => [k, formText(fd, k)]));
  const parsed = baseSchema.safeParse(raw);
  const errors: Record<string, string> = {};
  if (!parsed.success) for (const i of parsed.error.issues) errors[String(i.path[0])] ??= i.message;
  const v = parsed.success ? parsed.data : null;
  const unit = units.find((u) => u.code === raw.unitCode);
  if (raw.unitCode && !unit) errors.unitCode = "请选择单位";
  const aggregation = v?.aggregation ?? raw.aggregation;
  const kind = v?.kind ?? raw.kind;

  let partUnitCode: string | null = null;
  let numeratorLabel: string | null = null;
  let denominatorLabel: string | null = null;
  if (aggregation === "ratio") {
    numeratorLabel = raw.numeratorLabel!.trim() || null;
    denominatorLabel = raw.denominatorLabel!.trim() || null;
    if (!numeratorLabel) errors.numeratorLabel ??= "比率指标必须填写分子名称，例如“在园规上工业企业数”";
    if (!denominatorLabel) errors.denominatorLabel ??= "比率指标必须填写分母名称，例如“规上工业企业数”";
    partUnitCode = raw.partUnitCode!.trim() || null;
    if (!partUnitCode || !units.some((u) => u.code === partUnitCode)) errors.partUnitCode = "比率指标必须选择分子、分母的单位";
    if (unit && unit.baseSymbol !== "0.01%") errors.unitCode ??= "比率指标的单位应为 %";
    if (kind !== "reported") errors.kind ??= "比率指标只能由区县填报（分子、分母）";
  }

  let derivation: IndicatorFields["derivation"] = null;
  if (kind === "derived" || kind === "milestone") {
    const d = parseDerivationForm({ get: (n) => formText(fd, n), getAll: (n) => fd.getAll(n).filter((x): x is string => typeof x === "string") });
    if (!d.ok) Object.assign(errors, d.errors);
    else {
      derivation = d.value;
      if (unit && aggregation !== "ratio") {
        for (const [k, m] of Object.entries(definitionErrors({ kind, aggregation: aggregation as "sum" | "count", unit, derivation }))) errors[k] ??= m;
      }
    }
  }
  if (Object.keys(errors).length > 0 || !v) return { ok: false, errors: Object.keys(errors).length ? errors : { _: "请检查标出的字段" } };
  return {
    ok: true,
    value: {
      code: v.code, kind: v.kind, aggregation: v.aggregation, accumulation: v.accumulation, unitCode: v.unitCode, partUnitCode, numeratorLabel, denominatorLabel, derivation,
      name: v.name, nameEn: v.nameEn, description: v.description, isPublic: v.isPublic, isHeadline: v.isHeadline, decimals: v.decimals, ownerDepartmentId: v.ownerDepartmentId, actionId: v.actionId,
    },
  };
}
