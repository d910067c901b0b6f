import "server-only";
import { campaignEditableColumns } from "../campaign-columns";
/**
 * Reads for the campaign set-up pages (专项设置). Definitions, targets and lists only — no
 * district figures beyond counts. Every caller must have checked `campaign.manage`.
 * Correlated counts name the outer table literally (campaigns.id, …): drizzle renders a column
 * inside sql`` unqualified, which inside the subquery would bind to the inner table's id.
 */
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { loadIndicatorUsage, type IndicatorUsage } from "../mutations/setup/indicators";
import { targetStamp } from "../mutations/setup/targets";
import { getDatabase } from "../index";
import { actions, auditEvents, campaigns, departments, districts, indicators, monthlyReports, periods, projects, sectors, targets, units } from "../schema";

export interface SetupCampaignRow {
  id: number;
  slug: string;
  year: number;
  cityName: string;
  title: string;
  subtitle: string;
  status: "draft" | "active" | "archived";
  /** Top-level actions (sub-actions not counted). */
  actions: number;
  indicators: number;
  projects: number;
  openMonths: number;
}

/** campaign.manage: every campaign, newest year first, with counts. */
export async function listCampaignsForSetup(): Promise<SetupCampaignRow[]> {
  const { db } = await getDatabase();
  return db
    .select({
      id: campaigns.id,
      slug: campaigns.slug,
      year: campaigns.year,
      cityName: campaigns.cityName,
      title: campaigns.title,
      subtitle: campaigns.subtitle,
      status: campaigns.status,
      actions: sql<number>`(select count(*) from actions a where a.campaign_id = campaigns.id and a.parent_id is null)`,
      indicators: sql<number>`(select count(*) from indicators i where i.campaign_id = campaigns.id)`,
      projects: sql<number>`(select count(*) from projects p where p.campaign_id = campaigns.id)`,
      openMonths: sql<number>`(select count(*) from periods p where p.campaign_id = campaigns.id and p.is_open = 1)`,
    })
    .from(campaigns)
    .orderBy(desc(campaigns.year), desc(campaigns.id));
}

export interface SetupCampaign {
  id: number;
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
  status: "draft" | "active" | "archived";
  paceWarnBp: number;
  reportDeadlineDay: number;
  sourceNote: string;
  version: number;
  updatedAt: string;
}

/** campaign.manage: one campaign's editable fields. */
export async function getCampaignForSetup(id: number): Promise<SetupCampaign | null> {
  const { db } = await getDatabase();
  const rows = await db
    .select({ ...campaignEditableColumns, updatedAt: campaigns.updatedAt })
    .from(campaigns)
    .where(eq(campaigns.id, id));
  return rows[0] ?? null;
}

/** campaign.manage: who made the last successful change to a record, and when (for conflict messages). */
export async function getLastChange(entity: string, entityId: number): Promise<{ actorName: string; at: string } | null> {
  const { db } = await getDatabase();
  const rows = await db
    .select({ actorName: auditEvents.actorName, at: auditEvents.at })
    .from(auditEvents)
    .where(and(eq(auditEvents.entity, entity), eq(auditEvents.entityId, String(entityId)), eq(auditEvents.outcome, "ok")))
    .orderBy(desc(auditEvents.id))
    .limit(1);
  return rows[0] ?? null;
}

export interface SetupAction {
  id: number;
  parentId: number | null;
  code: string;
  groupLabel: string;
  name: string;
  nameEn: string;
  summary: string;
  sortOrder: number;
  leadDepartmentId: number | null;
  leadDepartmentName: string | null;
  version: number;
  updatedAt: string;
  indicators: number;
}

/** campaign.manage: the campaign's actions in order (top level, each followed by its sub-actions). */
export async function listActionsForSetup(campaignId: number): Promise<SetupAction[]> {
  const { db } = await getDatabase();
  const rows = await db
    .select({
      id: actions.id,
      parentId: actions.parentId,
      code: actions.code,
      groupLabel: actions.groupLabel,
      name: actions.name,
      nameEn: actions.nameEn,
      summary: actions.summary,
      sortOrder: actions.sortOrder,
      leadDepartmentId: actions.leadDepartmentId,
      leadDepartmentName: departments.name,
      version: actions.version,
      updatedAt: actions.updatedAt,
      indicators: sql<number>`(select count(*) from indicators i where i.action_id = actions.id)`,
    })
    .from(actions)
    .leftJoin(departments, eq(departments.id, actions.leadDepartmentId))
    .where(eq(actions.campaignId, campaignId))
    .orderBy(asc(actions.sortOrder), asc(actions.id));
  const top = rows.filter((r) => r.parentId === null);
  return top.flatMap((t) => [t, ...rows.filter((r) => r.parentId === t.id)]);
}

