"use client";

import { useActionState } from "react";
import { initialActionState } from "@/app/_lib/action-state";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { changePasswordAction } from "./actions";

export function PasswordForm() {
  const [state, action] = useActionState(changePasswordAction, initialActionState);
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <Field name="currentPassword" label="当前密码" type="password" autoComplete="current-password" error={state.fieldErrors.currentPassword} />
      <Field name="newPassword" label="新密码" type="password" autoComplete="new-password" hint="10 到 128 个字符，不能与用户名相同" error={state.fieldErrors.newPassword} />
      <Field name="confirmPassword" label="再次输入新密码" type="password" autoComplete="new-password" error={state.fieldErrors.confirmPassword} />
      <SubmitButton>保存新密码</SubmitButton>
    </form>
  );
}
