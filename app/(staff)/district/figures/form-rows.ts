/**
 * The figures form's rows as the client form shows them (names, units, last month, the cumulative
 * so far, saved plausibility reminders, 同上月): built from the loaded month by the page, and by
 * a draft save from what its own transaction stored, so the save can answer with its state alone
 * (no second render of the page into the reply). Server-side; pure.
 */
import { formatRatioPercent, formatWithUnit } from "@/domain/format";
import type { FigureRow } from "../../../_lib/figures-load";
import type { FormRow } from "./figures-row";
import { sameAsLastMonth } from "./form-values";

type Cell = FigureRow["current"];

/** A month's value as the form's 上月 column prints it. */
export function valueText(r: Pick<FigureRow, "indicator">, cell: Cell): string {
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

export function toFormRows(rows: readonly (Omit<FigureRow, "current"> & { current: { value: number | null } | null })[], flags: readonly FormFlag[], ownerNames: ReadonlyMap<number, string | null>): FormRow[] {
  return rows.map((r) => {
    const part = r.indicator.partUnit ?? r.indicator.unit;
    const cur = r.current;
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
      ytd: cur?.value != null ? formatWithUnit(r.context.previousYtd + cur.value, r.indicator.unit, r.indicator.decimals) : "",
      section: r.indicator.section,
      flags: flags.filter((f) => f.indicatorId === r.indicator.id).map((f) => ({ rule: f.rule, message: f.message, note: f.note })),
      ownerName: r.indicator.ownerDepartmentId != null ? (ownerNames.get(r.indicator.ownerDepartmentId) ?? null) : null,
      same: sameAsLastMonth(r),
    };
  });
}
