/**
 * Campaigns: edit, activate, archive,
 * mark as current. Creating (blank or a copy): ./campaign-copy.ts; months and the report deadline
 * day: ./campaign-months.ts. Callers must have checked `campaign.manage`.
 *
 * Lifecycle: 草稿 (draft, being set up) → 启用 (active) → 归档 (archived: read-only, still
 * public). Creating or copying never changes the current campaign; only setCurrentCampaign does.
 */
import { and, eq, inArray, ne, sql } from "drizzle-orm";
import type { OpenDatabase, Tx } from "../../client";
import { appMeta, campaigns, indicators, monthlyReports, periods, targets, type CampaignStatus } from "../../schema";
import { campaignEditableColumns, type CampaignFields } from "../../campaign-columns";
import { CURRENT_CAMPAIGN_KEY, effectiveCurrentCampaignId, markedCampaignId } from "../../current-campaign";
import { diff, insertAuditEvent } from "../audit";
import type { Actor } from "@/domain/actor";
import { nowIso, type SetupOutcome } from "./common";
import { insertPeriods, recomputeDueDates } from "./campaign-months";

export type { CampaignFields } from "../../campaign-columns";
export async function slugTaken(tx: Tx, slug: string, exceptId?: number): Promise<boolean> {
  const rows = await tx
    .select({ id: campaigns.id })
    .from(campaigns)
    .where(exceptId ? and(eq(campaigns.slug, slug), ne(campaigns.id, exceptId)) : eq(campaigns.slug, slug));
  return rows.length > 0;
}

/**
 * Edits a campaign. The year and slug can change only while the campaign is a draft (the year only without any report;
 * its months and targets move to the new year); a new deadline day moves the due dates of
 * months not yet locked.
 */
export async function updateCampaign(open: OpenDatabase, id: number, expectedVersion: number, f: CampaignFields, actor: Actor): Promise<SetupOutcome> {
  return open.write(async (tx) => {
    const current = (await tx.select(campaignEditableColumns).from(campaigns).where(eq(campaigns.id, id)))[0];
    if (!current) return { ok: false, reason: "not-found" };
    if (current.status === "archived") return { ok: false, reason: "archived" };
    if (current.version !== expectedVersion) return { ok: false, reason: "conflict" };
    // The slug names the campaign in URLs and settings (e.g. ranking_weights:<slug>): fixed once active.
    if (f.slug !== current.slug && current.status !== "draft") return { ok: false, reason: "refused", field: "slug", message: "专项启用后不能修改标识" };
    if (f.slug !== current.slug && (await slugTaken(tx, f.slug, id))) return { ok: false, reason: "duplicate", field: "slug" };
    if (f.year !== current.year) {
      if (current.status !== "draft") return { ok: false, reason: "refused", field: "year", message: "专项启用后不能修改年度" };
      const periodIds = (await tx.select({ id: periods.id }).from(periods).where(eq(periods.campaignId, id))).map((p) => p.id);
      const reports = periodIds.length ? await tx.select({ id: monthlyReports.id }).from(monthlyReports).where(inArray(monthlyReports.periodId, periodIds)).limit(1) : [];
      if (reports.length > 0) return { ok: false, reason: "refused", field: "year", message: "已有区县填报，不能修改年度" };
      await tx.delete(periods).where(eq(periods.campaignId, id));
      await insertPeriods(tx, id, f.year, f.reportDeadlineDay);
      const indicatorIds = (await tx.select({ id: indicators.id }).from(indicators).where(eq(indicators.campaignId, id))).map((i) => i.id);
      if (indicatorIds.length) await tx.update(targets).set({ year: f.year, version: sql`${targets.version} + 1`, updatedAt: nowIso() }).where(and(inArray(targets.indicatorId, indicatorIds), eq(targets.year, current.year)));
    } else if (f.reportDeadlineDay !== current.reportDeadlineDay) {
      await recomputeDueDates(tx, id, f.reportDeadlineDay);
    }
    const change = diff(current, f);
    if (Object.keys(change.after).length === 0) return { ok: true, value: undefined };
    const updated = await tx
      .update(campaigns)
      .set({ ...f, version: sql`${campaigns.version} + 1`, updatedAt: nowIso() })
      .where(and(eq(campaigns.id, id), eq(campaigns.version, expectedVersion)))
      .returning({ id: campaigns.id });
    if (updated.length !== 1) return { ok: false, reason: "conflict" };
    await insertAuditEvent(tx, { actorUserId: actor.id, actorName: actor.name, action: "campaign.update", entity: "campaign", entityId: id, ...change, clientAddress: actor.clientAddress });
    return { ok: true, value: undefined };
  });
}

