"use client";

import { useActionState } from "react";
import { initialActionState } from "@/app/_lib/action-state";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { closeOrderAction, returnOrderAction } from "./actions";

export function OrderReviewForms({ orderId, version }: { orderId: number; version: number }) {
  const [closed, close] = useActionState(closeOrderAction, initialActionState);
  const [returned, sendBack] = useActionState(returnOrderAction, initialActionState);
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <form action={close} className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
        <input type="hidden" name="orderId" value={orderId} />
        <input type="hidden" name="version" value={version} />
        <FormMessage state={closed} />
        <label htmlFor="note" className="block text-sm font-medium text-slate-700">销号意见（可选）</label>
        <textarea id="note" name="note" rows={2} className="w-full rounded-md border border-slate-300 px-3 py-2 text-sm" />
        <SubmitButton pendingText="正在销号…">同意销号</SubmitButton>
      </form>
      <form action={sendBack} className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
        <input type="hidden" name="orderId" value={orderId} />
        <input type="hidden" name="version" value={version} />
        <FormMessage state={returned} />
        <label htmlFor="comment" className="block text-sm font-medium text-slate-700">退回意见</label>
        <textarea id="comment" name="comment" rows={2} aria-invalid={!!returned.fieldErrors.comment} aria-describedby="comment-error"
          className="w-full rounded-md border border-slate-300 px-3 py-2 text-sm aria-[invalid=true]:border-red-600" />
        <p id="comment-error" aria-live="polite" className="min-h-5 text-sm text-red-700">{returned.fieldErrors.comment ?? ""}</p>
        <SubmitButton variant="danger" pendingText="正在退回…">退回重办</SubmitButton>
      </form>
    </div>
  );
}
