/**
 * Form parsing shared by the problem, signing and park actions. Everything a form sends is
 * re-read here with zod on the server; ids are only candidates until the action looks them up
 * and compares them with the caller's scope.
 */
import { z } from "zod";
import { isDate } from "@/domain/months";
import { nameSchema, optionalLineSchema, requiredNoteSchema } from "@/domain/text-rules";

/**
 * Kept only for the signing pages until they import app/_lib/form-parse (and action-state) themselves:
 * every other caller does. Remove these re-exports with that change.
 */
export { formFlag, optionalIdSchema, targetSchema, namedFormValues as formValues } from "@/app/_lib/form-parse";
/** One line of required text (names, units): control and direction characters refused, too long refused (app/_lib/text-rules.ts). */
export function requiredText(label: string, max: number) {
  return nameSchema(label, max);
}

/** Required text that may run over several lines (descriptions, resolutions). */
export function requiredMultilineText(label: string, max: number) {
  return requiredNoteSchema(label, max);
}

export function optionalText(label: string, max: number) {
  return optionalLineSchema(label, max);
}

const DATE_HINT = "格式为 年-月-日，例如 2023-10-15";

export function requiredDate(label: string) {
  return z
    .string()
    .trim()
    .min(1, `请填写${label}`)
    .refine((s) => isDate(s), `${label}不是有效日期，${DATE_HINT}`);
}

/** Blank = no date (null). */
export function optionalDate(label: string) {
  return z
    .string()
    .trim()
    .refine((s) => s === "" || isDate(s), `${label}不是有效日期，${DATE_HINT}`)
    .transform((s) => (s === "" ? null : s));
}

export const flagSchema = z.enum(["", "1"], { error: "选项无效" }).transform((v) => v === "1");

/** Signing pages only, as above. */
export { fieldErrorsOf } from "@/app/_lib/action-state";
