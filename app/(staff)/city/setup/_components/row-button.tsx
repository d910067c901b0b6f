"use client";

import { useActionState } from "react";
import { initialActionState, type ActionState } from "@/app/_lib/action-state";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

/**
 * One button that posts a few hidden fields (move up/down, open a month, deactivate, archive…)
 * and shows the outcome beside it. Works without JavaScript.
 */
export function RowButton(props: {
  action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
  hidden: Record<string, string>;
  label: string;
  /** Completes the label for screen readers, e.g. the row's name. */
  srLabel?: string;
  variant?: "primary" | "secondary" | "danger";
  pendingText?: string;
  /** Show success messages too (default: only failures, since the page itself shows the change). */
  showSuccess?: boolean;
}) {
  const [state, action] = useActionState(props.action, initialActionState);
  return (
    <form action={action} className="inline-flex flex-col items-start gap-1">
      {Object.entries(props.hidden).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <SubmitButton variant={props.variant ?? "secondary"} pendingText={props.pendingText ?? "…"}>
        {props.label}
        {props.srLabel && <span className="sr-only">{props.srLabel}</span>}
      </SubmitButton>
      {(!state.ok || props.showSuccess) && <FormMessage state={state} />}
    </form>
  );
}
