/**
 * Form parsing shared by the set-up actions: every value is re-read with zod on the server;
 * ids from the form are only "which record" and are looked up again before use.
 */
import { z } from "zod";
import { longTextSchema, nameSchema as lineSchema } from "@/domain/text-rules";

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

export const directionSchema = z.enum(["up", "down"]);
