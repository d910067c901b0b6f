import { checkMutationOrigin, forwardingSettings } from "./forwarding.mjs";

/** True when the Origin header names exactly the host the request was sent to. */
export function isSameOrigin(origin: string | null, host: string | null): boolean {
  if (!origin || !host || origin === "null") return false;
  try {
    return new URL(origin).host === host.toLowerCase();
  } catch {
    return false;
  }
}

/**
 * Why a request that changes data must be refused because of where it came from, or null when
 * it may go on: the same rule the front server (scripts/server.mjs) applies to every mutation,
 * checked again by route handlers (TUIJIN_PUBLIC_ORIGIN, else the Host; X-Forwarded-Host only
 * from a trusted proxy; a missing Origin is refused).
 */
export function mutationOriginRefusal(request: Request): { status: 400 | 403; reason: string } | null {
  const h = request.headers;
  return checkMutationOrigin({ method: request.method, origin: h.get("origin"), host: h.get("host"), forwardedHost: h.get("x-forwarded-host") }, forwardingSettings());
}
