"use client";

import { useActionState } from "react";
import { initialActionState } from "@/app/_lib/action-state";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormKey } from "@/components/use-form-key";
import { SigningFields, type SigningChoices } from "../signing-fields";
import { updateSigningAction } from "./actions";

export function EditSigningForm({ id, version, saved, choices }: { id: number; version: number; saved: Record<string, string>; choices: SigningChoices }) {
  const [state, action] = useActionState(updateSigningAction, initialActionState);
  const key = useFormKey(state);
  // After an error the form shows what was sent; otherwise the saved signing.
  const v = state.values.name !== undefined ? state.values : saved;
  return (
    <form key={key} action={action} className="space-y-2" noValidate>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <FormMessage state={state} />
      <SigningFields choices={choices} values={v} errors={state.fieldErrors} />
      <SubmitButton>保存修改</SubmitButton>
    </form>
  );
}
