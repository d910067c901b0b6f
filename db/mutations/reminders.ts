/**
 * 催报 by the campaign office: reminds districts whose month is past its due date and still not
 * submitted. Re-reads the month's states inside the write transaction (a district that submitted
 * meanwhile is skipped), emits the reminders and audits who was chased. Caller must have checked
 * `report.review` (campaign office).
 */
import { and, eq, inArray, isNull, or } from "drizzle-orm";
import type { OpenDatabase } from "../client";
import { districts, monthlyReports, periods } from "../schema";
import type { UserActor } from "@/domain/actor";
import type { Outcome, Refused } from "@/domain/outcome";
import { insertAuditEvent } from "./audit";
import { notifyDeadline } from "./notify-events";

/** Done: the names of the districts reminded. */
export type RemindOutcome = Outcome<string[], Refused<"not-found" | "not-due" | "none-late">>;

export async function sendDeadlineReminders(open: OpenDatabase, a: { campaignId: number; month: string; districtIds: number[] | "all-late"; today: string; actor: UserActor }): Promise<RemindOutcome> {
  return open.write(async (tx) => {
    const p = (await tx.select({ id: periods.id, month: periods.month, dueOn: periods.dueOn, locked: periods.locked }).from(periods).where(and(eq(periods.campaignId, a.campaignId), eq(periods.month, a.month))))[0];
    if (!p || p.locked) return { ok: false, reason: "not-found" };
    if (a.today <= p.dueOn) return { ok: false, reason: "not-due" };
    const late = await tx
      .select({ id: districts.id, name: districts.name })
      .from(districts)
      .leftJoin(monthlyReports, and(eq(monthlyReports.periodId, p.id), eq(monthlyReports.districtId, districts.id)))
      .where(and(eq(districts.active, true), eq(districts.reports, true), or(isNull(monthlyReports.status), inArray(monthlyReports.status, ["draft", "returned"])), a.districtIds === "all-late" ? undefined : inArray(districts.id, a.districtIds.length > 0 ? a.districtIds : [-1])))
      .orderBy(districts.sortOrder, districts.id);
    if (late.length === 0) return { ok: false, reason: "none-late" };
    for (const d of late) await notifyDeadline(tx, { kind: "deadline_reminder", periodId: p.id, districtId: d.id, month: p.month, dueOn: p.dueOn, actorId: a.actor.id });
    await insertAuditEvent(tx, { actorUserId: a.actor.id, actorName: a.actor.name, action: "report.remind", entity: "period", entityId: p.id, after: { month: p.month, districts: late.map((d) => d.name) }, clientAddress: a.actor.clientAddress });
    return { ok: true, value: late.map((d) => d.name) };
  });
}
