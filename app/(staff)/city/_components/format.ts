/** Number texts of the city pages (pure). Amounts arrive in base units; ratios as fractions. */
import { baseToDisplayExact, formatPercent, formatWithUnit, type UnitDef } from "@/domain/numbers";

export interface UnitLike {
  unitSymbol: string;
  unitScale: number;
  decimals: number;
  aggregation: "sum" | "ratio" | "count";
}

export function unitOf(ind: { unitSymbol: string; unitScale: number }): UnitDef {
  return { code: "", symbol: ind.unitSymbol, scale: ind.unitScale };
}

/** Rounded to the indicator's decimals, in its display unit: "1,234.5 亿元", "48.2%", "37 个". */
export function formatActual(ind: UnitLike, actual: number | null): string {
  if (actual == null) return "—";
  if (ind.aggregation === "ratio") return formatPercent(actual);
  return formatWithUnit(actual, unitOf(ind), ind.decimals);
}

/** A target in base units ("2,168 亿元", "50%"). */
export function formatTarget(ind: UnitLike, target: number | null): string {
  return target == null ? "—" : formatWithUnit(target, unitOf(ind), ind.decimals);
}

const grouping = new Intl.NumberFormat("zh-CN", { maximumFractionDigits: 0 });

/** Exact display-unit text, grouped: "1,234.5678". Drill-down tables use it so the rows add up exactly. */
export function formatExactNumber(base: number, scale: number): string {
  const exact = baseToDisplayExact(base, scale);
  const neg = exact.startsWith("-");
  const [int = "0", frac] = (neg ? exact.slice(1) : exact).split(".");
  return `${neg ? "-" : ""}${grouping.format(Number(int))}${frac ? `.${frac}` : ""}`;
}

export function formatExact(base: number | null, unit: { symbol: string; scale: number }): string {
  if (base == null) return "—";
  const n = formatExactNumber(base, unit.scale);
  return unit.symbol === "%" ? `${n}%` : `${n} ${unit.symbol}`;
}

export function formatShare(share: number | null): string {
  return share == null ? "—" : formatPercent(share);
}

/** Points ahead (+) or behind (−) as the city writes them. */
export function formatGap(points: number | null): string {
  if (points == null) return "—";
  if (points === 0) return "持平";
  return points > 0 ? `超 ${points.toFixed(1)} 个百分点` : `落后 ${(-points).toFixed(1)} 个百分点`;
}

export function formatMultiple(x: number): string {
  return `${(Math.round(x * 100) / 100).toFixed(2)} 倍`;
}

/** Exact number without unit (the column header carries it), "—" when missing. */
export function formatExactOrDash(base: number | null, scale: number): string {
  return base == null ? "—" : formatExactNumber(base, scale);
}
