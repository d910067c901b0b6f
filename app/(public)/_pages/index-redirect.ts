import { requirePublicRead } from "@/app/_lib/guards";

/**
 * An address one segment above a page that has no list of its own (/indicators above
 * /indicators/<code>, /projects/page above /projects/page/<n>): it leads to the page that does
 * list them, rather than to a 404 for someone who shortened the address. A route handler, not a
 * page calling redirect(): a page's first render answered with its Location header twice. The
 * Location is relative, so it holds behind HTTPS and any host name.
 */
export function toListing(path: string): Response {
  requirePublicRead();
  return new Response(null, { status: 307, headers: { location: path, "cache-control": "public, max-age=300" } });
}
