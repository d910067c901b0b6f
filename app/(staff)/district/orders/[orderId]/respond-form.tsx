"use client";

import { useActionState } from "react";
import { initialActionState } from "@/app/_lib/action-state";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { respondOrderAction } from "./actions";

function Area({ name, label, value, error }: { name: string; label: string; value: string; error?: string }) {
  return (
    <div>
      <label htmlFor={name} className="block text-sm font-medium text-slate-700">{label}</label>
      <textarea id={name} name={name} rows={3} defaultValue={value} aria-invalid={!!error} aria-describedby={`${name}-error`}
        className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 text-sm aria-[invalid=true]:border-red-600" />
      <p id={`${name}-error`} aria-live="polite" className="mt-1 min-h-5 text-sm text-red-700">{error ?? ""}</p>
    </div>
  );
}

export function RespondForm({ orderId, version, previous }: { orderId: number; version: number; previous: { causes: string; measures: string; expectedOn: string } }) {
  const [state, action] = useActionState(respondOrderAction, initialActionState);
  if (state.ok) return <FormMessage state={state} />;
  const v = (k: "causes" | "measures" | "expectedOn") => state.values[k] ?? previous[k];
  return (
    <form action={action} className="space-y-3 rounded-lg border border-slate-200 bg-white p-5" noValidate>
      <h2 className="font-semibold">反馈办理情况</h2>
      <input type="hidden" name="orderId" value={orderId} />
      <input type="hidden" name="version" value={version} />
      <FormMessage state={state} />
      <Area name="causes" label="原因分析" value={v("causes")} error={state.fieldErrors.causes} />
      <Area name="measures" label="整改措施" value={v("measures")} error={state.fieldErrors.measures} />
      <div>
        <label htmlFor="expectedOn" className="block text-sm font-medium text-slate-700">预计完成日期</label>
        <input id="expectedOn" name="expectedOn" type="date" defaultValue={v("expectedOn")} aria-invalid={!!state.fieldErrors.expectedOn} aria-describedby="expectedOn-error"
          className="mt-1 rounded-md border border-slate-300 px-3 py-2 aria-[invalid=true]:border-red-600" />
        <p id="expectedOn-error" aria-live="polite" className="mt-1 min-h-5 text-sm text-red-700">{state.fieldErrors.expectedOn ?? ""}</p>
      </div>
      <SubmitButton pendingText="正在提交…">提交反馈，申请销号</SubmitButton>
    </form>
  );
}
