"use client";

import { useActionState } from "react";
import { initialActionState } from "@/app/_lib/action-state";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { setHistoricalAction } from "./actions";

/** 标为历史补录 (with a reason) or 取消补录标记, for one month. */
export function HistoricalForm({ periodId, version, month, label, historical }: { periodId: number; version: number; month: string; label: string; historical: boolean }) {
  const [state, action] = useActionState(setHistoricalAction, initialActionState);
  const id = `historical-reason-${periodId}`;
  return (
    <form action={action} className="flex flex-wrap items-start gap-2" data-historical-form={month}>
      <input type="hidden" name="periodId" value={periodId} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="month" value={month} />
      <input type="hidden" name="historical" value={historical ? "0" : "1"} />
      {!historical && (
        <div>
          <label htmlFor={id} className="sr-only">{label}补录原因</label>
          <input id={id} name="reason" placeholder="补录原因" maxLength={200} aria-invalid={!!state.fieldErrors.reason} aria-describedby={`${id}-error`}
            className="w-44 rounded border border-slate-300 px-2 py-1 text-sm aria-[invalid=true]:border-red-600" />
          <p id={`${id}-error`} aria-live="polite" className="text-xs text-red-700">{state.fieldErrors.reason ?? ""}</p>
        </div>
      )}
      <SubmitButton variant="secondary" pendingText="正在保存…">{historical ? "取消补录标记" : "标为历史补录"}<span className="sr-only">{label}</span></SubmitButton>
      <FormMessage state={state.ok || !state.fieldErrors.reason ? state : { ...state, message: null }} />
    </form>
  );
}
