import "server-only";
import { headers } from "next/headers";

/**
 * The client's address: the right-most X-Forwarded-For entry, i.e. the one added by the
 * nearest hop (Next.js fills it from the socket when no proxy set it). Behind a reverse
 * proxy, the proxy must overwrite or append to X-Forwarded-For.
 */
export async function clientAddress(): Promise<string> {
  const h = await headers();
  const xff = h.get("x-forwarded-for");
  const last = xff?.split(",").map((s) => s.trim()).filter(Boolean).pop();
  return (last ?? h.get("x-real-ip") ?? "unknown").slice(0, 64);
}

export async function userAgent(): Promise<string | null> {
  return (await headers()).get("user-agent");
}
