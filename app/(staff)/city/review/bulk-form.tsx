"use client";

import { useActionState, type ReactNode } from "react";
import { initialActionState, type ActionState } from "@/app/_lib/action-state";
import { SubmitButton } from "@/components/ui/submit-button";
import { bulkApproveAction } from "./bulk-actions";

function Result({ state }: { state: ActionState }) {
  if (!state.message) return null;
  const approved = state.values.approved ? state.values.approved.split("\n") : [];
  const refused = state.values.refused ? state.values.refused.split("\n") : [];
  return (
    <div role={state.ok ? "status" : "alert"} data-bulk-result className={`rounded-md border px-4 py-3 text-sm ${state.ok ? "border-green-200 bg-green-50 text-green-900" : "border-amber-300 bg-amber-50 text-amber-950"}`}>
      <p className="font-medium">{state.message}</p>
      {approved.length > 0 && (
        <div className="mt-2" data-bulk-approved>
          <p>已审核通过：</p>
          <ul className="list-disc pl-5">{approved.map((a) => <li key={a}>{a}</li>)}</ul>
        </div>
      )}
      {refused.length > 0 && (
        <div className="mt-2" data-bulk-refused>
          <p>未通过：</p>
          <ul className="list-disc pl-5">{refused.map((r) => <li key={r}>{r}</li>)}</ul>
        </div>
      )}
    </div>
  );
}

/** The waiting list as one form: tick months, approve them together (each checked on its own). */
export function BulkApproveForm({ children, anyFlags }: { children: ReactNode; anyFlags: boolean }) {
  const [state, action] = useActionState(bulkApproveAction, initialActionState);
  return (
    <form action={action} aria-label="批量审核" className="space-y-4">
      <Result state={state} />
      {children}
      <div className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:flex-row sm:items-center sm:justify-between">
        {anyFlags ? (
          <label className="flex items-start gap-2 text-sm text-amber-950">
            <input type="checkbox" name="acceptFlags" value="1" className="mt-0.5 size-4 shrink-0" />
            <span>所选月报中的数据提醒我已核实</span>
          </label>
        ) : (
          <p className="text-sm text-slate-600">每份月报单独审核、单独记录；有数据提醒的月报需先核实。</p>
        )}
        <SubmitButton pendingText="正在审核…">批量审核通过所选月报</SubmitButton>
      </div>
    </form>
  );
}
