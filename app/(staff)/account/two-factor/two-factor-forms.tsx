"use client";

import Link from "next/link";
import { useActionState } from "react";
import { initialActionState } from "@/app/_lib/action-state";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { confirmTwoFactorAction, disableTwoFactorAction, type EnrolState } from "./actions";

export function ConfirmTwoFactorForm({ showForm }: { showForm: boolean }) {
  const [state, action] = useActionState<EnrolState, FormData>(confirmTwoFactorAction, initialActionState);
  if (state.ok && state.recoveryCodes) {
    return (
      <div className="space-y-3">
        <FormMessage state={state} />
        <ol aria-label="恢复码" className="grid grid-cols-2 gap-2 font-mono text-sm">
          {state.recoveryCodes.map((c) => (
            <li key={c} className="rounded bg-slate-100 px-2 py-1">{c}</li>
          ))}
        </ol>
        <Link href="/account" className="inline-block text-sm text-brand-700 underline">我已保存，返回我的账号</Link>
      </div>
    );
  }
  if (!showForm) return null;
  return (
    <form action={action} className="space-y-3 rounded-lg border border-slate-200 bg-white p-5" noValidate>
      <FormMessage state={state} />
      <Field name="code" label="验证器显示的 6 位数字" inputMode="numeric" autoComplete="one-time-code" error={state.fieldErrors.code} />
      <SubmitButton pendingText="正在验证…">确认开启</SubmitButton>
    </form>
  );
}

export function DisableTwoFactorForm() {
  const [state, action] = useActionState(disableTwoFactorAction, initialActionState);
  return (
    <form action={action} className="space-y-3" noValidate>
      <FormMessage state={state} />
      <Field name="password" label="当前密码" type="password" autoComplete="current-password" error={state.fieldErrors.password} />
      <SubmitButton variant="danger" pendingText="正在关闭…">关闭两步验证</SubmitButton>
    </form>
  );
}
