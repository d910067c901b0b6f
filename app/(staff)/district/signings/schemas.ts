/**
 * Parsing of the signing form (server side). The amount is typed in the unit's display form
 * (亿元) and stored exactly in base units (万元) by parseDisplayNumber: blank is missing, never 0.
 */
import { z } from "zod";
import { isDate, todayInShanghai } from "@/domain/months";
import type { AmountBounds } from "@/domain/amount-bounds";
import { parseDisplayNumber, type UnitDef } from "@/domain/numbers";
import type { SigningFields } from "@/db/mutations/signings";
import { fieldErrorsOf, flagSchema, optionalDate, optionalIdSchema, optionalText, requiredDate, requiredText } from "../_lib/form-parse";

export const signingFieldNames = ["name", "investor", "amount", "isOverseas", "isCultureTourism", "eventId", "signedOn", "landedOn", "isPublic"] as const;
export const flagFields = ["isOverseas", "isCultureTourism", "isPublic"] as const;

const signingSchema = z
  .object({
    name: requiredText("项目名称", 100),
    investor: optionalText("投资方", 100),
    amount: z.string().max(40, "金额过长"),
    isOverseas: flagSchema,
    isCultureTourism: flagSchema,
    eventId: optionalIdSchema,
    signedOn: requiredDate("签约日期"),
    landedOn: optionalDate("落地日期"),
    isPublic: flagSchema,
  })
  .superRefine((v, ctx) => {
    const today = todayInShanghai();
    if (isDate(v.signedOn) && v.signedOn > today) ctx.addIssue({ code: "custom", path: ["signedOn"], message: "签约日期不能晚于今天" });
    if (v.landedOn && v.landedOn > today) ctx.addIssue({ code: "custom", path: ["landedOn"], message: "落地日期不能晚于今天" });
    if (v.landedOn && isDate(v.signedOn) && v.landedOn < v.signedOn) ctx.addIssue({ code: "custom", path: ["landedOn"], message: "落地日期不能早于签约日期" });
  });

export type ParsedSigning = { ok: true; data: SigningFields } | { ok: false; fieldErrors: Record<string, string> };

/** `bounds`: the city's upper bounds of amounts (plausibility settings); the defaults when not given. */
export function parseSigningForm(values: Record<string, string>, unit: UnitDef, bounds?: AmountBounds): ParsedSigning {
  const parsed = signingSchema.safeParse(values);
  const fieldErrors = parsed.success ? {} : fieldErrorsOf(parsed.error.issues);
  const amount = parseDisplayNumber(values.amount, unit, { bounds });
  if (amount.kind === "missing") fieldErrors.amount ??= `请填写签约金额（${unit.symbol}）`;
  if (amount.kind === "error") fieldErrors.amount ??= amount.message;
  if (!parsed.success || amount.kind !== "ok" || Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };
  return { ok: true, data: { ...parsed.data, amount: amount.base } };
}
