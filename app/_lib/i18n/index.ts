import type { Locale } from "@/app/_lib/locale";
import { en } from "./en";
import type { Dict } from "./types";
import { zh } from "./zh";

export type { Dict } from "./types";

const DICTS: Record<Locale, Dict> = { zh, en };

/** The public UI strings of a locale (plain objects: no i18n code is sent to the browser). */
export function getDict(locale: Locale): Dict {
  return DICTS[locale];
}

/** A data name in the page's language: the English column when it is filled, else the Chinese name. */
export function pickName(locale: Locale, name: string, nameEn: string | null | undefined): string {
  return locale === "en" && nameEn && nameEn.trim() ? nameEn : name;
}
