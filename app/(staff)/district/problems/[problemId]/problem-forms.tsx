"use client";

import { useActionState } from "react";
import { initialActionState } from "@/app/_lib/action-state";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { SelectField, type SelectOption } from "@/components/ui/field";
import { useFormKey } from "@/components/use-form-key";
import { TextArea } from "@/components/ui/field";
import { resolveProblemAction, setProblemStatusAction, updateProblemAction } from "./actions";

export interface EditableProblem {
  id: number;
  version: number;
  type: string;
  description: string;
  responsibleUnit: string;
  escalationLevel: string;
  deadlineOn: string | null;
  openedOn: string;
  status: string;
  resolvedOn: string | null;
  resolutionNote: string | null;
}

function Target({ p }: { p: EditableProblem }) {
  return (
    <>
      <input type="hidden" name="id" value={p.id} />
      <input type="hidden" name="version" value={p.version} />
    </>
  );
}

export function EditProblemForm({ problem, types, levels }: { problem: EditableProblem; types: readonly SelectOption[]; levels: readonly SelectOption[] }) {
  const [state, action] = useActionState(updateProblemAction, initialActionState);
  const key = useFormKey(state);
  // After an error the form shows what was sent; otherwise the saved problem.
  const v =
    state.values.type !== undefined
      ? state.values
      : { type: problem.type, description: problem.description, responsibleUnit: problem.responsibleUnit, escalationLevel: problem.escalationLevel, deadlineOn: problem.deadlineOn ?? "", openedOn: problem.openedOn };
  const e = state.fieldErrors;
  return (
    <form key={key} action={action} className="space-y-2" noValidate>
      <Target p={problem} />
      <FormMessage state={state} />
      <SelectField name="type" label="难题类型" options={types} defaultValue={v.type} error={e.type} />
      <TextArea name="description" label="问题描述" defaultValue={v.description} error={e.description} />
      <Field name="responsibleUnit" label="责任单位" defaultValue={v.responsibleUnit} error={e.responsibleUnit} />
      <SelectField name="escalationLevel" label="协调层级" options={levels} defaultValue={v.escalationLevel} error={e.escalationLevel} />
      <div className="grid gap-x-4 sm:grid-cols-2">
        <Field name="openedOn" label="登记日期" type="date" hint="发现或上报难题的日期" defaultValue={v.openedOn} error={e.openedOn} />
        <Field name="deadlineOn" label="办结时限" type="date" hint="超过时限仍未解决会标为“已逾期”" defaultValue={v.deadlineOn} error={e.deadlineOn} />
      </div>
      <SubmitButton>保存修改</SubmitButton>
    </form>
  );
}

const STATUS_OPTIONS: SelectOption[] = [
  { value: "open", label: "待处理" },
  { value: "in_progress", label: "处理中" },
];

export function StatusForm({ problem }: { problem: EditableProblem }) {
  const [state, action] = useActionState(setProblemStatusAction, initialActionState);
  const key = useFormKey(state);
  return (
    <form key={key} action={action} className="flex flex-wrap items-end gap-3" noValidate>
      <Target p={problem} />
      <div className="w-full">
        <FormMessage state={state} />
      </div>
      <SelectField name="status" label="处理状态" options={STATUS_OPTIONS} defaultValue={state.values.status ?? problem.status} error={state.fieldErrors.status} className="min-w-40" />
      <div className="pb-6">
        <SubmitButton variant="secondary">更新状态</SubmitButton>
      </div>
    </form>
  );
}

export function ReopenForm({ problem }: { problem: EditableProblem }) {
  const [state, action] = useActionState(setProblemStatusAction, initialActionState);
  return (
    <form action={action} className="space-y-2" noValidate>
      <Target p={problem} />
      <input type="hidden" name="status" value="in_progress" />
      <FormMessage state={state} />
      <p className="text-sm text-slate-600">重新打开后状态改为“处理中”，解决日期和解决情况将清空，该难题不再计入已解决数。</p>
      <SubmitButton variant="danger" pendingText="正在重新打开…">重新打开</SubmitButton>
    </form>
  );
}

export function ResolveForm({ problem }: { problem: EditableProblem }) {
  const [state, action] = useActionState(resolveProblemAction, initialActionState);
  const key = useFormKey(state);
  const resolved = problem.status === "resolved";
  const v = state.values.resolvedOn !== undefined ? state.values : { resolvedOn: problem.resolvedOn ?? "", resolutionNote: problem.resolutionNote ?? "" };
  const e = state.fieldErrors;
  return (
    <form key={key} action={action} className="space-y-2" noValidate>
      <Target p={problem} />
      <FormMessage state={state} />
      <Field name="resolvedOn" label="解决日期" type="date" hint="计入该日期所在月份的“已解决”数；该月月报须为草稿或已退回" defaultValue={v.resolvedOn} error={e.resolvedOn} />
      <TextArea name="resolutionNote" label="解决情况" hint="如何解决的：协调会议、批复文号、完成的手续等" defaultValue={v.resolutionNote} error={e.resolutionNote} />
      <SubmitButton pendingText="正在保存…">{resolved ? "保存解决情况" : "标记为已解决"}</SubmitButton>
    </form>
  );
}
