import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { loadIndicatorUsage, type IndicatorUsage } from "../../mutations/setup/indicators";
import { targetStamp } from "../../mutations/setup/targets";
import { getDatabase } from "../../index";
import { actions, departments, indicators, monthlyReports, periods, targets, units } from "../../schema";

/**
 * Reads for the set-up pages: a campaign's indicators (definitions, not district figures beyond
 * counts) and their targets.
 * Every caller must have checked `campaign.manage`. Correlated counts name the outer table
 * literally (campaigns.id, …): drizzle renders a column inside sql`` unqualified, which inside
 * the subquery would bind to the inner table's id.
 */

export interface SetupIndicatorRow {
  id: number;
  code: string;
  name: string;
  kind: "reported" | "derived" | "milestone";
  aggregation: "sum" | "ratio" | "count";
  unitCode: string;
  unitSymbol: string;
  unitScale: number;
  decimals: number;
  actionId: number;
  actionName: string;
  ownerName: string | null;
  isPublic: boolean;
  isHeadline: boolean;
  derivation: { rule: string; params: Record<string, unknown> } | null;
  figures: number;
}

/** campaign.manage: the campaign's indicators in order, with how many figure values each has. */
export async function listIndicatorsForSetup(campaignId: number): Promise<SetupIndicatorRow[]> {
  const { db } = await getDatabase();
  return db
    .select({
      id: indicators.id,
      code: indicators.code,
      name: indicators.name,
      kind: indicators.kind,
      aggregation: indicators.aggregation,
      unitCode: indicators.unitCode,
      unitSymbol: units.symbol,
      unitScale: units.scale,
      decimals: indicators.decimals,
      actionId: indicators.actionId,
      actionName: actions.name,
      ownerName: departments.name,
      isPublic: indicators.isPublic,
      isHeadline: indicators.isHeadline,
      derivation: indicators.derivation,
      figures: sql<number>`(select count(*) from figure_values f where f.indicator_id = indicators.id and (f.value is not null or f.numerator is not null or f.denominator is not null))`,
    })
    .from(indicators)
    .innerJoin(units, eq(units.code, indicators.unitCode))
    .innerJoin(actions, eq(actions.id, indicators.actionId))
    .leftJoin(departments, eq(departments.id, indicators.ownerDepartmentId))
    .where(eq(indicators.campaignId, campaignId))
    .orderBy(asc(actions.sortOrder), asc(indicators.sortOrder), asc(indicators.id));
}

/** campaign.manage: approved district-months of a campaign (derived indicators count records in them). */
export async function countApprovedMonths(campaignId: number): Promise<number> {
  const { db } = await getDatabase();
  const [r] = await db
    .select({ n: sql<number>`count(*)` })
    .from(monthlyReports)
    .innerJoin(periods, eq(periods.id, monthlyReports.periodId))
    .where(and(eq(periods.campaignId, campaignId), eq(monthlyReports.official, true)));
  return Number(r?.n ?? 0);
}

export interface SetupIndicator {
  id: number;
  campaignId: number;
  actionId: number;
  code: string;
  name: string;
  nameEn: string;
  unitCode: string;
  kind: "reported" | "derived" | "milestone";
  aggregation: "sum" | "ratio" | "count";
  accumulation: "flow" | "stock";
  numeratorLabel: string | null;
  denominatorLabel: string | null;
  partUnitCode: string | null;
  derivation: { rule: string; params: Record<string, unknown> } | null;
  ownerDepartmentId: number | null;
  decimals: number;
  isPublic: boolean;
  isHeadline: boolean;
  description: string;
  version: number;
  updatedAt: string;
  usage: IndicatorUsage;
}

/** campaign.manage: one indicator with its usage (figures and approved months), or null. */
export async function getIndicatorForSetup(id: number): Promise<SetupIndicator | null> {
  const { db } = await getDatabase();
  const rows = await db
    .select({
      id: indicators.id, campaignId: indicators.campaignId, actionId: indicators.actionId, code: indicators.code, name: indicators.name, nameEn: indicators.nameEn,
      unitCode: indicators.unitCode, kind: indicators.kind, aggregation: indicators.aggregation, accumulation: indicators.accumulation,
      numeratorLabel: indicators.numeratorLabel, denominatorLabel: indicators.denominatorLabel, partUnitCode: indicators.partUnitCode, derivation: indicators.derivation,
      ownerDepartmentId: indicators.ownerDepartmentId, decimals: indicators.decimals, isPublic: indicators.isPublic, isHeadline: indicators.isHeadline,
      description: indicators.description, version: indicators.version, updatedAt: indicators.updatedAt,
    })
    .from(indicators)
    .where(eq(indicators.id, id));
  const r = rows[0];
  if (!r) return null;
  return { ...r, derivation: r.derivation ?? null, usage: await loadIndicatorUsage(db, r.id, r.campaignId) };
}

export interface TargetRow {
  indicatorId: number;
  districtId: number | null;
  targetValue: number | null;
  baselineValue: number | null;
  growthTargetBp: number | null;
  multipleTargetPct: number | null;
  monthlyPlan: number[] | null;
  sourceNote: string;
  breakdownNote: string;
  version: number;
  updatedAt: string;
}

export interface IndicatorTargets {
  city: TargetRow | null;
  districts: Map<number, TargetRow>;
  /** Version stamp of all the indicator's target rows (forms and sheets carry it). */
  stamp: string;
}

/** campaign.manage: targets of the given indicators for a year, by indicator. */
export async function listTargetsForSetup(indicatorIds: number[], year: number): Promise<Map<number, IndicatorTargets>> {
  const out = new Map<number, IndicatorTargets>();
  if (indicatorIds.length === 0) return out;
  const { db } = await getDatabase();
  const rows = await db
    .select({
      indicatorId: targets.indicatorId, districtId: targets.districtId, targetValue: targets.targetValue, baselineValue: targets.baselineValue,
      growthTargetBp: targets.growthTargetBp, multipleTargetPct: targets.multipleTargetPct, monthlyPlan: targets.monthlyPlan, sourceNote: targets.sourceNote,
      breakdownNote: targets.breakdownNote, version: targets.version, updatedAt: targets.updatedAt,
    })
    .from(targets)
    .where(and(inArray(targets.indicatorId, indicatorIds), eq(targets.year, year)));
  for (const id of indicatorIds) {
    const mine = rows.filter((r) => r.indicatorId === id).map((r) => ({ ...r, monthlyPlan: r.monthlyPlan ?? null }));
    out.set(id, {
      city: mine.find((r) => r.districtId === null) ?? null,
      districts: new Map(mine.filter((r) => r.districtId !== null).map((r) => [r.districtId!, r])),
      stamp: targetStamp(mine),
    });
  }
  return out;
}
