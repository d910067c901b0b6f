"use client";

import { useActionState } from "react";
import { initialActionState } from "@/app/_lib/action-state";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { reopenAction } from "./actions";

/** Reopen an approved, unlocked month so the district can correct it (restatement). */
export function ReopenForm({ reportId, version }: { reportId: number; version: number }) {
  const [state, action] = useActionState(reopenAction, initialActionState);
  return (
    <form action={action} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="reopen-title">
      <input type="hidden" name="reportId" value={reportId} />
      <input type="hidden" name="version" value={version} />
      <h2 id="reopen-title" className="font-semibold">更正已审核的数据</h2>
      <p className="text-sm text-slate-600">重新打开后本月退回区县更正；更正审核通过前，公开数据仍是原审定值，原审定值会保留。</p>
      <FormMessage state={state} />
      <label htmlFor="reason" className="block text-sm font-medium text-slate-700">更正原因</label>
      <p id="reason-hint" className="text-xs text-slate-600">必填，至少 4 个字；区县会看到这段说明。</p>
      <textarea
        id="reason"
        name="reason"
        rows={3}
        aria-required="true"
        defaultValue={state.values.reason ?? ""}
        aria-invalid={!!state.fieldErrors.reason}
        aria-describedby="reason-hint reason-error"
        className="w-full rounded-md border border-slate-300 px-3 py-2 text-sm aria-[invalid=true]:border-red-600"
      />
      <p id="reason-error" aria-live="polite" className="min-h-5 text-sm text-red-700">{state.fieldErrors.reason ?? ""}</p>
      <SubmitButton variant="secondary" pendingText="正在重新打开…">重新打开以更正</SubmitButton>
    </form>
  );
}
