/**
 * Indicators: create and edit. Callers must have checked `campaign.manage` and validated the
 * definition against domain/derivations.ts.
 *
 * Changing an indicator after figures exist — the "blocked" option of issue 9: figures already
 * approved must keep their meaning, so the fields that carry the meaning (code, kind,
 * aggregation, accumulation, unit, numerator/denominator labels and unit, derivation rule and
 * its parameters) are BLOCKED once the indicator has any figure value, or once any approved
 * month could count it (a derived or milestone indicator in a campaign with an approved
 * month). To count differently, the campaign office creates a new indicator. Descriptive fields
 * (name, English name, description, public and headline flags, decimals, owner department,
 * action) may still change, but only with an explicit confirmation when figures exist, and
 * every change is audited with its old and new values.
 */
import { and, eq, inArray, isNotNull, or, sql } from "drizzle-orm";
import type { OpenDatabase, Tx } from "../../client";
import { actions, departments, figureValues, indicators, monthlyReports, periods, units } from "../../schema";
import { diff, insertAuditEvent } from "../audit";
import type { Actor } from "@/domain/actor";
import { nowIso, writableCampaign, type SetupOutcome } from "./common";

export interface IndicatorDefinition {
  code: string;
  kind: "reported" | "derived" | "milestone";
  aggregation: "sum" | "ratio" | "count";
  accumulation: "flow" | "stock";
  unitCode: string;
  partUnitCode: string | null;
  numeratorLabel: string | null;
  denominatorLabel: string | null;
  derivation: { rule: string; params: Record<string, unknown> } | null;
}

export interface IndicatorDescription {
  name: string;
  nameEn: string;
  description: string;
  isPublic: boolean;
  isHeadline: boolean;
  decimals: number;
  ownerDepartmentId: number | null;
  actionId: number;
}

export type IndicatorFields = IndicatorDefinition & IndicatorDescription;

export const DEFINITION_FIELDS = ["code", "kind", "aggregation", "accumulation", "unitCode", "partUnitCode", "numeratorLabel", "denominatorLabel", "derivation"] as const;

export interface IndicatorUsage {
  /** Figure values (any value, numerator or denominator) entered for it. */
  figures: number;
  /** Approved district-months in its campaign (a derived indicator counts records in them). */
  approvedMonths: number;
}

/** Whether figures exist that give the indicator its meaning (so its definition is frozen). */
export function hasFigures(usage: IndicatorUsage, kind: IndicatorDefinition["kind"]): boolean {
  return usage.figures > 0 || (kind !== "reported" && usage.approvedMonths > 0);
}

/** A definition change is blocked when figures exist under the old or would be counted under the new one. */
export function definitionChangeBlocked(usage: IndicatorUsage, before: IndicatorDefinition["kind"], after: IndicatorDefinition["kind"]): boolean {
  return hasFigures(usage, before) || hasFigures(usage, after);
}

export async function loadIndicatorUsage(db: Pick<Tx, "select">, indicatorId: number, campaignId: number): Promise<IndicatorUsage> {
  const [f] = await db
    .select({ n: sql<number>`count(*)` })
    .from(figureValues)
    .where(and(eq(figureValues.indicatorId, indicatorId), or(isNotNull(figureValues.value), isNotNull(figureValues.numerator), isNotNull(figureValues.denominator))));
  const [a] = await db
    .select({ n: sql<number>`count(*)` })
    .from(monthlyReports)
    .innerJoin(periods, eq(periods.id, monthlyReports.periodId))
    .where(and(eq(periods.campaignId, campaignId), eq(monthlyReports.official, true)));
  return { figures: Number(f?.n ?? 0), approvedMonths: Number(a?.n ?? 0) };
}

/** Same meaning? Derivations compare by content, not by key order. */
function sameDefinition(a: IndicatorDefinition, b: IndicatorDefinition): string[] {
  const norm = (d: IndicatorDefinition["derivation"]) => (d ? JSON.stringify([d.rule, Object.entries(d.params).sort(([x], [y]) => x.localeCompare(y))]) : null);
  return DEFINITION_FIELDS.filter((k) => (k === "derivation" ? norm(a.derivation) !== norm(b.derivation) : a[k] !== b[k]));
}

/** References must point into this campaign (action) or exist (units, department). */
async function referenceError(tx: Tx, campaignId: number, f: IndicatorFields): Promise<SetupOutcome | null> {
  const action = await tx.select({ id: actions.id }).from(actions).where(and(eq(actions.id, f.actionId), eq(actions.campaignId, campaignId)));
  if (action.length === 0) return { ok: false, reason: "refused", field: "actionId", message: "所选专项行动不属于本专项" };
  const codes = [f.unitCode, ...(f.partUnitCode ? [f.partUnitCode] : [])];
  const found = await tx.select({ code: units.code }).from(units).where(inArray(units.code, codes));
  if (!found.some((u) => u.code === f.unitCode)) return { ok: false, reason: "refused", field: "unitCode", message: "单位不存在" };
  if (f.partUnitCode && !found.some((u) => u.code === f.partUnitCode)) return { ok: false, reason: "refused", field: "partUnitCode", message: "单位不存在" };
  if (f.ownerDepartmentId !== null) {
    const d = await tx.select({ id: departments.id }).from(departments).where(eq(departments.id, f.ownerDepartmentId));
    if (d.length === 0) return { ok: false, reason: "refused", field: "ownerDepartmentId", message: "所选部门不存在" };
  }
  return null;
}

