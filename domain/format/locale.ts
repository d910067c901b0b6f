/** The locales every formatter takes: Chinese (default) or English. "zh" is the public pages' name for zh-CN. */
export type FormatLocale = "zh-CN" | "zh" | "en";

export function intlLocale(locale: FormatLocale | string = "zh-CN"): string {
  return locale === "zh" ? "zh-CN" : locale;
}

export const DASH = "—";

const formatters = new Map<string, Intl.NumberFormat>();

/** A cached Intl number format: grouped, at most `decimals` (at least `minDecimals`) fraction digits. */
export function numberFormat(locale: FormatLocale | string, decimals: number, minDecimals = 0): Intl.NumberFormat {
  const key = `${intlLocale(locale)}|${decimals}|${minDecimals}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: decimals, minimumFractionDigits: minDecimals });
    formatters.set(key, f);
  }
  return f;
}
