/** Timestamps as text, always in Asia/Shanghai. Pure. */
import { DASH, type FormatLocale } from "./locale";

/** Built once: an Intl formatter with a time zone costs far more to build than to use (issue #17). */
const ZH = new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hour12: false });
const EN = new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Shanghai", year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", hour12: false });

/** "2026/03/05 09:02" in Chinese; "5 Mar 2026, 09:02 (Beijing time)" in English; "—" when missing. */
export function formatDateTime(iso: string | null | undefined, locale: FormatLocale = "zh-CN"): string {
  if (!iso) return DASH;
  if (locale !== "en") return ZH.format(new Date(iso));
  return EN.format(new Date(iso)) + " (Beijing time)";
}
