/**
 * History back-fill (历史补录): the campaign office marks a month as entered late on purpose, with
 * a reason, so completeness, the district home and the bulletin make no lateness claim for it.
 * One write transaction, version-checked, audited with old and new values. Callers must have
 * checked `period.lock` (the campaign office's month management).
 */
import { and, eq, sql } from "drizzle-orm";
import type { OpenDatabase } from "../client";
import { periods } from "../schema";
import { insertAuditEvent } from "./audit";
import type { Actor } from "@/domain/actor";
import { writableCampaign, type SetupOutcome } from "./setup/common";

export interface HistoricalArgs {
  periodId: number;
  expectedVersion: number;
  historical: boolean;
  /** Required (trimmed, non-empty) when marking; cleared when unmarking. */
  reason: string | null;
  actor: Actor;
}

export async function setPeriodHistorical(open: OpenDatabase, a: HistoricalArgs): Promise<SetupOutcome<{ month: string }>> {
  return open.write(async (tx) => {
    const p = (
      await tx
        .select({ campaignId: periods.campaignId, month: periods.month, historical: periods.historical, reason: periods.historicalReason, version: periods.version })
        .from(periods)
        .where(eq(periods.id, a.periodId))
    )[0];
    if (!p) return { ok: false, reason: "not-found" };
    const blocked = await writableCampaign(tx, p.campaignId);
    if (blocked) return blocked;
    if (p.version !== a.expectedVersion) return { ok: false, reason: "conflict" };
    const reason = a.historical ? (a.reason?.trim() ?? "") : null;
    if (a.historical && !reason) return { ok: false, reason: "refused", field: "reason", message: "请写明补录原因" };
    if (p.historical === a.historical && p.reason === reason) return { ok: true, value: { month: p.month } };
    const done = await tx
      .update(periods)
      .set({ historical: a.historical, historicalReason: reason, version: sql`${periods.version} + 1` })
      .where(and(eq(periods.id, a.periodId), eq(periods.version, a.expectedVersion)))
      .returning({ id: periods.id });
    if (done.length !== 1) return { ok: false, reason: "conflict" };
    await insertAuditEvent(tx, {
      actorUserId: a.actor.id,
      actorName: a.actor.name,
      action: a.historical ? "period.historical" : "period.historical_clear",
      entity: "period",
      entityId: a.periodId,
      before: { month: p.month, historical: p.historical, historicalReason: p.reason },
      after: { month: p.month, historical: a.historical, historicalReason: reason },
      clientAddress: a.actor.clientAddress,
    });
    return { ok: true, value: { month: p.month } };
  });
}
