/**
 * Form parsing shared by the set-up actions: every value is re-read with zod on the server;
 * ids from the form are only "which record" and are looked up again before use.
 */
import { z } from "zod";
import { longTextSchema, nameSchema as lineSchema } from "@/domain/text-rules";

/** A form value as text: absent fields and file uploads read as "". */
export function formText(formData: FormData, name: string): string {
  const v = formData.get(name);
  return typeof v === "string" ? v : "";
}

/** All string values of a form, for echoing back after an error (never files). */
export function formValues(formData: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of formData.entries()) if (typeof v === "string" && !k.startsWith("$")) out[k] = v;
  return out;
}

export const idSchema = z.string().trim().regex(/^[1-9]\d{0,8}$/, "编号无效").transform(Number);

export const optionalIdSchema = z
  .string()
  .trim()
  .max(12)
  .transform((s, ctx) => {
    if (s === "") return null;
    if (!/^[1-9]\d{0,8}$/.test(s)) {
      ctx.addIssue({ code: "custom", message: "选项无效" });
      return z.NEVER;
    }
    return Number(s);
  });

/** Stable lowercase codes, as the data uses them (key_investment, jinjiang). */
export const codeSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z][a-z0-9_]{1,39}$/, "代码为 2–40 个字符：小写字母开头，只能包含小写字母、数字和下划线");

/** Names: one line, no control or direction characters, too long refused (app/_lib/text-rules.ts). */
export const nameSchema = (label: string, max = 60) => lineSchema(label, max);
/** Optional texts (some are text areas, so line breaks and tabs are kept); other control and direction characters refused. */
export const optionalText = (label: string, max: number) => longTextSchema(label, max);

export const checkbox = z.enum(["", "1"], { error: "选项无效" }).transform((v) => v === "1");

export const versionSchema = z.string().trim().regex(/^\d{1,9}$/, "表单已失效").transform(Number);

export const directionSchema = z.enum(["up", "down"]);
