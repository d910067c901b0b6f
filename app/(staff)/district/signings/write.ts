import "server-only";
import type { UnitDef } from "@/domain/numbers";
import { getUnit } from "@/db/queries/records";
import { listEvents } from "@/db/queries/signings";

/** Signing amounts are typed in 亿元 and stored in that unit's base (万元). */
export async function moneyUnit(): Promise<UnitDef> {
  const unit = await getUnit("yi_yuan");
  if (!unit) throw new Error("unit yi_yuan is missing");
  return unit;
}

/** The event must be one of the campaign's. */
export async function eventError(campaignId: number, eventId: number | null): Promise<string | null> {
  if (eventId === null) return null;
  const events = await listEvents(campaignId);
  return events.some((e) => e.id === eventId) ? null : "所选活动不存在";
}
