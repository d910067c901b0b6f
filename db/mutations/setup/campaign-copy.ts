/**
 * Creating a campaign: blank, or copying another campaign's structure (see ./campaigns.ts for the
 * lifecycle). Callers must have checked `campaign.manage`.
 */
import { eq } from "drizzle-orm";
import type { OpenDatabase, Tx } from "../../client";
import { actions, campaigns, indicators } from "../../schema";
import { carryOpenProblems } from "./carry-problems";
import { insertAuditEvent } from "../audit";
import type { Actor } from "@/domain/actor";
import { type SetupOutcome } from "./common";
import { slugTaken, type CampaignFields } from "./campaigns";
import { insertPeriods } from "./campaign-months";

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
