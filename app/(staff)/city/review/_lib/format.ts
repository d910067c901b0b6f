/** How the review pages write figures: display units, full precision (13.98 亿元, not 14). Pure. */
import type { FigureData } from "./baseline";
import { formatBase, formatPercent, formatWithUnit } from "@/domain/format";

export interface UnitLike {
  symbol: string;
  scale: number;
}

const decimalsOf = (scale: number) => Math.round(Math.log10(scale));

/** "13.98 亿元": every stored digit, grouped. */
export function exact(base: number, unit: UnitLike): string {
  return formatWithUnit(base, { code: "", symbol: unit.symbol, scale: unit.scale }, decimalsOf(unit.scale));
}

export const WAN_YUAN: UnitLike = { symbol: "万元", scale: 1 };
export const YI_YUAN: UnitLike = { symbol: "亿元", scale: 10_000 };

export interface FigureKind {
  aggregation: "sum" | "ratio" | "count";
  unit: UnitLike;
  partUnit: UnitLike | null;
}

/** A figure as the reviewer reads it: "13.98 亿元", "60.0%（432 / 720 亿元）", "本月无数据" or "—". */
export function figureText(k: FigureKind, cell: FigureData | undefined | null): string {
  if (!cell) return "—";
  if (cell.noData) return "本月无数据";
  if (k.aggregation === "ratio") {
    if (cell.numerator == null || cell.denominator == null) return "—";
    const part = k.partUnit ?? k.unit;
    const parts = `${formatBase(cell.numerator, part.scale, decimalsOf(part.scale))} / ${exact(cell.denominator, part)}`;
    return cell.denominator === 0 ? `—（${parts}）` : `${formatPercent(cell.numerator / cell.denominator)}（${parts}）`;
  }
  return cell.value == null ? "—" : exact(cell.value, k.unit);
}

/** A project month amount: "1,234 万元", or "—" for no row. */
export function amountText(v: number | null): string {
  return v == null ? "—" : exact(v, WAN_YUAN);
}
