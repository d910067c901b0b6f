/**
 * Campaigns: create (blank or copying another campaign's structure), edit, activate, archive,
 * mark as current, and the report deadline day. Callers must have checked `campaign.manage`.
 *
 * Lifecycle: 草稿 (draft, being set up) → 启用 (active) → 归档 (archived: read-only, still
 * public). Creating or copying never changes the current campaign; only setCurrentCampaign does.
 */
import { and, eq, inArray, ne, sql } from "drizzle-orm";
import type { OpenDatabase, Tx } from "../../client";
import { actions, appMeta, campaigns, indicators, monthlyReports, periods, targets, type CampaignStatus } from "../../schema";
import { carryOpenProblems } from "./carry-problems";
import { campaignEditableColumns } from "../../campaign-columns";
import { CURRENT_CAMPAIGN_KEY, effectiveCurrentCampaignId, markedCampaignId } from "../../current-campaign";
import { diff, insertAuditEvent } from "../audit";
import type { Actor } from "@/domain/actor";
import { dueOnFor, monthsOfYear, nowIso, writableCampaign, type SetupOutcome } from "./common";

export { CURRENT_CAMPAIGN_KEY, effectiveCurrentCampaignId } from "../../current-campaign";

export interface CampaignFields {
  slug: string;
  year: number;
  cityName: string;
  cityNameEn: string;
  title: string;
  titleEn: string;
  subtitle: string;
  subtitleEn: string;
  announcedOn: string | null;
  startsOn: string;
  endsOn: string;
  paceWarnBp: number;
  reportDeadlineDay: number;
  sourceNote: string;
}

export interface CopySummary {
  id: number;
  /** Top-level actions copied, and sub-actions. */
  actions: number;
  subActions: number;
  indicators: number;
  periods: number;
  /** Open problems carried forward (only when the office asked), and the projects copied to hold them. */
  carriedProblems: number;
  carriedProjects: number;
}

async function slugTaken(tx: Tx, slug: string, exceptId?: number): Promise<boolean> {
  const rows = await tx
    .select({ id: campaigns.id })
    .from(campaigns)
    .where(exceptId ? and(eq(campaigns.slug, slug), ne(campaigns.id, exceptId)) : eq(campaigns.slug, slug));
  return rows.length > 0;
}

/** The twelve months of the year, closed until the campaign office opens them. */
async function insertPeriods(tx: Tx, campaignId: number, year: number, deadlineDay: number): Promise<number> {
  const rows = monthsOfYear(year).map((month) => ({ campaignId, month, isOpen: false, locked: false, dueOn: dueOnFor(month, deadlineDay) }));
  await tx.insert(periods).values(rows);
  return rows.length;
}

/**
 * Creates a draft campaign with its twelve (closed) months. With `copyFromId`, also copies that
 * campaign's actions (with sub-actions) and indicators under the same codes; targets are left
 * empty for entry, key projects are not copied (they come from the city's list import), and
 * sectors, districts and departments are shared by all campaigns anyway.
 */
export async function insertCampaign(open: OpenDatabase, f: CampaignFields, copyFromId: number | null, actor: Actor, opts: { carryOpenProblems?: boolean } = {}): Promise<SetupOutcome<CopySummary>> {
  return open.write(async (tx) => {
    if (await slugTaken(tx, f.slug)) return { ok: false, reason: "duplicate", field: "slug" };
    if (copyFromId !== null) {
      const source = await tx.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.id, copyFromId));
      if (!source[0]) return { ok: false, reason: "not-found" };
    }
    const [row] = await tx.insert(campaigns).values({ ...f, status: "draft" }).returning({ id: campaigns.id });
    const id = row!.id;
    const periodCount = await insertPeriods(tx, id, f.year, f.reportDeadlineDay);
    const counts = copyFromId !== null ? await copyStructure(tx, copyFromId, id) : { actions: 0, subActions: 0, indicators: 0 };
    // Open problems move to the new year only when the office ticked the box; each copy points back to its origin.
    const carried = copyFromId !== null && opts.carryOpenProblems === true ? await carryOpenProblems(tx, copyFromId, id, actor) : { problems: 0, projects: 0 };
    await insertAuditEvent(tx, {
      actorUserId: actor.id,
      actorName: actor.name,
      action: copyFromId !== null ? "campaign.copy" : "campaign.create",
      entity: "campaign",
      entityId: id,
      after: { ...f, status: "draft", copiedFrom: copyFromId, ...counts, periods: periodCount, carriedProblems: carried.problems, carriedProjects: carried.projects },
      clientAddress: actor.clientAddress,
    });
    return { ok: true, value: { id, ...counts, periods: periodCount, carriedProblems: carried.problems, carriedProjects: carried.projects } };
  });
}

