"use client";

import { useActionState } from "react";
import { initialActionState } from "@/app/_lib/action-state";
import { FormMessage, SubmitButton } from "@/components/form";
import { approveAction, returnAction } from "./actions";

export function ReviewForms({ reportId, version }: { reportId: number; version: number }) {
  const [approved, approve] = useActionState(approveAction, initialActionState);
  const [returned, sendBack] = useActionState(returnAction, initialActionState);
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <form action={approve} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <input type="hidden" name="reportId" value={reportId} />
        <input type="hidden" name="version" value={version} />
        <FormMessage state={approved} />
        <p className="text-sm text-slate-600">审核通过后，本月数据计入正式汇总并对外公开。</p>
        <SubmitButton pendingText="正在审核…">审核通过</SubmitButton>
      </form>
      <form action={sendBack} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <input type="hidden" name="reportId" value={reportId} />
        <input type="hidden" name="version" value={version} />
        <FormMessage state={returned} />
        <label htmlFor="comment" className="block text-sm font-medium text-slate-700">退回意见</label>
        <textarea id="comment" name="comment" rows={3} defaultValue={returned.values.comment ?? ""} aria-invalid={!!returned.fieldErrors.comment} aria-describedby="comment-error"
          className="w-full rounded-md border border-slate-300 px-3 py-2 text-sm aria-[invalid=true]:border-red-600" />
        <p id="comment-error" aria-live="polite" className="min-h-5 text-sm text-red-700">{returned.fieldErrors.comment ?? ""}</p>
        <SubmitButton variant="danger" pendingText="正在退回…">退回修改</SubmitButton>
      </form>
    </div>
  );
}
