import "server-only";
import { headers } from "next/headers";
import { CLIENT_ADDRESS_HEADER } from "./forwarding.mjs";

/**
 * The client's address as the front server (scripts/server.mjs) resolved it: the socket's peer,
 * or the X-Forwarded-For entry written by the outermost trusted proxy (TUIJIN_TRUSTED_PROXIES).
 * Anything the client wrote itself is never used. Under `next dev` (no front server) the address
 * Next.js took from the socket; a production server started without the front server has no
 * trustworthy address and reports "unknown".
 */
export function clientAddressFrom(h: Headers): string {
  const resolved = h.get(CLIENT_ADDRESS_HEADER);
  if (resolved) return resolved.slice(0, 64);
  if (process.env.NODE_ENV !== "production") {
    return (h.get("x-forwarded-for")?.split(",").map((s) => s.trim()).filter(Boolean).pop() ?? "unknown").slice(0, 64);
  }
  return "unknown";
}

export async function clientAddress(): Promise<string> {
  return clientAddressFrom(await headers());
}

export async function userAgent(): Promise<string | null> {
  return (await headers()).get("user-agent");
}
