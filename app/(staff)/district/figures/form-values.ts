import { FIGURE_RULES } from "@/domain/figure-entry";
import type { EntryRow, FigureRow } from "../../../_lib/figures-load";
import { baseToDisplayExact } from "@/domain/format";

/** What storedFormValues needs of a row: its indicator and the stored cell (or none). */
export type StoredRow = { indicator: FigureRow["indicator"]; current: Pick<NonNullable<FigureRow["current"]>, "value" | "numerator" | "denominator" | "note" | "noData" | "version"> | null };

/** The field names of one indicator's row in the figures form (and in a failed save's echoed values). */
export const fieldNames = (id: number) => ({ m: `m_${id}`, c: `c_${id}`, n: `n_${id}`, d: `d_${id}`, note: `note_${id}`, ver: `ver_${id}`, noData: `nodata_${id}` });

/** The form-level note, needed when the whole form equals last month. */
export const FORM_NOTE = "formnote";

/**
 * What the form shows for what is stored now: each row's value in its display unit (exact),
 * note, version and 本月无数据 mark, and the form note kept with a copied-form flag.
 */
export function storedFormValues(rows: readonly StoredRow[], flags: readonly { indicatorId: number | null; rule: string; note: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of rows) {
    const f = fieldNames(r.indicator.id);
    const cur = r.current;
    out[f.ver] = String(cur?.version ?? 0);
    out[f.note] = cur?.note ?? "";
    out[f.noData] = cur?.noData ? "1" : "";
    if (r.indicator.aggregation === "ratio") {
      const part = r.indicator.partUnit ?? r.indicator.unit;
      out[f.n] = cur?.numerator == null ? "" : baseToDisplayExact(cur.numerator, part.scale);
      out[f.d] = cur?.denominator == null ? "" : baseToDisplayExact(cur.denominator, part.scale);
    } else {
      out[f.m] = cur?.value == null ? "" : baseToDisplayExact(cur.value, r.indicator.unit.scale);
      out[f.c] = "";
    }
  }
  const ids = new Set(rows.map((r) => r.indicator.id));
  out[FORM_NOTE] = flags.find((f) => f.rule === FIGURE_RULES.copiedForm && f.indicatorId != null && ids.has(f.indicatorId))?.note ?? "";
  return out;
}

/**
 * What "同上月" puts into a row: last month's values in the row's two fields (numerator and
 * denominator of a ratio, or the month's value), exact, for slow-changing indicators only — those
 * the indicator data calls stock (as they stand at the end of a month: firm counts, areas). A
 * flow (a month's amount) is never copied forward. Null when last month has no value.
 */
export function sameAsLastMonth(r: Pick<EntryRow, "indicator" | "lastMonth">): { a: string; b: string } | null {
  const last = r.lastMonth;
  if (r.indicator.accumulation !== "stock" || !last || last.noData) return null;
  if (r.indicator.aggregation === "ratio") {
    const part = r.indicator.partUnit ?? r.indicator.unit;
    if (last.numerator == null || last.denominator == null) return null;
    return { a: baseToDisplayExact(last.numerator, part.scale), b: baseToDisplayExact(last.denominator, part.scale) };
  }
  return last.value == null ? null : { a: baseToDisplayExact(last.value, r.indicator.unit.scale), b: "" };
}
