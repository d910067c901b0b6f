/** Public pages exist in Chinese (default, unprefixed URLs) and English (/en/…). */
export const LOCALES = ["zh", "en"] as const;
export type Locale = (typeof LOCALES)[number];

export function isLocale(x: unknown): x is Locale {
  return typeof x === "string" && (LOCALES as readonly string[]).includes(x);
}

/** The public URL of a path in a locale: Chinese has no prefix. */
export function localePath(locale: Locale, path: string): string {
  const p = path.startsWith("/") ? path : `/${path}`;
  if (locale === "zh") return p;
  return p === "/" ? "/en" : `/en${p}`;
}
