/**
 * Targets of an indicator for its campaign's year: the city row (target, baseline, growth,
 * multiple, monthly plan, notes) and one row per district. Callers must have checked
 * `campaign.manage` and validated the values (no negative targets, plan reaching 100 %, district
 * targets adding up or explained: app/(staff)/city/setup/_lib/targets.ts).
 *
 * Version check: targets span many rows, so a form (or a downloaded sheet) carries a stamp of
 * all the indicator's target rows; any change since then changes the stamp.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import type { OpenDatabase, Tx } from "../../client";
import { campaigns, indicators, targets } from "../../schema";
import { insertAuditEvent } from "../audit";
import type { Actor } from "@/domain/actor";
import type { Refused } from "@/domain/outcome";
import { nowIso, type SetupOutcome } from "./common";

export interface TargetValues {
  targetValue: number | null;
  baselineValue: number | null;
  growthTargetBp: number | null;
  multipleTargetPct: number | null;
  /** undefined = leave as it is (the Excel sheet does not carry it). */
  monthlyPlan?: number[] | null;
  sourceNote?: string;
  breakdownNote: string;
  /** District id → target (null = not set). Districts not listed are left as they are. */
  districts: Map<number, number | null>;
}

/** "rows:sum of versions" of the indicator's target rows for the year. */
export function targetStamp(rows: readonly { version: number }[]): string {
  return `${rows.length}:${rows.reduce((s, r) => s + r.version, 0)}`;
}

const columns = {
  id: targets.id,
  districtId: targets.districtId,
  targetValue: targets.targetValue,
  baselineValue: targets.baselineValue,
  growthTargetBp: targets.growthTargetBp,
  multipleTargetPct: targets.multipleTargetPct,
  monthlyPlan: targets.monthlyPlan,
  sourceNote: targets.sourceNote,
  breakdownNote: targets.breakdownNote,
  version: targets.version,
};

