import { baseToDisplayExact, formatBase } from "@/domain/format";

/** 万元 → "12.5" 亿元 for reading (thousands separators, up to the unit's exact decimals). */
export function yiText(base: number, scale: number): string {
  return formatBase(base, scale, Math.round(Math.log10(scale)));
}

/** 万元 → "12.5" as the form's editable value (exact, no separators). */
export function yiInput(base: number, scale: number): string {
  return baseToDisplayExact(base, scale);
}
