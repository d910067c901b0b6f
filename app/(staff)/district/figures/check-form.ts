import { checkCopiedForm, type FormEntry } from "@/domain/copied-form";
import { checkEntry } from "@/domain/figure-entry";
import { normaliseNumberText } from "@/domain/numbers";
import type { PlausibilitySettings } from "@/domain/plausibility/settings";
import type { FigureWrite } from "@/db/mutations/reports";
import { fieldNames, FORM_NOTE, sameAsLastMonth } from "./form-values";
import type { EntryRow } from "../../../_lib/figures-load";

const FIELD_KEY = { month: "m", cumulative: "c", numerator: "n", denominator: "d", note: "note" } as const;

/** Every row of a posted figures form checked (entry, plausibility, completeness at submit, copied form); writes only when fieldErrors is empty. */
export function checkFiguresForm(rows: EntryRow[], values: Record<string, string>, submit: boolean, settings: PlausibilitySettings): { fieldErrors: Record<string, string>; writes: FigureWrite[] } {
  const fieldErrors: Record<string, string> = {};
  const writes: FigureWrite[] = [];
  const entries: FormEntry[] = [];
  for (const row of rows) {
    const id = row.indicator.id;
    const f = fieldNames(id);
    const result = checkEntry(
      row.indicator,
      { month: values[f.m], cumulative: values[f.c], numerator: values[f.n], denominator: values[f.d], note: values[f.note], noData: values[f.noData] === "1" },
      row.context,
      settings,
    );
    if (result.kind === "error") {
      fieldErrors[`${FIELD_KEY[result.field]}_${id}`] = result.message;
      continue;
    }
    if (result.kind === "missing" && submit) {
      // Blank is never zero, and never silently "nothing to report": the clerk says so explicitly.
      fieldErrors[row.indicator.aggregation === "ratio" ? f.n : f.m] = "报送前请填写本项，或勾选“本月无数据”并写明原因";
      continue;
    }
    entries.push({ indicatorId: id, result, last: row.lastMonth });
    const expectedVersion = Number(values[f.ver] ?? "0");
    writes.push({
      indicatorId: id,
      code: row.indicator.code,
      expectedVersion: Number.isInteger(expectedVersion) && expectedVersion >= 0 ? expectedVersion : -1,
      value: result.kind === "value" ? result.value : null,
      numerator: result.kind === "ratio" ? result.numerator : null,
      denominator: result.kind === "ratio" ? result.denominator : null,
      note: result.note,
      noData: result.kind === "noData",
      flags: result.kind === "value" || result.kind === "ratio" ? [...result.flags] : [],
    });
  }
  // Judged on the whole form only once every row is valid, so fixing one row cannot make the warning appear or vanish.
  if (Object.keys(fieldErrors).length === 0) {
    const copied = checkCopiedForm(entries, values[FORM_NOTE]);
    if (copied.kind === "error") fieldErrors[FORM_NOTE] = copied.message;
    if (copied.kind === "flag") writes.find((w) => w.indicatorId === copied.indicatorId)!.flags!.push({ ...copied.flag, note: copied.note });
  }
  return { fieldErrors, writes };
}

const blank = (s: string | undefined) => normaliseNumberText(s ?? "") === "";

/**
 * Ticks 本月无数据 on every indicator of one section whose value fields are all blank (the posted
 * values, changed in place). Null when the form has no such section.
 */
export function markSectionNoData(rows: EntryRow[], values: Record<string, string>, sectionCode: string): { sectionName: string; count: number } | null {
  const inSection = rows.filter((r) => r.indicator.section.code === sectionCode);
  if (inSection.length === 0) return null;
  let count = 0;
  for (const r of inSection) {
    const f = fieldNames(r.indicator.id);
    if (values[f.noData] === "1" || ![f.m, f.c, f.n, f.d].every((k) => blank(values[k]))) continue;
    values[f.noData] = "1";
    count += 1;
  }
  return { sectionName: inSection[0]!.indicator.section.name, count };
}

/**
 * "同上月" without JavaScript: puts last month's values into one row (`same:<indicatorId>`), or
 * into every blank slow-changing row of a section (`samesec:<code>`), in the posted values
 * (changed in place; nothing is saved). Null when the form has no such row or section.
 */
export function fillSameAsLastMonth(rows: EntryRow[], values: Record<string, string>, target: { indicatorId: number } | { sectionCode: string }): { label: string; count: number } | null {
  const one = "indicatorId" in target;
  const chosen = one ? rows.filter((r) => r.indicator.id === target.indicatorId) : rows.filter((r) => r.indicator.section.code === target.sectionCode);
  if (chosen.length === 0 || (one && !sameAsLastMonth(chosen[0]!))) return null;
  let count = 0;
  for (const r of chosen) {
    const same = sameAsLastMonth(r);
    if (!same) continue;
    const f = fieldNames(r.indicator.id);
    const [a, b] = r.indicator.aggregation === "ratio" ? [f.n, f.d] : [f.m, f.c];
    if (!one && (values[f.noData] === "1" || !blank(values[a]) || !blank(values[b]))) continue;
    values[a] = same.a;
    values[b] = same.b;
    values[f.noData] = "";
    count += 1;
  }
  return { label: one ? chosen[0]!.indicator.name : chosen[0]!.indicator.section.name, count };
}
