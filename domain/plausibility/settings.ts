/**
 * Thresholds of the plausibility checks. Stored as one JSON object in app_meta under
 * PLAUSIBILITY_SETTINGS_KEY (any field may be left out: the default applies), so a city tunes
 * them without a code change. Pure: read by db/queries/plausibility.ts, used by the rules.
 * amountMax holds the upper bound of typed amounts per unit code, in display units
 * (app/_lib/amount-bounds.ts has the defaults), e.g. {"amountMax":{"yi_yuan":50000}}.
 */
import { DEFAULT_AMOUNT_BOUNDS, parseAmountBounds, type AmountBounds } from "../amount-bounds";

export const PLAUSIBILITY_SETTINGS_KEY = "plausibility_settings";

export interface PlausibilitySettings {
  /** Project: a month above this multiple of the project's own largest month so far → warning. */
  projectMonthMultiple: number;
  /** Project: a month above this share of the project's total investment → hard error, not saved even with a note. */
  projectMonthMaxShareOfTotal: number;
  /** Figures: a month above this multiple of the district's own median month → warning (and below 1/N). */
  figureMedianMultiple: number;
  /** Figures: months of history needed before the median rule applies. */
  figureMedianMinMonths: number;
  /** Ratio indicators: a numerator or denominator changing by more than this share of last month → warning. */
  ratioPartJump: number;
  /** Ratio indicators: the rate changing by more than this many percentage points → warning. */
  ratioRateJumpPoints: number;
  /** Largest amount accepted per unit code, in display units (亿元, 万元, 个 …). */
  amountMax: AmountBounds;
}

export const DEFAULT_PLAUSIBILITY_SETTINGS: PlausibilitySettings = {
  projectMonthMultiple: 3,
  projectMonthMaxShareOfTotal: 1,
  figureMedianMultiple: 3,
  figureMedianMinMonths: 3,
  ratioPartJump: 0.5,
  ratioRateJumpPoints: 10,
  amountMax: DEFAULT_AMOUNT_BOUNDS,
};

type NumericSetting = Exclude<keyof PlausibilitySettings, "amountMax">;

/** Settings from the stored JSON, every missing or invalid field at its default. */
export function parsePlausibilitySettings(json: string | null): PlausibilitySettings {
  let raw: Record<string, unknown> = {};
  try {
    const v: unknown = json ? JSON.parse(json) : {};
    if (v && typeof v === "object" && !Array.isArray(v)) raw = v as Record<string, unknown>;
  } catch {
    raw = {};
  }
  const out = { ...DEFAULT_PLAUSIBILITY_SETTINGS, amountMax: parseAmountBounds(raw.amountMax) };
  for (const k of Object.keys(out).filter((k) => k !== "amountMax") as NumericSetting[]) {
    const v = raw[k];
    if (typeof v === "number" && Number.isFinite(v) && v > 0) out[k] = v;
  }
  return out;
}
