"use client";

import { useActionState } from "react";
import { initialActionState } from "@/app/_lib/action-state";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { SelectField, type SelectOption } from "@/components/ui/field";
import { useFormKey } from "@/components/use-form-key";
import { RegisterFields, type RegisterChoices } from "../register-fields";
import { createProjectAction } from "./actions";

/** districts: offered to department editors and admins only; a district editor's project goes to their own district. */
export function CreateProjectForm({ choices, districts }: { choices: RegisterChoices; districts: readonly SelectOption[] | null }) {
  const [state, action] = useActionState(createProjectAction, initialActionState);
  const key = useFormKey(state);
  const v = state.values.code !== undefined ? state.values : { isKey: "1", isPublic: "1" };
  return (
    <form key={key} action={action} className="space-y-2" noValidate>
      <FormMessage state={state} />
      {districts && <SelectField name="districtId" label="区县" options={districts} placeholder="请选择区县" defaultValue={v.districtId} error={state.fieldErrors.districtId} />}
      <RegisterFields choices={choices} values={v} errors={state.fieldErrors} />
      <p className="text-sm text-slate-600">新项目的阶段为“前期筹备”；开工、建成后请在项目页面登记实际日期。</p>
      <SubmitButton pendingText="正在创建…">创建项目</SubmitButton>
    </form>
  );
}
