import "server-only";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { getDatabase } from "../index";
import { keptDefinition } from "../definitions";
import { campaignSummaryColumns, type CampaignSummary } from "../campaign-columns";
export type { CampaignSummary } from "../campaign-columns";
import { CURRENT_CAMPAIGN_ORDER, CURRENT_CAMPAIGN_WHERE } from "../current-campaign";
import { actions, campaigns, departments, indicators, targets, units } from "../schema";


/**
 * Public: the campaign the whole app works on — the one the campaign office marked as current
 * (app_meta `current_campaign`) while it is active; otherwise the latest active one by year;
 * otherwise the latest archived one (still public, read-only). A draft is never current.
 */
export function getCurrentCampaign(): Promise<CampaignSummary | null> {
  return keptDefinition("current-campaign", loadCurrentCampaign);
}

async function loadCurrentCampaign(): Promise<CampaignSummary | null> {
  const { db } = await getDatabase();
  const rows = await db.select(campaignSummaryColumns).from(campaigns).where(CURRENT_CAMPAIGN_WHERE).orderBy(...CURRENT_CAMPAIGN_ORDER).limit(1);
  return rows[0] ?? null;
}

export interface HeadlineTarget {
  code: string;
  name: string;
  kind: "reported" | "derived" | "milestone";
  aggregation: "sum" | "ratio" | "count";
  decimals: number;
  unit: { code: string; symbol: string; scale: number };
  targetValue: number | null;
  baselineValue: number | null;
  growthTargetBp: number | null;
  multipleTargetPct: number | null;
  sourceNote: string;
}

export interface ActionOverview {
  id: number;
  code: string;
  groupLabel: string;
  name: string;
  summary: string;
  leadDepartment: string | null;
  subActions: { code: string; name: string }[];
  indicators: HeadlineTarget[];
}

/**
 * Public: the campaign's top-level actions, their sub-actions and their public indicators with
 * the city target (targets are published figures; no district data is read here).
 */
export async function listActionOverview(campaignId: number): Promise<ActionOverview[]> {
  const { db } = await getDatabase();
  const actionRows = await db
    .select({
      id: actions.id,
      parentId: actions.parentId,
      code: actions.code,
      groupLabel: actions.groupLabel,
      name: actions.name,
      summary: actions.summary,
      leadDepartment: departments.name,
    })
    .from(actions)
    .leftJoin(departments, eq(departments.id, actions.leadDepartmentId))
    .where(eq(actions.campaignId, campaignId))
    .orderBy(asc(actions.sortOrder), asc(actions.id));
  const top = actionRows.filter((a) => a.parentId === null);
  if (top.length === 0) return [];
  const indicatorRows = await db
    .select({
      actionId: indicators.actionId,
      code: indicators.code,
      name: indicators.name,
      kind: indicators.kind,
      aggregation: indicators.aggregation,
      decimals: indicators.decimals,
      unitCode: units.code,
      unitSymbol: units.symbol,
      unitScale: units.scale,
      targetValue: targets.targetValue,
      baselineValue: targets.baselineValue,
      growthTargetBp: targets.growthTargetBp,
      multipleTargetPct: targets.multipleTargetPct,
      sourceNote: targets.sourceNote,
    })
    .from(indicators)
    .innerJoin(units, eq(units.code, indicators.unitCode))
    .leftJoin(targets, and(eq(targets.indicatorId, indicators.id), isNull(targets.districtId)))
    .where(and(eq(indicators.campaignId, campaignId), eq(indicators.isPublic, true), inArray(indicators.actionId, actionRows.map((a) => a.id))))
    .orderBy(asc(indicators.sortOrder), asc(indicators.id));
  const topOf = new Map<number, number>();
  for (const a of actionRows) topOf.set(a.id, a.parentId ?? a.id);
  return top.map((a) => ({
    id: a.id,
    code: a.code,
    groupLabel: a.groupLabel,
    name: a.name,
    summary: a.summary,
    leadDepartment: a.leadDepartment,
    subActions: actionRows.filter((c) => c.parentId === a.id).map((c) => ({ code: c.code, name: c.name })),
    indicators: indicatorRows
      .filter((i) => topOf.get(i.actionId) === a.id)
      .map((i) => ({
        code: i.code,
        name: i.name,
        kind: i.kind,
        aggregation: i.aggregation,
        decimals: i.decimals,
        unit: { code: i.unitCode, symbol: i.unitSymbol, scale: i.unitScale },
        targetValue: i.targetValue,
        baselineValue: i.baselineValue,
        growthTargetBp: i.growthTargetBp,
        multipleTargetPct: i.multipleTargetPct,
        sourceNote: i.sourceNote ?? "",
      })),
  }));
}