async function markCurrent(tx: Tx, id: number): Promise<void> {
  await tx
    .insert(appMeta)
    .values({ key: CURRENT_CAMPAIGN_KEY, value: String(id) })
    .onConflictDoUpdate({ target: appMeta.key, set: { value: String(id), updatedAt: nowIso() } });
}

/**
 * 草稿 → 启用, or 草稿/启用 → 归档. Archiving is final (an archived campaign refuses every
 * write); the campaign marked as current cannot be archived until another one is current.
 */
export async function setCampaignStatus(open: OpenDatabase, id: number, expectedVersion: number, to: Exclude<CampaignStatus, "draft">, actor: Actor): Promise<SetupOutcome> {
  return open.write(async (tx) => {
    const current = (await tx.select({ status: campaigns.status, version: campaigns.version }).from(campaigns).where(eq(campaigns.id, id)))[0];
    if (!current) return { ok: false, reason: "not-found" };
    if (current.status === "archived") return { ok: false, reason: "archived" };
    if (current.version !== expectedVersion) return { ok: false, reason: "conflict" };
    if (current.status === to) return { ok: true, value: undefined };
    const effective = await effectiveCurrentCampaignId(tx);
    if (to === "archived" && effective === id) {
      return { ok: false, reason: "refused", message: "这是当前专项，不能归档。请先把另一个专项设为当前专项。" };
    }
    // Activating a newer campaign must not move the app onto it by the "latest active" fallback:
    // pin the campaign that is current now, so only "设为当前专项" changes it.
    if (to === "active" && effective !== null && (await markedCampaignId(tx)) !== effective) await markCurrent(tx, effective);
    await tx.update(campaigns).set({ status: to, version: sql`${campaigns.version} + 1`, updatedAt: nowIso() }).where(and(eq(campaigns.id, id), eq(campaigns.version, expectedVersion)));
    await insertAuditEvent(tx, { actorUserId: actor.id, actorName: actor.name, action: to === "active" ? "campaign.activate" : "campaign.archive", entity: "campaign", entityId: id, before: { status: current.status }, after: { status: to }, clientAddress: actor.clientAddress });
    return { ok: true, value: undefined };
  });
}

/** Marks an active campaign as the one the whole app (districts, city pages, public site) works on. */
export async function setCurrentCampaign(open: OpenDatabase, id: number, actor: Actor): Promise<SetupOutcome> {
  return open.write(async (tx) => {
    const current = (await tx.select({ status: campaigns.status }).from(campaigns).where(eq(campaigns.id, id)))[0];
    if (!current) return { ok: false, reason: "not-found" };
    if (current.status === "archived") return { ok: false, reason: "archived" };
    if (current.status !== "active") return { ok: false, reason: "refused", message: "草稿状态的专项不能设为当前专项，请先启用" };
    const before = await effectiveCurrentCampaignId(tx);
    if (before === id && (await markedCampaignId(tx)) === id) return { ok: true, value: undefined };
    await markCurrent(tx, id);
    await insertAuditEvent(tx, { actorUserId: actor.id, actorName: actor.name, action: "campaign.set_current", entity: "campaign", entityId: id, before: { currentCampaignId: before }, after: { currentCampaignId: id }, clientAddress: actor.clientAddress });
    return { ok: true, value: undefined };
  });
}
