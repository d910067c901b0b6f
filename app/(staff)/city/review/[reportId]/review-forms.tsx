"use client";

import { useActionState } from "react";
import { initialActionState } from "@/app/_lib/action-state";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { approveAction, returnAction } from "./actions";

/**
 * Approve or return a submitted month. With unresolved plausibility flags, approval needs the
 * reviewer's confirmation; the return comment starts with the flagged items, one per line.
 */
export function ReviewForms({ reportId, version, openFlags, flaggedComment }: { reportId: number; version: number; openFlags: number; flaggedComment: string }) {
  const [approved, approve] = useActionState(approveAction, initialActionState);
  const [returned, sendBack] = useActionState(returnAction, initialActionState);
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <form action={approve} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <input type="hidden" name="reportId" value={reportId} />
        <input type="hidden" name="version" value={version} />
        <FormMessage state={approved} />
        <p className="text-sm text-slate-600">审核通过后，本月数据计入正式汇总并对外公开。</p>
        {openFlags > 0 && (
          <label className="flex items-start gap-2 rounded-md border border-amber-300 bg-amber-50 p-2 text-sm text-amber-950">
            <input type="checkbox" name="acceptFlags" value="1" className="mt-0.5 size-4 shrink-0" />
            <span>我已逐条核实以上 {openFlags} 条数据提醒</span>
          </label>
        )}
        <SubmitButton pendingText="正在审核…">审核通过</SubmitButton>
      </form>
      <form action={sendBack} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <input type="hidden" name="reportId" value={reportId} />
        <input type="hidden" name="version" value={version} />
        <FormMessage state={returned} />
        <label htmlFor="comment" className="block text-sm font-medium text-slate-700">退回意见</label>
        {flaggedComment && <p id="comment-hint" className="text-xs text-slate-600">已列出有数据提醒的各项，可修改后退回。</p>}
        <textarea
          id="comment"
          name="comment"
          rows={flaggedComment ? 5 : 3}
          defaultValue={returned.values.comment ?? flaggedComment}
          aria-invalid={!!returned.fieldErrors.comment}
          aria-describedby={flaggedComment ? "comment-hint comment-error" : "comment-error"}
          className="w-full rounded-md border border-slate-300 px-3 py-2 text-sm aria-[invalid=true]:border-red-600"
        />
        <p id="comment-error" aria-live="polite" className="min-h-5 text-sm text-red-700">{returned.fieldErrors.comment ?? ""}</p>
        <SubmitButton variant="danger" pendingText="正在退回…">退回修改</SubmitButton>
      </form>
    </div>
  );
}
