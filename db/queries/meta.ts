import "server-only";
import { eq } from "drizzle-orm";
import { getDatabase } from "../index";
import { keptDefinition } from "../definitions";
import { appMeta } from "../schema";

/** Public: whether the database holds demo data (drives the 演示数据 banner). */
export function getIsDemoData(): Promise<boolean> {
  return keptDefinition("demo-data", async () => (await getMetaValue("demo_data")) === "1");
}

/**
 * A setting stored in app_meta (e.g. `ranking_weights:<campaignSlug>`), or null when unset.
 * Settings there are not secret: public pages may read them.
 */
export async function getMetaValue(key: string): Promise<string | null> {
  const { db } = await getDatabase();
  const rows = await db.select({ value: appMeta.value }).from(appMeta).where(eq(appMeta.key, key));
  return rows[0]?.value ?? null;
}
