/** Timestamps as text, always in Asia/Shanghai. Pure. */
import { DASH, type FormatLocale } from "./locale";

/** "2026/03/05 09:02" in Chinese; "5 Mar 2026, 09:02 (Beijing time)" in English; "—" when missing. */
export function formatDateTime(iso: string | null | undefined, locale: FormatLocale = "zh-CN"): string {
  if (!iso) return DASH;
  if (locale !== "en") {
    return new Date(iso).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hour12: false });
  }
  return new Date(iso).toLocaleString("en-GB", { timeZone: "Asia/Shanghai", year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", hour12: false }) + " (Beijing time)";
}
