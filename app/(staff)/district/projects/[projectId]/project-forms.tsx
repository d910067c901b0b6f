"use client";

import { useActionState } from "react";
import { initialActionState } from "@/app/_lib/action-state";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { SelectField } from "@/components/ui/field";
import { useFormKey } from "@/components/use-form-key";
import { STAGE_OPTIONS } from "@/domain/project-format";
import { RegisterFields, type RegisterChoices } from "../register-fields";
import { changeStageAction, saveMonthInvestmentAction, updateRegisterAction } from "./actions";
import { Badge } from "@/components/ui/badge";

export function RegisterForm({ projectId, version, saved, choices }: { projectId: number; version: number; saved: Record<string, string>; choices: RegisterChoices }) {
  const [state, action] = useActionState(updateRegisterAction, initialActionState);
  const key = useFormKey(state);
  // After a refusal the form keeps what was typed; otherwise it shows what is stored.
  const v = !state.ok && state.values.code !== undefined ? state.values : saved;
  return (
    <form key={key} action={action} className="space-y-2" noValidate>
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="version" value={version} />
      <FormMessage state={state} />
      <RegisterFields choices={choices} values={v} errors={state.fieldErrors} />
      <SubmitButton>保存登记信息</SubmitButton>
    </form>
  );
}

export function StageForm({ projectId, version, saved }: { projectId: number; version: number; saved: { stage: string; actualStartOn: string; actualCompletionOn: string } }) {
  const [state, action] = useActionState(changeStageAction, initialActionState);
  const key = useFormKey(state);
  const v = !state.ok && state.values.stage !== undefined ? state.values : saved;
  return (
    <form key={key} action={action} className="space-y-2" noValidate>
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="version" value={version} />
      <FormMessage state={state} />
      <div className="grid gap-x-4 sm:grid-cols-3">
        <SelectField name="stage" label="阶段" options={STAGE_OPTIONS} defaultValue={v.stage} error={state.fieldErrors.stage} />
        <Field name="actualStartOn" label="实际开工日期" type="date" defaultValue={v.actualStartOn} error={state.fieldErrors.actualStartOn} />
        <Field name="actualCompletionOn" label="实际建成日期" type="date" defaultValue={v.actualCompletionOn} error={state.fieldErrors.actualCompletionOn} />
      </div>
      <SubmitButton>保存阶段</SubmitButton>
    </form>
  );
}

/**
 * One editable month of the investment table. A <form> cannot sit inside a table row, so the
 * inputs join the form in the last cell through their `form` attribute (this works without
 * JavaScript too).
 */
export function MonthRow(props: { projectId: number; month: string; label: string; stateText: string; version: number | null; amount: string; note: string }) {
  const [state, action] = useActionState(saveMonthInvestmentAction, initialActionState);
  const key = useFormKey(state);
  const formId = `month-${props.month}`;
  const v = !state.ok && state.values.amount !== undefined ? state.values : { amount: props.amount, note: props.note };
  const amountError = state.fieldErrors.amount;
  const noteError = state.fieldErrors.note;
  return (
    <tr key={key} className="border-b border-slate-100 bg-white align-top last:border-0">
      <th scope="row" className="px-3 py-2 text-left font-medium whitespace-nowrap">{props.label}</th>
      <td className="px-3 py-2">
        <input
          id={`${formId}-amount`}
          name="amount"
          form={formId}
          inputMode="decimal"
          autoComplete="off"
          defaultValue={v.amount}
          aria-label={`${props.label}完成投资（万元）`}
          aria-invalid={!!amountError}
          aria-describedby={`${formId}-amount-error`}
          className="w-32 rounded-md border border-slate-300 px-2 py-1 text-right aria-[invalid=true]:border-red-600"
        />
        <p id={`${formId}-amount-error`} aria-live="polite" className="mt-1 text-sm text-red-700">{amountError ?? ""}</p>
      </td>
      <td className="px-3 py-2">
        <input
          id={`${formId}-note`}
          name="note"
          form={formId}
          autoComplete="off"
          defaultValue={v.note}
          aria-label={`${props.label}备注`}
          aria-invalid={!!noteError}
          aria-describedby={`${formId}-note-error`}
          className="w-full min-w-40 rounded-md border border-slate-300 px-2 py-1 aria-[invalid=true]:border-red-600"
        />
        <p id={`${formId}-note-error`} aria-live="polite" className="mt-1 text-sm text-red-700">{noteError ?? ""}</p>
      </td>
      <td className="px-3 py-2 whitespace-nowrap">
        <Badge look="soft" colors="bg-green-50 text-green-800">{props.stateText}</Badge>
      </td>
      <td className="px-3 py-2">
        <form id={formId} action={action} noValidate className="space-y-1">
          <input type="hidden" name="projectId" value={props.projectId} />
          <input type="hidden" name="month" value={props.month} />
          <input type="hidden" name="version" value={props.version ?? ""} />
          <SubmitButton variant="secondary">保存{props.label}</SubmitButton>
          {state.message && (
            <p role={state.ok ? "status" : "alert"} className={`max-w-sm text-sm ${state.ok ? "text-green-800" : "text-red-700"}`}>{state.message}</p>
          )}
        </form>
      </td>
    </tr>
  );
}
