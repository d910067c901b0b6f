"use client";

import { useActionState } from "react";
import { initialActionState } from "@/app/_lib/action-state";
import { Checkbox, Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { RoleAndScopeFields, type ScopeChoices } from "../scope-fields";
import { useFormKey } from "@/components/use-form-key";
import { endSessionsAction, resetPasswordAction, updateUserAction } from "./actions";

export interface EditableUser {
  id: number;
  displayName: string;
  role: string;
  districtId: number | null;
  departmentId: number | null;
  active: boolean;
  version: number;
}

export function EditUserForm({ user, choices, isSelf }: { user: EditableUser; choices: ScopeChoices; isSelf: boolean }) {
  const [state, action] = useActionState(updateUserAction, initialActionState);
  const key = useFormKey(state);
  // After an error the form shows what was sent; otherwise the saved user.
  const v =
    state.values.role !== undefined
      ? state.values
      : { displayName: user.displayName, role: user.role, districtId: user.districtId?.toString() ?? "", departmentId: user.departmentId?.toString() ?? "", active: user.active ? "1" : "" };
  const activeError = state.fieldErrors.active;
  return (
    <form key={key} action={action} className="group space-y-2" noValidate>
      <input type="hidden" name="userId" value={user.id} />
      <input type="hidden" name="version" value={user.version} />
      <FormMessage state={state} />
      {isSelf && <p className="text-sm text-slate-600">这是您自己的账号：不能停用自己，也不能更改自己的角色。</p>}
      <Field name="displayName" label="姓名" autoComplete="off" defaultValue={v.displayName} error={state.fieldErrors.displayName} />
      <RoleAndScopeFields choices={choices} values={v} errors={state.fieldErrors} />
      <Checkbox name="active" label="启用账号" hint="停用后该用户不能登录，已有的登录立即结束。更改角色或范围也会结束其现有登录。" defaultChecked={v.active === "1"} error={activeError} />
      <SubmitButton>保存修改</SubmitButton>
    </form>
  );
}

export function ResetPasswordForm({ userId, version }: { userId: number; version: number }) {
  const [state, action] = useActionState(resetPasswordAction, initialActionState);
  return (
    <form action={action} className="space-y-2" noValidate>
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="version" value={version} />
      <FormMessage state={state} />
      <Field
        name="newPassword"
        label="新的临时密码"
        autoComplete="off"
        hint="10 到 128 个字符，不能与用户名相同。重置后该用户的所有登录立即结束，下次登录时必须修改密码。"
        error={state.fieldErrors.newPassword}
      />
      <SubmitButton variant="danger" pendingText="正在重置…">重置密码</SubmitButton>
    </form>
  );
}

export function EndSessionsForm({ userId }: { userId: number }) {
  const [state, action] = useActionState(endSessionsAction, initialActionState);
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="userId" value={userId} />
      <FormMessage state={state} />
      <p className="text-sm text-slate-600">该用户在所有设备上的登录都会立即结束，需要重新登录。密码不变。</p>
      <SubmitButton variant="danger" pendingText="正在结束…">结束该用户所有登录</SubmitButton>
    </form>
  );
}