async function copyStructure(tx: Tx, fromId: number, toId: number): Promise<{ actions: number; subActions: number; indicators: number }> {
  const srcActions = await tx
    .select({ id: actions.id, parentId: actions.parentId, code: actions.code, groupLabel: actions.groupLabel, name: actions.name, nameEn: actions.nameEn, summary: actions.summary, summaryEn: actions.summaryEn, sortOrder: actions.sortOrder, leadDepartmentId: actions.leadDepartmentId })
    .from(actions)
    .where(eq(actions.campaignId, fromId));
  const newId = new Map<number, number>();
  // Parents first, so every sub-action finds its parent's new id.
  for (const a of [...srcActions].sort((x, y) => Number(x.parentId !== null) - Number(y.parentId !== null))) {
    const { id: oldId, parentId, ...rest } = a;
    const [row] = await tx
      .insert(actions)
      .values({ ...rest, campaignId: toId, parentId: parentId === null ? null : (newId.get(parentId) ?? null) })
      .returning({ id: actions.id });
    newId.set(oldId, row!.id);
  }
  const srcIndicators = await tx
    .select({
      actionId: indicators.actionId, code: indicators.code, name: indicators.name, nameEn: indicators.nameEn, unitCode: indicators.unitCode, kind: indicators.kind,
      aggregation: indicators.aggregation, accumulation: indicators.accumulation, numeratorLabel: indicators.numeratorLabel, denominatorLabel: indicators.denominatorLabel,
      partUnitCode: indicators.partUnitCode, derivation: indicators.derivation, ownerDepartmentId: indicators.ownerDepartmentId, decimals: indicators.decimals,
      isPublic: indicators.isPublic, isHeadline: indicators.isHeadline, sortOrder: indicators.sortOrder, description: indicators.description,
    })
    .from(indicators)
    .where(eq(indicators.campaignId, fromId));
  const rows = srcIndicators.map((i) => ({ ...i, campaignId: toId, actionId: newId.get(i.actionId)! }));
  for (let k = 0; k < rows.length; k += 50) await tx.insert(indicators).values(rows.slice(k, k + 50));
  const top = srcActions.filter((a) => a.parentId === null).length;
  return { actions: top, subActions: srcActions.length - top, indicators: rows.length };
}


/** The due dates of months not yet locked follow the campaign's deadline day. */
async function recomputeDueDates(tx: Tx, campaignId: number, day: number): Promise<void> {
  const rows = await tx.select({ id: periods.id, month: periods.month, dueOn: periods.dueOn }).from(periods).where(and(eq(periods.campaignId, campaignId), eq(periods.locked, false)));
  for (const p of rows) {
    const dueOn = dueOnFor(p.month, day);
    if (dueOn !== p.dueOn) await tx.update(periods).set({ dueOn, version: sql`${periods.version} + 1` }).where(and(eq(periods.id, p.id), eq(periods.locked, false)));
  }
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

/** The periods page's own form: only the deadline day (due dates of unlocked months follow). */
export async function updateReportDeadlineDay(open: OpenDatabase, id: number, expectedVersion: number, day: number, actor: Actor): Promise<SetupOutcome> {
  return open.write(async (tx) => {
    const current = (await tx.select({ status: campaigns.status, version: campaigns.version, day: campaigns.reportDeadlineDay }).from(campaigns).where(eq(campaigns.id, id)))[0];
    if (!current) return { ok: false, reason: "not-found" };
    if (current.status === "archived") return { ok: false, reason: "archived" };
    if (current.version !== expectedVersion) return { ok: false, reason: "conflict" };
    if (current.day === day) return { ok: true, value: undefined };
    await tx.update(campaigns).set({ reportDeadlineDay: day, version: sql`${campaigns.version} + 1`, updatedAt: nowIso() }).where(and(eq(campaigns.id, id), eq(campaigns.version, expectedVersion)));
    await recomputeDueDates(tx, id, day);
    await insertAuditEvent(tx, { actorUserId: actor.id, actorName: actor.name, action: "campaign.deadline_day", entity: "campaign", entityId: id, before: { reportDeadlineDay: current.day }, after: { reportDeadlineDay: day }, clientAddress: actor.clientAddress });
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

/** Opens or closes a reporting month. A locked month, or one a district has started, cannot be closed. */
export async function setPeriodOpen(open: OpenDatabase, periodId: number, expectedVersion: number, isOpen: boolean, actor: Actor): Promise<SetupOutcome<{ month: string }>> {
  return open.write(async (tx) => {
    const p = (await tx.select({ campaignId: periods.campaignId, month: periods.month, isOpen: periods.isOpen, locked: periods.locked, version: periods.version }).from(periods).where(eq(periods.id, periodId)))[0];
    if (!p) return { ok: false, reason: "not-found" };
    const blocked = await writableCampaign(tx, p.campaignId);
    if (blocked) return blocked;
    if (p.version !== expectedVersion) return { ok: false, reason: "conflict" };
    if (p.isOpen === isOpen) return { ok: true, value: { month: p.month } };
    if (!isOpen) {
      if (p.locked) return { ok: false, reason: "refused", message: "该月份已锁定，不能关闭" };
      const reports = await tx.select({ id: monthlyReports.id }).from(monthlyReports).where(eq(monthlyReports.periodId, periodId)).limit(1);
      if (reports.length > 0) return { ok: false, reason: "refused", message: "已有区县开始填报该月份，不能关闭" };
    }
    await tx.update(periods).set({ isOpen, version: sql`${periods.version} + 1` }).where(and(eq(periods.id, periodId), eq(periods.version, expectedVersion)));
    await insertAuditEvent(tx, { actorUserId: actor.id, actorName: actor.name, action: isOpen ? "period.open" : "period.close", entity: "period", entityId: periodId, before: { month: p.month, isOpen: p.isOpen }, after: { month: p.month, isOpen }, clientAddress: actor.clientAddress });
    return { ok: true, value: { month: p.month } };
  });
}
