import "server-only";
import { PUBLIC_ORDER_COUNTS_KEY } from "@/app/_lib/settings-keys";
import { getMetaValue } from "@/db/queries/meta";
import { publicOrderCounts } from "@/db/queries/orders";

export type PublicOrderCounts = Map<number, { issued: number; closed: number }>;

/**
 * Supervision-order counts per district (issued, closed; never details) for the public pages, or
 * null when the campaign office has not turned them on (/city/orders). Public pages are cached:
 * the switch, and issuing or closing an order while it is on, refresh them.
 */
export async function getPublicOrderCounts(campaignId: number): Promise<PublicOrderCounts | null> {
  if ((await getMetaValue(PUBLIC_ORDER_COUNTS_KEY)) !== "1") return null;
  return publicOrderCounts(campaignId);
}
