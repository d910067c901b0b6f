"use client";

import { useFormStatus } from "react-dom";

const VARIANTS = {
  primary: "bg-brand-700 text-white hover:bg-brand-800",
  danger: "border border-red-300 text-red-800 hover:bg-red-50",
  secondary: "border border-slate-300 text-slate-800 hover:bg-slate-100",
} as const;

/** A submit button that says it is working while its form posts (works as a plain button without JavaScript). */
export function SubmitButton({
  children,
  pendingText = "正在保存…",
  variant = "primary",
  name,
  value,
}: {
  children: React.ReactNode;
  pendingText?: string;
  variant?: keyof typeof VARIANTS;
  /** For forms with several submit buttons: the pressed one's name=value is posted. */
  name?: string;
  value?: string;
}) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" name={name} value={value} disabled={pending} className={`rounded-md px-4 py-2 text-sm font-medium disabled:opacity-60 ${VARIANTS[variant]}`}>
      {pending ? pendingText : children}
    </button>
  );
}
