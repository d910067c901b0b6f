/**
 * Upper bounds of typed amounts, per unit, in the unit's display form (亿元, 万元, 个 …). A value
 * above its unit's bound is a typing slip (an extra digit or three), refused with a message naming the bound. A city can change them: they live in the
 * plausibility settings (app_meta, key "plausibility_settings", field amountMax, e.g.
 * {"amountMax":{"yi_yuan":50000}}); anything not set keeps the default here. Pure.
 */

/** Unit code → largest absolute value accepted, in display units. */
export type AmountBounds = Readonly<Record<string, number>>;

export const DEFAULT_AMOUNT_BOUNDS: AmountBounds = {
  yi_yuan: 100_000, // 亿元: about 8 times Quanzhou's whole 2023 GDP (about 12,000 亿元)
  wan_yuan: 1_000_000_000, // 万元: the same 100,000 亿元
  ge: 1_000_000, // 个
  jia: 1_000_000, // 家
  wan_sqm: 100_000, // 万平方米: 1,000 km² of floor space
  mu: 100_000_000, // 亩: about 66,667 km², six times Quanzhou's land area
  percent: 10_000, // %: rates are computed, but a typed one above 10,000% is a slip
};

/** Bound of units not listed (set-up may add units): display units. */
export const FALLBACK_AMOUNT_BOUND = 1_000_000_000;

/** Some callers build a unit from its symbol only (Excel import): the symbol finds the same bound. */
const CODE_OF_SYMBOL: Record<string, string> = {
  亿元: "yi_yuan",
  万元: "wan_yuan",
  个: "ge",
  家: "jia",
  万平方米: "wan_sqm",
  亩: "mu",
  "%": "percent",
};

/** The bound of a unit in display units. */
export function amountBound(unit: { code: string; symbol: string }, bounds: AmountBounds = DEFAULT_AMOUNT_BOUNDS): number {
  const code = unit.code in bounds || unit.code in DEFAULT_AMOUNT_BOUNDS ? unit.code : (CODE_OF_SYMBOL[unit.symbol] ?? unit.code);
  return bounds[code] ?? DEFAULT_AMOUNT_BOUNDS[code] ?? FALLBACK_AMOUNT_BOUND;
}

/** Stored bounds merged over the defaults; anything not a positive finite number is ignored. */
export function parseAmountBounds(raw: unknown): AmountBounds {
  const out: Record<string, number> = { ...DEFAULT_AMOUNT_BOUNDS };
  if (raw && typeof raw === "object" && !Array.isArray(raw)) {
    for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
      if (typeof v === "number" && Number.isFinite(v) && v > 0) out[k] = v;
    }
  }
  return out;
}
