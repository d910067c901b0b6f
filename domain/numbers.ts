/**
 * Exact conversion between what people type or read (display units: 亿元, 万平方米, 亩, %)
 * and what is stored (integers in the unit's base: 万元, 平方米, 0.01 亩, 0.01 %).
 * No floating point on the way in: "2168.5" 亿元 becomes 21685000 万元 by string arithmetic.
 */

import { amountBound, type AmountBounds } from "./amount-bounds";
import { formatWithUnit } from "./format/numbers";

export interface UnitDef {
  code: string;
  symbol: string;
  scale: number;
}

export type ParseResult =
  | { kind: "missing" }
  | { kind: "ok"; base: number }
  | { kind: "error"; message: string };

/** NFKC folds full-width digits, commas and dots (１２３，４．５) to ASCII. */
export function normaliseNumberText(raw: string): string {
  return raw.normalize("NFKC").replace(/[\s\u00a0\u3000]/g, "").replace(/[,，、']/g, "");
}

const SEPARATORS = /[,，、']/;

/**
 * Thousands separators must stand every three digits of the whole part ("1,070.3"); one in the
 * wrong place ("1,70.3") or in the decimals is a slip, not something to guess around.
 */
function misplacedSeparator(raw: string): boolean {
  const s = raw.normalize("NFKC").replace(/[\s\u00a0\u3000]/g, "");
  if (!SEPARATORS.test(s)) return false;
  const m = /^[+-]?([\d,、']*)(.*)$/.exec(s)!;
  return !/^\d{1,3}([,、']\d{3})+$/.test(m[1]!) || SEPARATORS.test(m[2]!);
}

const UNIT_SUFFIXES = ["亿元", "万元", "元", "万平方米", "平方米", "万㎡", "㎡", "m²", "亩", "个", "家", "件", "%", "％"];

/**
 * Parses a display-unit number into base units. Blank is "missing", never 0. A trailing unit
 * is accepted only when it is the field's own unit (typing 万元 into an 亿元 field is an
 * error, not a silent ×10000). Every amount has an upper bound per unit (app/_lib/amount-bounds.ts;
 * `bounds` are the city's settings, the defaults when not given), negative ones too.
 */
export function parseDisplayNumber(raw: string | null | undefined, unit: UnitDef, opts: { allowNegative?: boolean; bounds?: AmountBounds } = {}): ParseResult {
  if (raw == null) return { kind: "missing" };
  let s = normaliseNumberText(String(raw));
  if (s === "" || s === "-" || s === "—") return { kind: "missing" };
  if (misplacedSeparator(String(raw))) return { kind: "error", message: "千分位逗号位置不对：应每三位一个，例如 1,070.3；也可以不写逗号" };
  const symbol = unit.symbol.normalize("NFKC");
  for (const suffix of UNIT_SUFFIXES.map((x) => x.normalize("NFKC"))) {
    if (s.endsWith(suffix)) {
      if (suffix !== symbol && !(symbol === "%" && suffix === "%")) {
        return { kind: "error", message: `单位应为“${unit.symbol}”，不是“${suffix}”` };
      }
      s = s.slice(0, -suffix.length);
      break;
    }
  }
  const m = /^([+-]?)(\d+)(?:\.(\d+))?$/.exec(s);
  if (!m) return { kind: "error", message: "请输入数字，例如 1,234.5" };
  const [, sign, intPart, fracPart = ""] = m;
  const decimals = Math.round(Math.log10(unit.scale));
  const frac = fracPart.replace(/0+$/, "");
  if (frac.length > decimals) {
    return { kind: "error", message: decimals === 0 ? `单位为“${unit.symbol}”，只能填整数` : `最多保留 ${decimals} 位小数` };
  }
  const digits = (intPart! + frac.padEnd(decimals, "0")).replace(/^0+(?=\d)/, "");
  const base = Number(digits);
  const bound = amountBound(unit, opts.bounds);
  if (!Number.isSafeInteger(base) || base > bound * unit.scale) {
    return { kind: "error", message: `数值超出上限：本项最多填 ${formatWithUnit(bound * unit.scale, unit, 0)}，请核对是否多打了数字或单位填错` };
  }
  const value = sign === "-" ? -base : base;
  if (value < 0 && !opts.allowNegative) return { kind: "error", message: "不能为负数" };
  return { kind: "ok", base: value === 0 ? 0 : value };
}
