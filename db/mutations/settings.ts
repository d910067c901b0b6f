/** Settings kept in app_meta, changed by the campaign office (caller must have checked campaign.manage). */
import { eq } from "drizzle-orm";
import type { OpenDatabase } from "../client";
import { appMeta } from "../schema";
import { insertAuditEvent } from "./audit";
import type { UserActor } from "@/domain/actor";

export async function setMetaValue(open: OpenDatabase, key: string, value: string, actor: UserActor): Promise<void> {
  await open.write(async (tx) => {
    const before = (await tx.select({ value: appMeta.value }).from(appMeta).where(eq(appMeta.key, key)))[0]?.value ?? null;
    if (before === value) return;
    await tx
      .insert(appMeta)
      .values({ key, value })
      .onConflictDoUpdate({ target: appMeta.key, set: { value, updatedAt: new Date().toISOString() } });
    await insertAuditEvent(tx, { actorUserId: actor.id, actorName: actor.name, action: "setting.update", entity: "app_meta", entityId: key, before: { value: before }, after: { value }, clientAddress: actor.clientAddress });
  });
}
