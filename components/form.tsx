"use client";

import { useFormStatus } from "react-dom";
import type { ActionState } from "@/app/_lib/action-state";

/** Shared form pieces: labelled fields whose errors sit under them, announced politely. */
export function Field(props: {
  name: string;
  label: string;
  type?: string;
  defaultValue?: string;
  autoComplete?: string;
  hint?: string;
  error?: string;
  required?: boolean;
  inputMode?: "text" | "numeric" | "decimal";
}) {
  const errorId = `${props.name}-error`;
  const hintId = `${props.name}-hint`;
  return (
    <div>
      <label htmlFor={props.name} className="block text-sm font-medium text-slate-700">
        {props.label}
      </label>
      {props.hint && (
        <p id={hintId} className="text-xs text-slate-500">
          {props.hint}
        </p>
      )}
      <input
        id={props.name}
        name={props.name}
        type={props.type ?? "text"}
        defaultValue={props.defaultValue}
        autoComplete={props.autoComplete}
        inputMode={props.inputMode}
        aria-invalid={!!props.error}
        aria-describedby={[props.hint ? hintId : null, errorId].filter(Boolean).join(" ")}
        className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 aria-[invalid=true]:border-red-600"
      />
      <p id={errorId} aria-live="polite" className="mt-1 min-h-5 text-sm text-red-700">
        {props.error ?? ""}
      </p>
    </div>
  );
}

export function FormMessage({ state }: { state: ActionState }) {
  if (!state.message) return null;
  return (
    <p role={state.ok ? "status" : "alert"} className={`rounded-md border px-3 py-2 text-sm ${state.ok ? "border-green-200 bg-green-50 text-green-900" : "border-red-200 bg-red-50 text-red-800"}`}>
      {state.message}
    </p>
  );
}

export function SubmitButton({
  children,
  pendingText = "正在保存…",
  variant = "primary",
  name,
  value,
}: {
  children: React.ReactNode;
  pendingText?: string;
  variant?: "primary" | "danger" | "secondary";
  /** For forms with several submit buttons: the pressed one's name=value is posted. */
  name?: string;
  value?: string;
}) {
  const { pending } = useFormStatus();
  const styles = {
    primary: "bg-brand-700 text-white hover:bg-brand-800",
    danger: "border border-red-300 text-red-800 hover:bg-red-50",
    secondary: "border border-slate-300 text-slate-800 hover:bg-slate-100",
  }[variant];
  return (
    <button type="submit" name={name} value={value} disabled={pending} className={`rounded-md px-4 py-2 text-sm font-medium disabled:opacity-60 ${styles}`}>
      {pending ? pendingText : children}
    </button>
  );
}
