/**
 * What the completeness board says about one district-month, and the month's counts. Pure.
 * On time = submitted (date in Asia/Shanghai) on or before the period's due date.
 */
import { todayInShanghai } from "@/app/_lib/months";

export type CompletenessState = "approved" | "submitted" | "returned" | "draft" | "missing";
export type Timeliness = "on_time" | "late" | "overdue" | "not_due";

export interface CompletenessInput {
  status: "draft" | "submitted" | "approved" | "returned" | null;
  submittedAt: string | null;
  dueOn: string;
  locked: boolean;
}

export interface CompletenessCell {
  state: CompletenessState;
  locked: boolean;
  timeliness: Timeliness | null;
  /** Days after the due date it was submitted (late only). */
  daysLate: number | null;
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

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function classify(r: CompletenessInput, today = todayInShanghai()): CompletenessCell {
  const state: CompletenessState = r.status ?? "missing";
  const submittedOn = r.submittedAt && state !== "draft" ? todayInShanghai(new Date(r.submittedAt)) : null;
  let timeliness: Timeliness | null = null;
  let daysLate: number | null = null;
  if (submittedOn) {
    timeliness = submittedOn > r.dueOn ? "late" : "on_time";
    if (timeliness === "late") daysLate = daysBetween(r.dueOn, submittedOn);
  } else if (state === "draft" || state === "missing") {
    timeliness = today > r.dueOn ? "overdue" : "not_due";
  }
  return { state, locked: r.locked, timeliness, daysLate, submittedOn, dueOn: r.dueOn };
}

/** "逾期 3 天" / "按时" / "已过截止日" / "未到截止日". */
export function timelinessLabel(c: CompletenessCell): string | null {
  switch (c.timeliness) {
    case "on_time":
      return "按时";
    case "late":
      return `逾期 ${c.daysLate} 天`;
    case "overdue":
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
  late: number;
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
  };
}
