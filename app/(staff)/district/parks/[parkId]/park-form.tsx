"use client";

import { useActionState } from "react";
import { initialActionState } from "@/app/_lib/action-state";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { SelectField, type SelectOption } from "@/components/ui/field";
import { useFormKey } from "@/components/use-form-key";
import { updateParkAction } from "./actions";

export function ParkForm({ id, version, saved, statuses }: { id: number; version: number; saved: Record<string, string>; statuses: readonly SelectOption[] }) {
  const [state, action] = useActionState(updateParkAction, initialActionState);
  const key = useFormKey(state);
  const v = state.values.status !== undefined ? state.values : saved;
  const e = state.fieldErrors;
  return (
    <form key={key} action={action} className="space-y-2" noValidate>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <FormMessage state={state} />
      <SelectField name="status" label="建设状态" options={statuses} defaultValue={v.status} error={e.status} />
      <div className="grid gap-x-4 sm:grid-cols-2">
        <Field name="plannedTrialOn" label="计划试运营日期" type="date" hint="按计划应进入试运营的日期；超期未试运营会标红" defaultValue={v.plannedTrialOn} error={e.plannedTrialOn} />
        <Field
          name="trialOperationOn"
          label="试运营日期"
          type="date"
          hint="状态为试运营或正式运营时必填；计入该日期所在月份"
          defaultValue={v.trialOperationOn}
          error={e.trialOperationOn}
        />
      </div>
      <SubmitButton>保存</SubmitButton>
    </form>
  );
}
