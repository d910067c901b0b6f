"use client";

import { useActionState } from "react";
import { initialActionState } from "@/app/_lib/action-state";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { RoleAndScopeFields, type ScopeChoices } from "../scope-fields";
import { useFormKey } from "@/components/use-form-key";
import { createUserAction } from "./actions";

export function CreateUserForm({ choices }: { choices: ScopeChoices }) {
  const [state, action] = useActionState(createUserAction, initialActionState);
  const key = useFormKey(state);
  const v = state.values;
  return (
    <form key={key} action={action} className="group space-y-2" noValidate>
      <FormMessage state={state} />
      <Field
        name="username"
        label="用户名"
        autoComplete="off"
        hint="3–32 个字符：小写字母、数字、下划线、连字符或点；创建后不能修改"
        defaultValue={v.username}
        error={state.fieldErrors.username}
      />
      <Field name="displayName" label="姓名" autoComplete="off" defaultValue={v.displayName} error={state.fieldErrors.displayName} />
      <RoleAndScopeFields choices={choices} values={v} errors={state.fieldErrors} />
      <Field
        name="password"
        label="初始密码"
        autoComplete="off"
        hint="10 到 128 个字符，不能与用户名相同。请当面或电话告知用户，用户首次登录时必须修改。"
        error={state.fieldErrors.password}
      />
      <SubmitButton pendingText="正在创建…">创建用户</SubmitButton>
    </form>
  );
}
