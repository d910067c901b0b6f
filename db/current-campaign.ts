/**
 * Which campaign the app works on. Shared by db/queries/campaigns.ts (pages) and the set-up
 * mutations (db/mutations/setup/campaigns.ts), so both always agree. Not "server-only": the
 * mutations are exercised directly by unit tests.
 */
import { desc, eq, ne, sql } from "drizzle-orm";
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
  const rows = await tx.select({ id: campaigns.id }).from(campaigns).where(CURRENT_CAMPAIGN_WHERE).orderBy(...CURRENT_CAMPAIGN_ORDER).limit(1);
  return rows[0]?.id ?? null;
}

/**
 * The rule above as one query's WHERE and ORDER BY (the first row is the current campaign), so a
 * page reads its campaign in one round trip — over http:// to a libSQL server each one counts.
 */
export const CURRENT_CAMPAIGN_WHERE = ne(campaigns.status, "draft");
export const CURRENT_CAMPAIGN_ORDER = [
  sql`case when ${campaigns.status} = 'active' and ${campaigns.id} = (select cast(${appMeta.value} as integer) from ${appMeta} where ${appMeta.key} = ${CURRENT_CAMPAIGN_KEY}) then 0 when ${campaigns.status} = 'active' then 1 else 2 end`,
  desc(campaigns.year),
  desc(campaigns.id),
] as const;
