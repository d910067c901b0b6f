/** Date arithmetic on "YYYY-MM-DD" calendar days (Asia/Shanghai days; no time of day involved). Pure. */

const DAY_MS = 86_400_000;

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

export function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

export type DeadlineState = { kind: "none" } | { kind: "overdue"; days: number } | { kind: "due-soon"; days: number } | { kind: "on-time" };

/** Days a warning shows before a deadline. */
export const DUE_SOON_DAYS = 7;

/**
 * Overdue = not resolved and the deadline is before today (a problem due today is not yet
 * overdue). Resolved problems never are, whatever their deadline was.
 */
export function deadlineState(deadlineOn: string | null, resolved: boolean, today: string): DeadlineState {
  if (resolved || !deadlineOn) return { kind: "none" };
  const left = daysBetween(today, deadlineOn);
  if (left < 0) return { kind: "overdue", days: -left };
  if (left <= DUE_SOON_DAYS) return { kind: "due-soon", days: left };
  return { kind: "on-time" };
}
