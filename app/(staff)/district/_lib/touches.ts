/** The months a record write changes figures in (rule 3), as (month, form field) pairs. Pure. */

/** A date whose month the write affects, and the form field to report a closed month on. */
export interface MonthTouch {
  month: string;
  field: string;
  /** "签约日期" etc.; "原…" when it is the date being moved away from. */
  label: string;
}

/** Distinct touches (the same month and field once); false/null entries are skipped. */
export function uniqueTouches(touches: (MonthTouch | null | false)[]): MonthTouch[] {
  const seen = new Set<string>();
  const out: MonthTouch[] = [];
  for (const t of touches) {
    if (!t) continue;
    const key = `${t.month}|${t.field}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(t);
  }
  return out;
}
