"use client";

import { useActionState } from "react";
import { initialActionState } from "@/app/_lib/action-state";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { SelectField } from "@/components/ui/field";
import { useFormKey } from "@/components/use-form-key";
import { issueOrderAction } from "./actions";

export interface OrderFormDefaults {
  subjectType: string;
  indicatorId: string;
  projectId: string;
  problemId: string;
  month: string;
  responsible: string;
  issue: string;
  requirement: string;
  deadlineOn: string;
  level: string;
}

function TextArea({ name, label, value, error }: { name: string; label: string; value: string; error?: string }) {
  return (
    <div>
      <label htmlFor={name} className="block text-sm font-medium text-slate-700">{label}</label>
      <textarea id={name} name={name} rows={3} defaultValue={value} aria-invalid={!!error} aria-describedby={`${name}-error`}
        className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 text-sm aria-[invalid=true]:border-red-600" />
      <p id={`${name}-error`} aria-live="polite" className="mt-1 min-h-5 text-sm text-red-700">{error ?? ""}</p>
    </div>
  );
}

export function OrderForm({ defaults, responsibleOptions }: { defaults: OrderFormDefaults; responsibleOptions: { value: string; label: string }[] }) {
  const [state, action] = useActionState(issueOrderAction, initialActionState);
  const key = useFormKey(state);
  const v = (k: keyof OrderFormDefaults) => state.values[k] ?? defaults[k];
  return (
    <form key={key} action={action} className="space-y-3" noValidate>
      {(["subjectType", "indicatorId", "projectId", "problemId", "month"] as const).map((k) => (
        <input key={k} type="hidden" name={k} value={v(k)} />
      ))}
      <FormMessage state={state} />
      <TextArea name="issue" label="存在问题（已按数据预填，可修改）" value={v("issue")} error={state.fieldErrors.issue} />
      <TextArea name="requirement" label="整改要求" value={v("requirement")} error={state.fieldErrors.requirement} />
      <div className="grid gap-3 sm:grid-cols-3">
        <SelectField name="responsible" label="责任单位" options={responsibleOptions} defaultValue={v("responsible")} placeholder="请选择" error={state.fieldErrors.responsible} />
        <div>
          <label htmlFor="deadlineOn" className="block text-sm font-medium text-slate-700">办结期限</label>
          <input id="deadlineOn" name="deadlineOn" type="date" defaultValue={v("deadlineOn")} aria-invalid={!!state.fieldErrors.deadlineOn} aria-describedby="deadlineOn-error"
            className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 aria-[invalid=true]:border-red-600" />
          <p id="deadlineOn-error" aria-live="polite" className="mt-1 min-h-5 text-sm text-red-700">{state.fieldErrors.deadlineOn ?? ""}</p>
        </div>
        <SelectField name="level" label="督办等级" options={[{ value: "general", label: "一般督办" }, { value: "key", label: "重点督办" }, { value: "leader", label: "市领导督办" }]} defaultValue={v("level")} error={state.fieldErrors.level} />
      </div>
      <SubmitButton pendingText="正在下达…">下达督办单</SubmitButton>
    </form>
  );
}
