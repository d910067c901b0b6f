"use client";

import { useActionState } from "react";
import { useFormStatus } from "react-dom";
import { FieldError } from "@/components/ui/field";
import { signInAction, type LoginState } from "./actions";

function SubmitButton({ label }: { label: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} className="w-full rounded-md bg-brand-700 px-4 py-2.5 font-medium text-white hover:bg-brand-800 disabled:opacity-60">
      {pending ? "正在验证…" : label}
    </button>
  );
}

export function LoginForm({ next }: { next?: string }) {
  const [state, formAction] = useActionState<LoginState, FormData>(signInAction, { step: "password", message: null, fieldErrors: {}, values: { next } });
  const nextValue = state.values.next ?? next ?? "";
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {state.message && (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {state.message}
        </p>
      )}
      <input type="hidden" name="next" value={nextValue} />
      {state.step === "password" ? (
        <>
          <div>
            <label htmlFor="username" className="block text-sm font-medium text-slate-700">用户名</label>
            <input
              id="username" name="username" autoComplete="username" required defaultValue={state.values.username ?? ""}
              aria-invalid={!!state.fieldErrors.username} aria-describedby="username-error"
              className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2"
            />
            <FieldError id="username-error" error={state.fieldErrors.username} />
          </div>
          <div>
            <label htmlFor="password" className="block text-sm font-medium text-slate-700">密码</label>
            <input
              id="password" name="password" type="password" autoComplete="current-password" required
              aria-invalid={!!state.fieldErrors.password} aria-describedby="password-error"
              className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2"
            />
            <FieldError id="password-error" error={state.fieldErrors.password} />
          </div>
          <SubmitButton label="登录" />
        </>
      ) : (
        <>
          <input type="hidden" name="ticket" value={state.ticket ?? ""} />
          <p className="text-sm text-slate-700">
            账号 <strong>{state.values.username}</strong> 已开启两步验证。请输入验证器应用显示的 6 位动态验证码，或一个恢复码。
          </p>
          <div>
            <label htmlFor="code" className="block text-sm font-medium text-slate-700">动态验证码或恢复码</label>
            <input
              id="code" name="code" autoComplete="one-time-code" inputMode="text" required autoFocus
              aria-invalid={!!state.fieldErrors.code} aria-describedby="code-error"
              className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 tracking-widest"
            />
            <FieldError id="code-error" error={state.fieldErrors.code} />
          </div>
          <SubmitButton label="验证并登录" />
        </>
      )}
    </form>
  );
}