export async function insertIndicator(open: OpenDatabase, campaignId: number, f: IndicatorFields, actor: Actor): Promise<SetupOutcome<number>> {
  return open.write(async (tx) => {
    const blocked = await writableCampaign(tx, campaignId);
    if (blocked) return blocked;
    const dup = await tx.select({ id: indicators.id }).from(indicators).where(and(eq(indicators.campaignId, campaignId), eq(indicators.code, f.code)));
    if (dup.length > 0) return { ok: false, reason: "duplicate", field: "code" };
    const bad = await referenceError(tx, campaignId, f);
    if (bad && !bad.ok) return bad;
    const [max] = await tx.select({ n: sql<number>`coalesce(max(${indicators.sortOrder}), 0)` }).from(indicators).where(eq(indicators.campaignId, campaignId));
    const [row] = await tx
      .insert(indicators)
      .values({ campaignId, ...f, sortOrder: Number(max?.n ?? 0) + 1 })
      .returning({ id: indicators.id });
    await insertAuditEvent(tx, { actorUserId: actor.id, actorName: actor.name, action: "indicator.create", entity: "indicator", entityId: row!.id, after: { campaignId, ...f }, clientAddress: actor.clientAddress });
    return { ok: true, value: row!.id };
  });
}

const editable = {
  id: indicators.id,
  campaignId: indicators.campaignId,
  code: indicators.code,
  kind: indicators.kind,
  aggregation: indicators.aggregation,
  accumulation: indicators.accumulation,
  unitCode: indicators.unitCode,
  partUnitCode: indicators.partUnitCode,
  numeratorLabel: indicators.numeratorLabel,
  denominatorLabel: indicators.denominatorLabel,
  derivation: indicators.derivation,
  name: indicators.name,
  nameEn: indicators.nameEn,
  description: indicators.description,
  isPublic: indicators.isPublic,
  isHeadline: indicators.isHeadline,
  decimals: indicators.decimals,
  ownerDepartmentId: indicators.ownerDepartmentId,
  actionId: indicators.actionId,
  version: indicators.version,
};

/**
 * Saves an edit. Refused ("refused", field "definition") when a blocked field changes; refused
 * (field "confirm") when figures exist and the admin has not ticked the confirmation.
 */
export async function updateIndicator(open: OpenDatabase, id: number, expectedVersion: number, f: IndicatorFields, confirmed: boolean, actor: Actor): Promise<SetupOutcome> {
  return open.write(async (tx) => {
    const current = (await tx.select(editable).from(indicators).where(eq(indicators.id, id)))[0];
    if (!current) return { ok: false, reason: "not-found" };
    const blocked = await writableCampaign(tx, current.campaignId);
    if (blocked) return blocked;
    if (current.version !== expectedVersion) return { ok: false, reason: "conflict" };
    const usage = await loadIndicatorUsage(tx, id, current.campaignId);
    const changedDefinition = sameDefinition(current, f);
    if (changedDefinition.length > 0 && definitionChangeBlocked(usage, current.kind, f.kind)) {
      return { ok: false, reason: "refused", field: "definition", message: "该指标已有数据，不能修改口径（代码、类型、汇总方式、单位、分子分母、计算规则）。如需按新口径统计，请新建一个指标。" };
    }
    // diff() compares with ===: pass the derivation only when its content changed.
    const change = diff(current as unknown as Record<string, unknown>, { ...f, derivation: changedDefinition.includes("derivation") ? f.derivation : undefined } as Record<string, unknown>);
    if (Object.keys(change.after).length === 0) return { ok: true, value: undefined };
    if (hasFigures(usage, current.kind) && !confirmed) {
      return { ok: false, reason: "refused", field: "confirm", message: "该指标已有数据：请勾选确认后再保存（修改会记入审计日志）" };
    }
    if (f.code !== current.code) {
      const dup = await tx.select({ id: indicators.id }).from(indicators).where(and(eq(indicators.campaignId, current.campaignId), eq(indicators.code, f.code)));
      if (dup.length > 0) return { ok: false, reason: "duplicate", field: "code" };
    }
    const bad = await referenceError(tx, current.campaignId, f);
    if (bad && !bad.ok) return bad;
    const updated = await tx
      .update(indicators)
      .set({ ...f, version: sql`${indicators.version} + 1`, updatedAt: nowIso() })
      .where(and(eq(indicators.id, id), eq(indicators.version, expectedVersion)))
      .returning({ id: indicators.id });
    if (updated.length !== 1) return { ok: false, reason: "conflict" };
    await insertAuditEvent(tx, {
      actorUserId: actor.id,
      actorName: actor.name,
      action: "indicator.update",
      entity: "indicator",
      entityId: id,
      ...change,
      after: { ...change.after, confirmedWithFigures: hasFigures(usage, current.kind) },
      clientAddress: actor.clientAddress,
    });
    return { ok: true, value: undefined };
  });
}
