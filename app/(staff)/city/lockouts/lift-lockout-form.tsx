"use client";

import { useActionState } from "react";
import { initialActionState } from "@/app/_lib/action-state";
import { FormMessage } from "@/components/ui/form-message";
import { liftLockoutAction } from "./actions";

/**
 * One form for every "解除锁定" button on the page (the buttons point at it with `form=`), so
 * the result message stays on screen after the lifted row disappears.
 */
export function LiftLockoutForm({ id }: { id: string }) {
  const [state, action] = useActionState(liftLockoutAction, initialActionState);
  return (
    <form id={id} action={action}>
      <FormMessage state={state} />
    </form>
  );
}
