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

/** What an action answers a request its form could not have sent. */
export const INVALID_REQUEST = "请求无效，请刷新页面后重试";

/**
 * Whether an action got the form it was posted with. React decodes an action's arguments from
 * the request body, so a crafted body can hand it anything (`[1]`, the form where the state
 * goes, `null`): every action that takes a form checks it right after its guard, before reading
 * it, and refuses without it, as the front refuses a body that does not parse
 * (scripts/action-body.mjs), instead of failing with a 500 (tests/unit/guard-first.test.ts).
 */
export function isForm(value: unknown): value is FormData {
  return value instanceof FormData;
}

/** The refusal of a request that did not carry the action's form; nothing is read or stored. */
export function invalidRequest(): ActionState {
  return failure(INVALID_REQUEST);
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
