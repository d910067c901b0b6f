/** The one shape every form action returns. Passwords are never echoed in `values`. */
export interface ActionState {
  ok: boolean;
  message: string | null;
  fieldErrors: Record<string, string>;
  values: Record<string, string>;
}

export const initialActionState: ActionState = { ok: false, message: null, fieldErrors: {}, values: {} };

export function failure(message: string | null, fieldErrors: Record<string, string> = {}, values: Record<string, string> = {}): ActionState {
  return { ok: false, message, fieldErrors, values };
}

export function success(message: string, values: Record<string, string> = {}): ActionState {
  return { ok: true, message, fieldErrors: {}, values };
}

/** zod issues → the first message per field. */
export function fieldErrorsOf(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of issues) {
    const key = String(i.path[0] ?? "_");
    out[key] ??= i.message;
  }
  return out;
}

/**
 * Only same-site paths may be used as a post-sign-in destination; control characters (a newline
 * would end up in the Location header) and backslashes send the user to the fallback instead.
 */
export function safeNextPath(next: unknown, fallback: string): string {
  if (typeof next !== "string" || !next.startsWith("/") || next.startsWith("//")) return fallback;
  for (let i = 0; i < next.length; i++) {
    const c = next.charCodeAt(i);
    if (c < 0x20 || c === 0x7f || c === 0x5c) return fallback;
  }
  return next;
}
