import "server-only";
import { eq } from "drizzle-orm";
import { getDatabase } from "../index";
import { appMeta } from "../schema";

/** Public: whether the database holds demo data (drives the 演示数据 banner). */
export async function getIsDemoData(): Promise<boolean> {
  const { db } = await getDatabase();
  const rows = await db.select({ value: appMeta.value }).from(appMeta).where(eq(appMeta.key, "demo_data"));
  return rows[0]?.value === "1";
}
