/**
 * Which campaign the app works on. Shared by db/queries/campaigns.ts (pages) and the set-up
 * mutations (db/mutations/setup/campaigns.ts), so both always agree. Not "server-only": the
 * mutations are exercised directly by unit tests.
 */
import { and, desc, eq, ne, sql } from "drizzle-orm";
import type { Tx } from "./client";
import { appMeta, campaigns } from "./schema";

/** app_meta key holding the id of the campaign marked as current. */
export const CURRENT_CAMPAIGN_KEY = "current_campaign";

export async function markedCampaignId(tx: Pick<Tx, "select">): Promise<number | null> {
  const rows = await tx.select({ value: appMeta.value }).from(appMeta).where(eq(appMeta.key, CURRENT_CAMPAIGN_KEY));
  const id = Number(rows[0]?.value);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

/**
 * The campaign the app works on: the one marked current while it is active, else the latest
 * active one by year, else the latest archived one; never a draft. db/queries/campaigns.ts
 * getCurrentCampaign and the set-up mutations both read it through here, so they always agree.
 */
export async function effectiveCurrentCampaignId(tx: Pick<Tx, "select">): Promise<number | null> {
  const marked = await markedCampaignId(tx);
  if (marked !== null) {
    const row = await tx.select({ id: campaigns.id }).from(campaigns).where(and(eq(campaigns.id, marked), eq(campaigns.status, "active")));
    if (row[0]) return row[0].id;
  }
  const rows = await tx
    .select({ id: campaigns.id })
    .from(campaigns)
    .where(ne(campaigns.status, "draft"))
    .orderBy(sql`case when ${campaigns.status} = 'active' then 0 else 1 end`, desc(campaigns.year), desc(campaigns.id))
    .limit(1);
  return rows[0]?.id ?? null;
}
