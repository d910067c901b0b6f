/**
 * Form parsing for the project pages. Everything a form sends is re-read here: ids are only
 * candidates until the action looks them up and compares them with the caller's scope; amounts
 * go through parseDisplayNumber (blank is missing, never 0); dates must be real dates.
 */
import { z } from "zod";
import { isDate, isMonth } from "@/domain/months";
import type { AmountBounds } from "@/domain/amount-bounds";
import { parseDisplayNumber, type UnitDef } from "@/domain/numbers";
import { codeSchema, longTextSchema, nameSchema, noteSchema as noteTextSchema, optionalLineSchema } from "@/domain/text-rules";
import { PROJECT_STAGES } from "@/domain/codes";
import { WAN_YUAN, YI_YUAN } from "@/domain/project-format";
import { parseCoordinates } from "@/domain/map/coordinates";

import { formText, optionalIdSchema } from "@/app/_lib/form-parse";

const optionalDateSchema = z
  .string()
  .trim()
  .transform((s, ctx) => {
    if (s === "") return null;
    if (!isDate(s)) {
      ctx.addIssue({ code: "custom", message: "请输入有效日期，格式为 2023-10-08" });
      return z.NEVER;
    }
    return s;
  });

export const monthSchema = z.string().refine(isMonth, "月份无效");

/** A required amount in `unit`, stored in base units; blank is an error here (not 0). */
function amountSchema(unit: UnitDef, missingMessage: string, bounds?: AmountBounds) {
  return z.string().transform((s, ctx) => {
    const r = parseDisplayNumber(s, unit, { bounds });
    if (r.kind === "ok") return r.base;
    ctx.addIssue({ code: "custom", message: r.kind === "missing" ? missingMessage : r.message });
    return z.NEVER;
  });
}

const checkbox = z.enum(["", "1"], { error: "选项无效" }).transform((v) => v === "1");

/** The register form; amounts bounded by the city's settings (`bounds`), the defaults when not given. */
export const registerSchemaWith = (bounds?: AmountBounds) =>
  z
    .object({
      code: codeSchema("项目代码", 40),
      name: nameSchema("项目名称", 100),
      sectorId: optionalIdSchema.refine((v) => v !== null, "请选择行业"),
      actionId: optionalIdSchema,
      owner: optionalLineSchema("业主单位", 100),
      totalInvestment: amountSchema(YI_YUAN, "请填写总投资（亿元）", bounds),
      annualPlannedInvestment: amountSchema(YI_YUAN, "请填写年度计划投资（亿元）", bounds),
      plannedStartOn: optionalDateSchema,
      plannedCompletionOn: optionalDateSchema,
      isKey: checkbox,
      isPublic: checkbox,
      description: longTextSchema("项目简介", 1000),
      longitude: z.string().default(""),
      latitude: z.string().default(""),
    })
    .superRefine((v, ctx) => {
      if (v.annualPlannedInvestment > v.totalInvestment) {
        ctx.addIssue({ code: "custom", path: ["annualPlannedInvestment"], message: "年度计划投资不能大于总投资" });
      }
      if (v.plannedStartOn && v.plannedCompletionOn && v.plannedCompletionOn < v.plannedStartOn) {
        ctx.addIssue({ code: "custom", path: ["plannedCompletionOn"], message: "计划建成日期不能早于计划开工日期" });
      }
      const site = parseCoordinates(v.longitude, v.latitude);
      if (!site.ok) for (const [path, message] of Object.entries(site.errors)) ctx.addIssue({ code: "custom", path: [path], message });
    })
    .transform(({ longitude, latitude, ...rest }) => {
      const site = parseCoordinates(longitude, latitude);
      return { ...rest, longitude: site.ok ? site.longitude : null, latitude: site.ok ? site.latitude : null };
    });

export const registerSchema = registerSchemaWith();

export const REGISTER_FIELDS = [
  "code",
  "name",
  "sectorId",
  "actionId",
  "owner",
  "totalInvestment",
  "annualPlannedInvestment",
  "plannedStartOn",
  "plannedCompletionOn",
  "isKey",
  "isPublic",
  "description",
  "longitude",
  "latitude",
] as const;

/** The register fields as sent, to echo back into the form after an error. */
export function registerValues(formData: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of REGISTER_FIELDS) out[k] = formText(formData, k);
  out.isKey = out.isKey === "1" ? "1" : "";
  out.isPublic = out.isPublic === "1" ? "1" : "";
  return out;
}

/**
 * Stage and actual dates must agree: a project in preparation has neither date, one under
 * construction has started and not finished, a completed one has both (completion not before
 * start); a suspended one may have started but has not finished.
 */
export const stageSchema = z
  .object({
    stage: z.enum(PROJECT_STAGES, { error: "请选择阶段" }),
    actualStartOn: optionalDateSchema,
    actualCompletionOn: optionalDateSchema,
  })
  .superRefine((v, ctx) => {
    const start = (message: string) => ctx.addIssue({ code: "custom", path: ["actualStartOn"], message });
    const completion = (message: string) => ctx.addIssue({ code: "custom", path: ["actualCompletionOn"], message });
    switch (v.stage) {
      case "preparing":
        if (v.actualStartOn) start("前期筹备的项目不能有实际开工日期；已开工请选择“在建”");
        if (v.actualCompletionOn) completion("前期筹备的项目不能有实际建成日期");
        break;
      case "under_construction":
        if (!v.actualStartOn) start("在建项目必须填写实际开工日期");
        if (v.actualCompletionOn) completion("在建项目不能有实际建成日期；已建成请选择“已建成”");
        break;
      case "completed":
        if (!v.actualStartOn) start("已建成的项目必须填写实际开工日期");
        if (!v.actualCompletionOn) completion("已建成的项目必须填写实际建成日期");
        if (v.actualStartOn && v.actualCompletionOn && v.actualCompletionOn < v.actualStartOn) completion("实际建成日期不能早于实际开工日期");
        break;
      case "suspended":
        if (v.actualCompletionOn) completion("暂停的项目不能有实际建成日期");
        break;
    }
  });

/**
 * One month's investment in 万元: blank is "missing" (the caller decides what that means), 0 is zero.
 * Its ceiling is not the generic 万元 bound but the project's own total investment (itself bounded
 * when the project is registered): a month above it is refused by the project rule, which names the
 * amounts ("本月 10,011,002.1 亿元，为该项目总投资 10.0 亿元的 … 倍"), the more useful message. Only a
 * number too large to store exactly is refused here.
 */
export function parseInvestment(raw: string): { kind: "missing" } | { kind: "ok"; base: number } | { kind: "error"; message: string } {
  return parseDisplayNumber(raw, WAN_YUAN, { bounds: { wan_yuan: Number.MAX_SAFE_INTEGER } });
}

/** A project month's note: blank is null; control or direction characters and over 200 characters are refused, never cut. */
export const noteSchema = noteTextSchema("说明", 200);
/** The same rule where the project page calls it 备注. */
export const remarkSchema = noteTextSchema("备注", 200);
