/**
 * What the completeness board says about one district-month, and the month's counts. Pure.
 *
 * Lateness is measured against the month's own due date (periods.due_on), in Asia/Shanghai:
 * - a submitted report is on time when submitted on or before it, else "截止后 N 天报送"
 *   (a fact about the submission, not an open lateness);
 * - "逾期 N 天" is said only of a report still not submitted, days since its due date, while
 *   the campaign runs;
 * - back-filled history makes no lateness claim: a month whose due date had passed before the
 *   campaign was set up in the system, reported after that, is "补录"; a month not submitted in
 *   such a month or after the campaign ended is "已过截止日", without a day count that would
 *   only grow with the calendar;
 * - a month the office marked as historical entry (periods.historical, 历史补录) is the same:
 *   submitted after its due date it is "补录", not submitted it is "已过截止日", never "逾期".
 */
import { todayInShanghai } from "@/domain/months";

export type CompletenessState = "approved" | "submitted" | "returned" | "draft" | "missing";
export type Timeliness = "on_time" | "late" | "backfilled" | "overdue" | "past_due" | "not_due";

export interface CompletenessInput {
  status: "draft" | "submitted" | "approved" | "returned" | null;
  submittedAt: string | null;
  dueOn: string;
  locked: boolean;
  /** The office marked the month as history entered late on purpose. */
  historical?: boolean;
}

/** The campaign facts lateness depends on (dates YYYY-MM-DD, Asia/Shanghai). */
export interface CampaignDates {
  /** The day the campaign was set up in the system; earlier deadlines are history. */
  setupOn?: string | null;
  /** The campaign's last day; after it an unsubmitted month's lateness stops counting. */
  endsOn?: string | null;
}

export interface CompletenessCell {
  state: CompletenessState;
  locked: boolean;
  timeliness: Timeliness | null;
  /** Days after the due date it was submitted ("late" only). */
  daysLate: number | null;
  /** Days since the due date of a report still not submitted ("overdue" only). */
  daysOverdue: number | null;
  /** Submission date in Asia/Shanghai. */
  submittedOn: string | null;
  dueOn: string;
}

export const STATE_LABELS: Record<CompletenessState, string> = {
  approved: "已审核",
  submitted: "待审核",
  returned: "已退回",
  draft: "草稿未报",
  missing: "缺报",
};

export const STATE_STYLES: Record<CompletenessState, string> = {
  approved: "bg-green-50 text-green-900 border-green-200",
  submitted: "bg-blue-50 text-blue-900 border-blue-200",
  returned: "bg-amber-50 text-amber-950 border-amber-300",
  draft: "bg-slate-100 text-slate-800 border-slate-300",
  missing: "bg-red-50 text-red-900 border-red-300",
};

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function classify(r: CompletenessInput, today = todayInShanghai(), campaign: CampaignDates = {}): CompletenessCell {
  const state: CompletenessState = r.status ?? "missing";
  const submittedOn = r.submittedAt && state !== "draft" ? todayInShanghai(new Date(r.submittedAt)) : null;
  // The deadline passed before the campaign existed in the system: nobody could report on time.
  const marked = r.historical === true;
  const history = marked || (campaign.setupOn != null && r.dueOn < campaign.setupOn);
  let timeliness: Timeliness | null = null;
  let daysLate: number | null = null;
  let daysOverdue: number | null = null;
  if (submittedOn) {
    if (submittedOn <= r.dueOn) timeliness = "on_time";
    else if (marked || (history && submittedOn >= campaign.setupOn!)) timeliness = "backfilled";
    else {
      timeliness = "late";
      daysLate = daysBetween(r.dueOn, submittedOn);
    }
  } else if (state === "draft" || state === "missing") {
    if (today <= r.dueOn) timeliness = "not_due";
    else if (history || (campaign.endsOn != null && today > campaign.endsOn)) timeliness = "past_due";
    else {
      timeliness = "overdue";
      daysOverdue = daysBetween(r.dueOn, today);
    }
  }
  return { state, locked: r.locked, timeliness, daysLate, daysOverdue, submittedOn, dueOn: r.dueOn };
}

/** "按时" / "截止后 3 天报送" / "补录" / "逾期 3 天" / "已过截止日" / "未到截止日". */
export function timelinessLabel(c: CompletenessCell): string | null {
  switch (c.timeliness) {
    case "on_time":
      return "按时";
    case "late":
      return `截止后 ${c.daysLate} 天报送`;
    case "backfilled":
      return "补录";
    case "overdue":
      return `逾期 ${c.daysOverdue} 天`;
    case "past_due":
      return "已过截止日";
    case "not_due":
      return "未到截止日";
    default:
      return null;
  }
}

/** The cell's words: "缺报" when nothing was started and the due date has passed, "未报送" before it. */
export function stateLabel(c: CompletenessCell): string {
  if (c.state === "missing" && c.timeliness === "not_due") return "未报送";
  return STATE_LABELS[c.state];
}

export interface MonthCounts {
  total: number;
  approved: number;
  submitted: number;
  returned: number;
  draft: number;
  missing: number;
  onTime: number;
  /** Submitted after the due date. */
  late: number;
  /** Back-filled after the campaign was set up (no lateness claimed). */
  backfilled: number;
  /** Still not submitted, due date passed, campaign running. */
  overdue: number;
}

export function countMonth(cells: readonly CompletenessCell[]): MonthCounts {
  const n = (f: (c: CompletenessCell) => boolean) => cells.filter(f).length;
  return {
    total: cells.length,
    approved: n((c) => c.state === "approved"),
    submitted: n((c) => c.state === "submitted"),
    returned: n((c) => c.state === "returned"),
    draft: n((c) => c.state === "draft"),
    missing: n((c) => c.state === "missing"),
    onTime: n((c) => c.timeliness === "on_time"),
    late: n((c) => c.timeliness === "late"),
    backfilled: n((c) => c.timeliness === "backfilled"),
    overdue: n((c) => c.timeliness === "overdue"),
  };
}

/**
 * The bulletin's sentence on timeliness: "按时报送 8 个，截止后报送 1 个（洛江区晚 3 天）。截止日已过仍未报送
 * 2 个（晋江市逾期 5 天、…）。" `late` and `overdue` name the districts with their days. Lateness
 * only against the month's own deadline; back-filled months are counted apart, with no claim.
 */
export function timelinessSentence(counts: MonthCounts, late: readonly string[], overdue: readonly string[], historical?: { reason: string | null }): string {
  const parts = [`按时报送 ${counts.onTime} 个`];
  if (counts.late > 0) parts.push(`截止后报送 ${counts.late} 个（${late.join("、")}）`);
  const why = historical ? `本月由专项办标为历史补录${historical.reason ? `：${historical.reason}` : ""}` : "截止日早于专项在系统中建立";
  if (counts.backfilled > 0) parts.push(`补录 ${counts.backfilled} 个（${why}，不计迟报）`);
  const first = `${parts.join("，")}。`;
  return counts.overdue > 0 ? `${first}截止日已过仍未报送 ${counts.overdue} 个（${overdue.join("、")}）。` : first;
}
