/** Months are "YYYY-MM" text; dates "YYYY-MM-DD" in Asia/Shanghai. Pure helpers, unit-tested. */

export const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/;
export const DATE_RE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export function isMonth(s: unknown): s is string {
  return typeof s === "string" && MONTH_RE.test(s);
}

/** A real calendar date in YYYY-MM-DD form (rejects 2023-02-30). */
export function isDate(s: unknown): s is string {
  if (typeof s !== "string" || !DATE_RE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return d.toISOString().slice(0, 10) === s;
}

export function monthOf(date: string): string {
  return date.slice(0, 7);
}

export function addMonths(month: string, n: number): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const i = y * 12 + (m - 1) + n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`;
}

export function monthNumber(month: string): number {
  return Number(month.slice(5, 7));
}

/** "2023年10月" */
export function monthLabel(month: string): string {
  return `${month.slice(0, 4)}年${monthNumber(month)}月`;
}

/** "1—10月", as the city writes a year-to-date range. */
export function ytdLabel(month: string): string {
  const m = monthNumber(month);
  return m === 1 ? "1月" : `1—${m}月`;
}

/** One formatter for every call: building an Intl.DateTimeFormat with a time zone costs far more than formatting (issue #17). */
const SHANGHAI_DAY = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" });

/** Today's date in Asia/Shanghai. */
export function todayInShanghai(now = new Date()): string {
  return SHANGHAI_DAY.format(now);
}
