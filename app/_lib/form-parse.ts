/**
 * The one home of form plumbing for server actions: reading values out of FormData and the zod
 * schemas for ids and versions. Everything a form sends is re-read on the server; an id from a form
 * is only "which record" until the action looks it up and compares it with the caller's scope.
 */
import { z } from "zod";

/** A form value as text: absent fields and file uploads read as "". */
export function formText(formData: FormData, name: string): string {
  const v = formData.get(name);
  return typeof v === "string" ? v : "";
}

/** A checkbox: "1" when ticked, "" otherwise (whatever else was sent). */
export function formFlag(formData: FormData, name: string): "1" | "" {
  return formText(formData, name) === "1" ? "1" : "";
}

/** The named values of a form as text, for echoing back after an error. */
export function namedFormValues<K extends string>(formData: FormData, names: readonly K[]): Record<K, string> {
  return Object.fromEntries(names.map((n) => [n, formText(formData, n)])) as Record<K, string>;
}

/** All string values of a form, for echoing back after an error (never files, never Next's `$…` fields). */
export function allFormValues(formData: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of formData.entries()) if (typeof v === "string" && !k.startsWith("$")) out[k] = v;
  return out;
}

const POSITIVE_ID = /^[1-9]\d{0,8}$/;

/** A positive integer id (record ids, versions, select values), or a plain-text error for anything else. */
export const idSchema = z.string().trim().regex(POSITIVE_ID, "编号无效").transform(Number);

/** An optional select value: blank means "none". */
export const optionalIdSchema = z
  .string()
  .trim()
  .refine((s) => s === "" || POSITIVE_ID.test(s), "选项无效")
  .transform((s) => (s === "" ? null : Number(s)));

/** A version from a hidden field: a positive integer, or blank for "no record yet" where allowed. */
export const optionalVersionSchema = z
  .string()
  .trim()
  .regex(/^([1-9]\d{0,8})?$/, "版本无效")
  .transform((s) => (s === "" ? null : Number(s)));

/** The version a set-up form was loaded with; anything else means the page is out of date. */
export const versionSchema = z.string().trim().regex(/^\d{1,9}$/, "表单已失效").transform(Number);

/** The record a form was loaded with and the version it saw. */
export const targetSchema = z.object({ id: idSchema, version: idSchema });
