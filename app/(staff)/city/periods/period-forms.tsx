"use client";

import { useActionState } from "react";
import { initialActionState } from "@/app/_lib/action-state";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { lockPeriodAction, unlockPeriodAction } from "./actions";

export function LockForm({ periodId, version, month, label }: { periodId: number; version: number; month: string; label: string }) {
  const [state, action] = useActionState(lockPeriodAction, initialActionState);
  return (
    <form action={action} className="space-y-1">
      <input type="hidden" name="periodId" value={periodId} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="month" value={month} />
      <FormMessage state={state} />
      <SubmitButton variant="secondary" pendingText="正在锁定…">锁定<span className="sr-only">{label}</span></SubmitButton>
    </form>
  );
}

export function UnlockForm({ periodId, version, month, label }: { periodId: number; version: number; month: string; label: string }) {
  const [state, action] = useActionState(unlockPeriodAction, initialActionState);
  const id = `reason-${periodId}`;
  return (
    <form action={action} className="flex flex-wrap items-start gap-2">
      <input type="hidden" name="periodId" value={periodId} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="month" value={month} />
      <div>
        <label htmlFor={id} className="sr-only">{label}解锁原因</label>
        <input id={id} name="reason" placeholder="解锁原因" aria-invalid={!!state.fieldErrors.reason} aria-describedby={`${id}-error`}
          className="w-48 rounded border border-slate-300 px-2 py-1 text-sm aria-[invalid=true]:border-red-600" />
        <p id={`${id}-error`} aria-live="polite" className="text-xs text-red-700">{state.fieldErrors.reason ?? ""}</p>
      </div>
      <SubmitButton variant="danger" pendingText="正在解锁…">解锁<span className="sr-only">{label}</span></SubmitButton>
      <FormMessage state={state.ok || !state.fieldErrors.reason ? state : { ...state, message: null }} />
    </form>
  );
}
