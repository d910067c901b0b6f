import type { ActionState } from "@/app/_lib/action-state";

/** A form's overall result: a status when it worked, an alert when it did not. No hooks. */
export function FormMessage({ state }: { state: Pick<ActionState, "ok" | "message"> }) {
  if (!state.message) return null;
  return (
    <p role={state.ok ? "status" : "alert"} className={`rounded-md border px-3 py-2 text-sm ${state.ok ? "border-green-200 bg-green-50 text-green-900" : "border-red-200 bg-red-50 text-red-800"}`}>
      {state.message}
    </p>
  );
}

/** The green notice after a redirect (…?created=1). */
export function CreatedNotice({ children }: { children: React.ReactNode }) {
  return (
    <p role="status" className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-900">
      {children}
    </p>
  );
}
