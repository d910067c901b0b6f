/**
 * The one rule for text people type (forms and Excel imports alike), so a code or a note is
 * judged the same way wherever it comes in:
 * - codes (project, park, signing, problem, set-up codes) hold only A–Z a–z 0–9 _ - and Chinese
 *   characters (CJK Unified Ideographs and Extension A);
 * - names and free text refuse control characters (C0, DEL, C1; multi-line text keeps \n and \t)
 *   and the bidirectional marks, overrides and isolates that make text read differently from
 *   what is stored (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C);
 * - text longer than its limit is refused with both numbers, never cut.
 * Pure, so it is unit-tested (tests/unit/text-rules.test.ts) and used by client-free code.
 */
import { z } from "zod";

const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/u;
const CONTROL_SINGLE_LINE = /[\u0000-\u001F\u007F-\u009F]/u;
const CONTROL_MULTI_LINE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/u;
const CODE = /^[A-Za-z0-9_\-\u3400-\u4DBF\u4E00-\u9FFF]+$/u;

/** Characters as a person counts them (a Chinese character or an emoji is one). */
export const charCount = (s: string): number => [...s].length;

/** Form text areas post line breaks as \r\n: stored as \n. */
const normaliseLines = (s: string) => s.replace(/\r\n?/g, "\n");

/** Why `s` cannot be stored as free text (null when it can). */
export function textProblem(s: string, label: string, opts: { multiline?: boolean } = {}): string | null {
  if (BIDI.test(s)) return `${label}含有改变文字方向的隐藏字符，请删除后重新输入（可先粘贴到记事本再复制）`;
  if ((opts.multiline ? CONTROL_MULTI_LINE : CONTROL_SINGLE_LINE).test(s)) {
    return opts.multiline ? `${label}含有不可见的控制字符，请删除后重新输入` : `${label}含有换行或不可见的控制字符，请删除后重新输入`;
  }
  return null;
}

/** "说明最多 500 字，现为 612 字" when too long, else null. */
export function lengthProblem(s: string, label: string, max: number): string | null {
  const n = charCount(s);
  return n > max ? `${label}最多 ${max} 字，现为 ${n} 字` : null;
}

/** Why `s` is not a valid code (null when it is). `s` is taken as already trimmed. */
export function codeProblem(s: string, label: string, max: number): string | null {
  if (s === "") return `请填写${label}`;
  const bad = textProblem(s, label);
  if (bad) return bad;
  if (!CODE.test(s)) return `${label}只能包含字母、数字、下划线（_）、连字符（-）和汉字`;
  return lengthProblem(s, label, max);
}

/** A code as typed: full-width letters and digits folded (NFKC), trimmed, then checked. */
export function codeSchema(label: string, max = 40) {
  return z
    .string()
    .transform((s) => s.normalize("NFKC").trim())
    .superRefine((s, ctx) => {
      const p = codeProblem(s, label, max);
      if (p) ctx.addIssue({ code: "custom", message: p });
    });
}

function singleLine(label: string, max: number, required: boolean) {
  return z
    .string()
    .trim()
    .superRefine((s, ctx) => {
      const p = (required && s === "" ? `请填写${label}` : null) ?? textProblem(s, label) ?? lengthProblem(s, label, max);
      if (p) ctx.addIssue({ code: "custom", message: p });
    });
}

/** A required one-line name (project, signing, unit names, owner units). */
export const nameSchema = (label: string, max: number) => singleLine(label, max, true);
/** An optional one-line text; blank is "". */
export const optionalLineSchema = (label: string, max: number) => singleLine(label, max, false);

function multiLine(label: string, max: number, required: boolean) {
  return z
    .string()
    .transform((s) => normaliseLines(s).trim())
    .superRefine((s, ctx) => {
      const p = (required && s === "" ? `请填写${label}` : null) ?? textProblem(s, label, { multiline: true }) ?? lengthProblem(s, label, max);
      if (p) ctx.addIssue({ code: "custom", message: p });
    });
}

/** A required multi-line text (problem description, resolution). */
export const requiredNoteSchema = (label: string, max: number) => multiLine(label, max, true);

/**
 * For schemas written elsewhere (`z.string().trim().max(…).superRefine(hiddenCharacters("退回意见", true))`):
 * refuses control and direction characters with the same message.
 */
export function hiddenCharacters(label: string, multiline = false) {
  return (s: string, ctx: z.RefinementCtx) => {
    const p = textProblem(multiline ? normaliseLines(s) : s, label, { multiline });
    if (p) ctx.addIssue({ code: "custom", message: p });
  };
}

/** An optional multi-line text kept as "" when blank (project description). */
export const longTextSchema = (label: string, max: number) => multiLine(label, max, false);

/** An optional note or comment: blank is null; too long is refused, never cut. */
export const noteSchema = (label: string, max: number) => multiLine(label, max, false).transform((s) => (s === "" ? null : s));

/**
 * The same check for code paths that are not zod (figure entry, Excel rows): the note as it will
 * be stored (null when blank), or the message.
 */
export function checkNote(raw: string | null | undefined, label: string, max: number): { ok: true; note: string | null } | { ok: false; message: string } {
  const s = normaliseLines(raw ?? "").trim();
  if (s === "") return { ok: true, note: null };
  const p = textProblem(s, label, { multiline: true }) ?? lengthProblem(s, label, max);
  return p ? { ok: false, message: p } : { ok: true, note: s };
}
