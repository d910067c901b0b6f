/** Park status rules shared by the page and the action. Pure. */
import { z } from "zod";
import { isDate, monthOf, todayInShanghai } from "@/domain/months";
import { PARK_STATUSES } from "@/domain/codes";
import type { ParkProgress } from "@/db/mutations/parks";
import { optionalDate } from "../_lib/form-parse";
import { daysBetween } from "../_lib/dates";
import type { MonthTouch } from "../_lib/touches";

/** Statuses the pilot-park milestone counts (a park in trial operation or beyond). */
export const RUNNING: readonly string[] = ["trial_operation", "operating"];

export const parkProgressSchema = z
  .object({
    status: z.enum(PARK_STATUSES, { error: "请选择状态" }),
    plannedTrialOn: optionalDate("计划试运营日期"),
    trialOperationOn: optionalDate("试运营日期"),
  })
  .superRefine((v, ctx) => {
    if (RUNNING.includes(v.status) && !v.trialOperationOn) ctx.addIssue({ code: "custom", path: ["trialOperationOn"], message: "试运营或正式运营的园区必须填写试运营日期" });
    if (!RUNNING.includes(v.status) && v.trialOperationOn) ctx.addIssue({ code: "custom", path: ["trialOperationOn"], message: "尚未进入试运营的园区不填试运营日期" });
    if (v.trialOperationOn && isDate(v.trialOperationOn) && v.trialOperationOn > todayInShanghai()) ctx.addIssue({ code: "custom", path: ["trialOperationOn"], message: "试运营日期不能晚于今天" });
  });

/**
 * The months a change counts in (rule 3): a park entering trial operation counts in its
 * trial-operation date's month; leaving it, or moving the date, changes the old month too.
 * Planning ↔ construction, trial ↔ operating and the planned date change no count.
 */
export function parkTouches(before: ParkProgress, after: ParkProgress): MonthTouch[] {
  const was = RUNNING.includes(before.status) ? before.trialOperationOn : null;
  const now = RUNNING.includes(after.status) ? after.trialOperationOn : null;
  if (was === now) return [];
  const out: MonthTouch[] = [];
  if (now) out.push({ month: monthOf(now), field: "trialOperationOn", label: "试运营日期" });
  if (was && (!now || monthOf(was) !== monthOf(now))) out.push({ month: monthOf(was), field: "trialOperationOn", label: "原试运营日期" });
  return out;
}

/** A pilot park past its planned trial date and not yet running: how many days late, else null. */
export function daysBehindPlan(p: { isPilot: boolean; status: string; plannedTrialOn: string | null }, today: string): number | null {
  if (!p.isPilot || RUNNING.includes(p.status) || !p.plannedTrialOn) return null;
  const d = daysBetween(p.plannedTrialOn, today);
  return d > 0 ? d : null;
}
