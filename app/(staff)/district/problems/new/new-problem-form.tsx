"use client";

import { useActionState } from "react";
import { initialActionState } from "@/app/_lib/action-state";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { SelectField, type SelectOption } from "@/components/ui/field";
import { useFormKey } from "@/components/use-form-key";
import { TextArea } from "@/components/ui/field";
import { openProblemAction } from "./actions";

export interface ProblemChoices {
  projects: readonly SelectOption[];
  types: readonly SelectOption[];
  levels: readonly SelectOption[];
}

export function NewProblemForm({ choices, today }: { choices: ProblemChoices; today: string }) {
  const [state, action] = useActionState(openProblemAction, initialActionState);
  const key = useFormKey(state);
  const v = state.values;
  const e = state.fieldErrors;
  return (
    <form key={key} action={action} className="space-y-2" noValidate>
      <FormMessage state={state} />
      <SelectField name="projectId" label="项目" options={choices.projects} placeholder="请选择项目" defaultValue={v.projectId} error={e.projectId} />
      <SelectField name="type" label="难题类型" options={choices.types} placeholder="请选择类型" defaultValue={v.type} error={e.type} />
      <TextArea name="description" label="问题描述" hint="写清卡在哪一步、缺什么手续或条件" defaultValue={v.description} error={e.description} />
      <Field name="responsibleUnit" label="责任单位" hint="牵头解决的单位，例如 市自然资源和规划局、属地镇（街道）" defaultValue={v.responsibleUnit} error={e.responsibleUnit} />
      <SelectField name="escalationLevel" label="协调层级" options={choices.levels} defaultValue={v.escalationLevel ?? "district"} error={e.escalationLevel} />
      <div className="grid gap-x-4 sm:grid-cols-2">
        <Field name="openedOn" label="登记日期" type="date" hint="发现或上报难题的日期" defaultValue={v.openedOn ?? today} error={e.openedOn} />
        <Field name="deadlineOn" label="办结时限" type="date" hint="超过时限仍未解决的难题会标为“已逾期”" defaultValue={v.deadlineOn} error={e.deadlineOn} />
      </div>
      <SubmitButton pendingText="正在登记…">登记难题</SubmitButton>
    </form>
  );
}
