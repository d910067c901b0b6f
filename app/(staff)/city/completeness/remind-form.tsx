"use client";

import { useActionState } from "react";
import { initialActionState } from "@/app/_lib/action-state";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { remindAction } from "./actions";

/** The office's 催报 for the latest month: one late district or all of them. A plain form post without JS. */
export function RemindForm({ month, monthText, late }: { month: string; monthText: string; late: { id: number; name: string; label: string }[] }) {
  const [state, action] = useActionState(remindAction, initialActionState);
  return (
    <form action={action} className="space-y-3 rounded-lg border border-amber-300 bg-amber-50 p-4" aria-labelledby="remind-title">
      <h2 id="remind-title" className="font-semibold">催报：{monthText}已过截止日仍未报送的区县（{late.length} 个）</h2>
      <input type="hidden" name="month" value={month} />
      <div className="flex flex-wrap items-end gap-3">
        <label className="text-sm">
          <span className="block font-medium text-slate-700">区县</span>
          <select name="district" defaultValue={state.values.district ?? "all"} aria-invalid={!!state.fieldErrors.district} aria-describedby="district-error" className="mt-1 rounded-md border border-slate-300 bg-white px-2 py-1.5">
            <option value="all">全部未报区县</option>
            {late.map((d) => (
              <option key={d.id} value={d.id}>{d.name}（{d.label}）</option>
            ))}
          </select>
        </label>
        <SubmitButton pendingText="正在发送…">发送催报</SubmitButton>
      </div>
      <p id="district-error" aria-live="polite" className="min-h-5 text-sm text-red-700">{state.fieldErrors.district ?? ""}</p>
      <FormMessage state={state} />
      <p className="text-xs text-slate-600">催报立即发给该区县的全部填报员：站内消息，以及他们设置的邮件和群机器人。</p>
    </form>
  );
}
