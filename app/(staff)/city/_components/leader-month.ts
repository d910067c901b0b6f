/**
 * Which month a leader sees by default, and what the page says about newer months. Pure and
 * unit-tested (tests/unit/leader-month.test.ts).
 *
 * Leaders read published numbers: the default is the latest opened month with at least one
 * official (approved) district report, never a month that has just opened and holds nothing.
 * A newer opened month is offered with its own approval count. When nothing is approved yet
 * the newest opened month is shown and the page says so.
 */
export interface MonthApprovalCount {
  month: string;
  official: number;
  total: number;
}

export interface LeaderMonth {
  /** The default month; null only when the campaign has no opened month. */
  month: string | null;
  /** True when no opened month has an official report yet. */
  nothingApproved: boolean;
  /** The newest opened month when it is later than the default, with its counts. */
  newer: MonthApprovalCount | null;
}

/** `months`: the campaign's opened months with counts, any order. */
export function chooseLeaderMonth(months: readonly MonthApprovalCount[]): LeaderMonth {
  const sorted = [...months].sort((a, b) => a.month.localeCompare(b.month));
  const newest = sorted[sorted.length - 1];
  if (!newest) return { month: null, nothingApproved: true, newer: null };
  const latestOfficial = [...sorted].reverse().find((m) => m.official > 0);
  if (!latestOfficial) return { month: newest.month, nothingApproved: true, newer: null };
  return { month: latestOfficial.month, nothingApproved: false, newer: newest.month > latestOfficial.month ? newest : null };
}
