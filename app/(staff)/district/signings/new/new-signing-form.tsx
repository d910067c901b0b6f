"use client";

import { useActionState } from "react";
import { initialActionState } from "@/app/_lib/action-state";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormKey } from "@/components/use-form-key";
import { SigningFields, type SigningChoices } from "../signing-fields";
import { createSigningAction } from "./actions";

export function NewSigningForm({ choices }: { choices: SigningChoices }) {
  const [state, action] = useActionState(createSigningAction, initialActionState);
  const key = useFormKey(state);
  const v = state.values.name !== undefined ? state.values : { isPublic: "1" };
  return (
    <form key={key} action={action} className="space-y-2" noValidate>
      <FormMessage state={state} />
      <SigningFields choices={choices} values={v} errors={state.fieldErrors} />
      <SubmitButton pendingText="正在保存…">保存签约</SubmitButton>
    </form>
  );
}
