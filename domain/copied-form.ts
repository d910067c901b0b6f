/**
 * The whole-form check of the monthly figures: a form identical to last month (every filled
 * indicator the same) is a warning the clerk answers with a note for the whole form. Pure; the
 * per-indicator checks are in ./figure-entry.ts.
 */
import { checkNote } from "./text-rules";
import { FIGURE_RULES, NOTE_MAX, type EntryFlag, type EntryResult } from "./figure-entry";

/** Fewest filled indicators for "the whole form equals last month" to mean anything. */
export const COPIED_FORM_MIN_INDICATORS = 3;

export interface FormEntry {
  indicatorId: number;
  result: EntryResult;
  /** Last month's stored cell of this indicator, if any. */
  last: { value: number | null; numerator: number | null; denominator: number | null; noData?: boolean } | null;
}

export type CopiedFormResult =
  | { kind: "ok" }
  | { kind: "error"; message: string }
  /** Kept with the form note: one flag, stored on the first indicator whose value equals last month. */
  | { kind: "flag"; indicatorId: number; flag: EntryFlag; note: string };

/**
 * A form copied from last month: every filled indicator (at least COPIED_FORM_MIN_INDICATORS)
 * equal to last month's value. A warning on the whole form, kept only with a form-level note.
 */
export function checkCopiedForm(entries: FormEntry[], formNote: string | null | undefined): CopiedFormResult {
  const filled = entries.filter((e) => e.result.kind === "value" || e.result.kind === "ratio");
  if (filled.length < COPIED_FORM_MIN_INDICATORS) return { kind: "ok" };
  const same = (e: FormEntry) => {
    const r = e.result;
    if (!e.last || e.last.noData) return false;
    if (r.kind === "value") return e.last.value === r.value;
    if (r.kind === "ratio") return e.last.numerator === r.numerator && e.last.denominator === r.denominator;
    return false;
  };
  if (!filled.every(same)) return { kind: "ok" };
  const message = `本表已填的 ${filled.length} 项指标与上月数值完全相同，疑似照抄上月报表`;
  const checked = checkNote(formNote, "整表说明", NOTE_MAX);
  if (!checked.ok) return { kind: "error", message: checked.message };
  const note = checked.note;
  if (!note) return { kind: "error", message: `${message}。请核实；确认无误请在“整表说明”中写明原因` };
  return { kind: "flag", indicatorId: filled[0]!.indicatorId, flag: { rule: FIGURE_RULES.copiedForm, message }, note };
}