export interface ReferenceRow {
  id: number;
  code: string;
  name: string;
  nameEn: string;
  sortOrder: number;
  active: boolean;
  version: number;
  updatedAt: string;
}

/** campaign.manage (or any page offering a choice): all sectors, inactive ones included. */
export async function listSectorsForSetup(): Promise<ReferenceRow[]> {
  const { db } = await getDatabase();
  return db
    .select({ id: sectors.id, code: sectors.code, name: sectors.name, nameEn: sectors.nameEn, sortOrder: sectors.sortOrder, active: sectors.active, version: sectors.version, updatedAt: sectors.updatedAt })
    .from(sectors)
    .orderBy(asc(sectors.sortOrder), asc(sectors.id));
}

/** campaign.manage: all departments, inactive ones included. */
export async function listDepartmentsForSetup(): Promise<ReferenceRow[]> {
  const { db } = await getDatabase();
  return db
    .select({ id: departments.id, code: departments.code, name: departments.name, nameEn: departments.nameEn, sortOrder: departments.sortOrder, active: departments.active, version: departments.version, updatedAt: departments.updatedAt })
    .from(departments)
    .orderBy(asc(departments.sortOrder), asc(departments.id));
}

export interface DistrictSetupRow extends ReferenceRow {
  kind: "district" | "county_city" | "county" | "development_zone";
  reports: boolean;
}

/** campaign.manage: all districts, inactive ones included. */
export async function listDistrictsForSetup(): Promise<DistrictSetupRow[]> {
  const { db } = await getDatabase();
  return db
    .select({
      id: districts.id, code: districts.code, name: districts.name, nameEn: districts.nameEn, sortOrder: districts.sortOrder, active: districts.active,
      version: districts.version, updatedAt: districts.updatedAt, kind: districts.kind, reports: districts.reports,
    })
    .from(districts)
    .orderBy(asc(districts.sortOrder), asc(districts.id));
}

export interface UnitRow {
  code: string;
  symbol: string;
  baseSymbol: string;
  scale: number;
}

/** Public facts: the display units. */
export async function listUnits(): Promise<UnitRow[]> {
  const { db } = await getDatabase();
  return db.select({ code: units.code, symbol: units.symbol, baseSymbol: units.baseSymbol, scale: units.scale }).from(units).orderBy(asc(units.code));
}

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

export interface SetupPeriod {
  id: number;
  month: string;
  isOpen: boolean;
  locked: boolean;
  dueOn: string;
  version: number;
  reports: number;
}

/** campaign.manage: the campaign's months with how many district reports each has. */
export async function listPeriodsForSetup(campaignId: number): Promise<SetupPeriod[]> {
  const { db } = await getDatabase();
  return db
    .select({
      id: periods.id,
      month: periods.month,
      isOpen: periods.isOpen,
      locked: periods.locked,
      dueOn: periods.dueOn,
      version: periods.version,
      reports: sql<number>`(select count(*) from monthly_reports r where r.period_id = periods.id)`,
    })
    .from(periods)
    .where(eq(periods.campaignId, campaignId))
    .orderBy(asc(periods.month));
}

/** campaign.manage: how many projects the campaign's register holds (key projects and others). */
export async function countProjectsForSetup(campaignId: number): Promise<{ total: number; key: number }> {
  const { db } = await getDatabase();
  const [r] = await db
    .select({ total: sql<number>`count(*)`, key: sql<number>`coalesce(sum(case when ${projects.isKey} then 1 else 0 end), 0)` })
    .from(projects)
    .where(eq(projects.campaignId, campaignId));
  return { total: Number(r?.total ?? 0), key: Number(r?.key ?? 0) };
}
