/**
 * The figures form's rows as the client form shows them (names, units, last month, the cumulative
 * so far, saved plausibility reminders, 同上月): built from the loaded month by the page, and by
 * a draft save from what its own transaction stored, so the save can answer with its state alone
 * (no second render of the page into the reply). Server-side; pure.
 */
import { formatRatioPercent, formatWithUnit } from "@/domain/format";
import type { EntryRow, LastMonthCell } from "../../../_lib/figures-load";
import type { FormRow, SavedRow } from "./figures-row";
import { sameAsLastMonth } from "./form-values";

type Cell = LastMonthCell | null;

/** A month's value as the form's 上月 column prints it. */
export function valueText(r: Pick<EntryRow, "indicator">, cell: Cell): string {
  if (!cell) return "—";
  if (cell.noData) return "本月无数据";
  if (r.indicator.aggregation === "ratio") {
    if (cell.numerator == null || !cell.denominator) return "—";
    return formatRatioPercent(cell.numerator, cell.denominator);
  }
  return cell.value == null ? "—" : formatWithUnit(cell.value, r.indicator.unit, r.indicator.decimals);
}

export interface FormFlag {
  indicatorId: number | null;
  rule: string;
  message: string;
  note: string;
}

type RowWithValue = EntryRow & { current: { value: number | null } | null };

export function toFormRows(rows: readonly RowWithValue[], flags: readonly FormFlag[], ownerNames: ReadonlyMap<number, string | null>): FormRow[] {
  return rows.map((r) => {
    const part = r.indicator.partUnit ?? r.indicator.unit;
    return {
      id: r.indicator.id,
      name: r.indicator.name,
      ratio: r.indicator.aggregation === "ratio",
      unit: r.indicator.unit.symbol,
      partUnit: part.symbol,
      numeratorLabel: r.indicator.numeratorLabel ?? "分子",
      denominatorLabel: r.indicator.denominatorLabel ?? "分母",
      lastMonth: valueText(r, r.lastMonth),
      previousYtd: formatWithUnit(r.context.previousYtd, r.indicator.unit, r.indicator.decimals),
      ytd: ytdText(r),
      section: r.indicator.section,
      flags: flagsOf(flags, r.indicator.id),
      ownerName: r.indicator.ownerDepartmentId != null ? (ownerNames.get(r.indicator.ownerDepartmentId) ?? null) : null,
      same: sameAsLastMonth(r),
    };
  });
}

/**
 * What a draft save changes in the rows the page gave the form (figures-row.tsx, withSaved):
 * the cumulative with this month's stored value, and the reminders stored with it. The rest of
 * a row (names, units, last month, the cumulative before this month, 同上月) does not depend on
 * this month's values, so the reply leaves it out (issue #17: 22.5 KB → the form's values and
 * these).
 */
export function toSavedRows(rows: readonly RowWithValue[], flags: readonly FormFlag[]): SavedRow[] {
  return rows.map((r) => ({ id: r.indicator.id, ytd: ytdText(r), flags: flagsOf(flags, r.indicator.id) }));
}

const ytdText = (r: RowWithValue) => (r.current?.value != null ? formatWithUnit(r.context.previousYtd + r.current.value, r.indicator.unit, r.indicator.decimals) : "");
const flagsOf = (flags: readonly FormFlag[], indicatorId: number) => flags.filter((f) => f.indicatorId === indicatorId).map((f) => ({ rule: f.rule, message: f.message, note: f.note }));