async function rowsOf(tx: Tx, indicatorId: number, year: number) {
  return tx.select(columns).from(targets).where(and(eq(targets.indicatorId, indicatorId), eq(targets.year, year)));
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Writes one indicator's targets; returns whether anything changed (and audits it). */
async function writeTargets(tx: Tx, indicatorId: number, year: number, v: TargetValues, actor: Actor): Promise<boolean> {
  const rows = await rowsOf(tx, indicatorId, year);
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  const city = rows.find((r) => r.districtId === null);
  const nextCity: Record<string, unknown> = {
    targetValue: v.targetValue,
    baselineValue: v.baselineValue,
    growthTargetBp: v.growthTargetBp,
    multipleTargetPct: v.multipleTargetPct,
    breakdownNote: v.breakdownNote,
    ...(v.monthlyPlan !== undefined ? { monthlyPlan: v.monthlyPlan } : {}),
    ...(v.sourceNote !== undefined ? { sourceNote: v.sourceNote } : {}),
  };
  const cityChanges = Object.fromEntries(Object.entries(nextCity).filter(([k, val]) => !same((city as Record<string, unknown> | undefined)?.[k] ?? (k.endsWith("Note") ? "" : null), val)));
  if (Object.keys(cityChanges).length > 0) {
    for (const k of Object.keys(cityChanges)) {
      before[`city.${k}`] = (city as Record<string, unknown> | undefined)?.[k] ?? null;
      after[`city.${k}`] = cityChanges[k];
    }
    if (city) {
      await tx.update(targets).set({ ...cityChanges, isDemo: false, version: sql`${targets.version} + 1`, updatedAt: nowIso() }).where(eq(targets.id, city.id));
    } else {
      await tx.insert(targets).values({ indicatorId, year, districtId: null, ...(nextCity as Partial<typeof targets.$inferInsert>) });
    }
  }
  for (const [districtId, value] of v.districts) {
    const row = rows.find((r) => r.districtId === districtId);
    if ((row?.targetValue ?? null) === value) continue;
    before[`district.${districtId}`] = row?.targetValue ?? null;
    after[`district.${districtId}`] = value;
    if (row) await tx.update(targets).set({ targetValue: value, isDemo: false, version: sql`${targets.version} + 1`, updatedAt: nowIso() }).where(eq(targets.id, row.id));
    else await tx.insert(targets).values({ indicatorId, year, districtId, targetValue: value });
  }
  if (Object.keys(after).length === 0) return false;
  await insertAuditEvent(tx, { actorUserId: actor.id, actorName: actor.name, action: "target.update", entity: "indicator_targets", entityId: indicatorId, before, after, clientAddress: actor.clientAddress });
  return true;
}

/** The indicator's campaign year, refusing archived campaigns. */
async function yearOf(tx: Tx, indicatorId: number): Promise<SetupOutcome<{ year: number; campaignId: number }>> {
  const rows = await tx
    .select({ year: campaigns.year, status: campaigns.status, campaignId: campaigns.id })
    .from(indicators)
    .innerJoin(campaigns, eq(campaigns.id, indicators.campaignId))
    .where(eq(indicators.id, indicatorId));
  const r = rows[0];
  if (!r) return { ok: false, reason: "not-found" };
  if (r.status === "archived") return { ok: false, reason: "archived" };
  return { ok: true, value: { year: r.year, campaignId: r.campaignId } };
}

/** Saves one indicator's targets from its form. */
export async function saveIndicatorTargets(open: OpenDatabase, indicatorId: number, stamp: string, v: TargetValues, actor: Actor): Promise<SetupOutcome<boolean>> {
  return open.write(async (tx) => {
    const y = await yearOf(tx, indicatorId);
    if (!y.ok) return y;
    if (targetStamp(await rowsOf(tx, indicatorId, y.value.year)) !== stamp) return { ok: false, reason: "conflict" };
    return { ok: true, value: await writeTargets(tx, indicatorId, y.value.year, v, actor) };
  });
}

export interface TargetImportItem {
  indicatorId: number;
  stamp: string;
  values: TargetValues;
}

/**
 * Stores an uploaded targets sheet: every indicator's stamp is checked before anything is
 * written, so a stale sheet stores nothing. Returns how many indicators changed, or the ids of
 * the indicators changed by someone else since the download.
 */
export async function importTargets(open: OpenDatabase, campaignId: number, items: TargetImportItem[], actor: Actor): Promise<SetupOutcome<{ changed: number }> | Refused<"stale", { indicatorIds: number[] }>> {
  return open.write(async (tx) => {
    const c = (await tx.select({ year: campaigns.year, status: campaigns.status }).from(campaigns).where(eq(campaigns.id, campaignId)))[0];
    if (!c) return { ok: false, reason: "not-found" };
    if (c.status === "archived") return { ok: false, reason: "archived" };
    const ids = items.map((i) => i.indicatorId);
    const own = ids.length ? await tx.select({ id: indicators.id }).from(indicators).where(and(eq(indicators.campaignId, campaignId), inArray(indicators.id, ids))) : [];
    if (own.length !== new Set(ids).size) return { ok: false, reason: "not-found" };
    const stale: number[] = [];
    for (const item of items) if (targetStamp(await rowsOf(tx, item.indicatorId, c.year)) !== item.stamp) stale.push(item.indicatorId);
    if (stale.length > 0) return { ok: false, reason: "stale", indicatorIds: stale };
    let changed = 0;
    for (const item of items) if (await writeTargets(tx, item.indicatorId, c.year, item.values, actor)) changed++;
    await insertAuditEvent(tx, { actorUserId: actor.id, actorName: actor.name, action: "target.import", entity: "campaign", entityId: campaignId, after: { indicators: items.length, changed }, clientAddress: actor.clientAddress });
    return { ok: true, value: { changed } };
  });
}
