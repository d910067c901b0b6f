import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { getCurrentCampaign, type CampaignSummary } from "./campaigns";
import { getDatabase } from "../index";
import { actions, departments, districts, indicators, monthlyReports, periods, sectors, units } from "../schema";

/*
 * Reads for the public site and the open-data API. Everything here is public by construction:
 * projects only when is_public = 1, indicators only when is_public = 1, and anything tied to a
 * month (a project's monthly investment, its actual start or completion date) only once that
 * district's month is official (approved once; it stays official while reopened for correction).
 * Published amounts are the approved copies (project_progress.approved_investment), never the
 * live values a district may be correcting. Callers need no session; they must not add
 * unofficial data. The public projects and their published investment: ./public-projects.ts.
 */

/** The current campaign as the public pages show it (no status, no announcement date). */
export type PublicCampaign = Omit<CampaignSummary, "announcedOn" | "status">;

/**
 * Public: the current campaign (chosen by getCurrentCampaign, never a draft) with its English
 * names.
 */
export async function getPublicCampaign(): Promise<PublicCampaign | null> {
  const c = await getCurrentCampaign();
  if (!c) return null;
  const { id, slug, year, cityName, cityNameEn, title, titleEn, subtitle, subtitleEn, sourceNote, paceWarnBp } = c;
  return { id, slug, year, cityName, cityNameEn, title, titleEn, subtitle, subtitleEn, sourceNote, paceWarnBp };
}

export interface PublicDistrict {
  id: number;
  code: string;
  name: string;
  nameEn: string;
  kind: "district" | "county_city" | "county" | "development_zone";
}

/** Public: the active reporting districts in the city's order. */
export async function listPublicDistricts(): Promise<PublicDistrict[]> {
  const { db } = await getDatabase();
  return db
    .select({ id: districts.id, code: districts.code, name: districts.name, nameEn: districts.nameEn, kind: districts.kind })
    .from(districts)
    .where(and(eq(districts.active, true), eq(districts.reports, true)))
    .orderBy(asc(districts.sortOrder), asc(districts.id));
}

export interface PublicAction {
  id: number;
  parentId: number | null;
  code: string;
  groupLabel: string;
  name: string;
  nameEn: string;
  summary: string;
  summaryEn: string;
  leadDepartment: string | null;
  leadDepartmentEn: string | null;
}

/** Public: the campaign's actions (top level and sub-actions) in order. */
export async function listPublicActions(campaignId: number): Promise<PublicAction[]> {
  const { db } = await getDatabase();
  return db
    .select({
      id: actions.id,
      parentId: actions.parentId,
      code: actions.code,
      groupLabel: actions.groupLabel,
      name: actions.name,
      nameEn: actions.nameEn,
      summary: actions.summary,
      summaryEn: actions.summaryEn,
      leadDepartment: departments.name,
      leadDepartmentEn: departments.nameEn,
    })
    .from(actions)
    .leftJoin(departments, eq(departments.id, actions.leadDepartmentId))
    .where(eq(actions.campaignId, campaignId))
    .orderBy(asc(actions.sortOrder), asc(actions.id));
}

export interface PublicIndicatorFacts {
  id: number;
  code: string;
  nameEn: string;
  description: string;
  unitCode: string;
  unitSymbolEn: string;
  /** The unit amounts are stored in (e.g. 万元 for 亿元). */
  unitBaseSymbol: string;
  ownerDepartmentEn: string | null;
}

/** Public: the facts of public indicators the rollup loader does not carry (English names, unit code). */
export async function listPublicIndicatorFacts(campaignId: number): Promise<PublicIndicatorFacts[]> {
  const { db } = await getDatabase();
  return db
    .select({
      id: indicators.id,
      code: indicators.code,
      nameEn: indicators.nameEn,
      description: indicators.description,
      unitCode: units.code,
      unitSymbolEn: units.symbolEn,
      unitBaseSymbol: units.baseSymbol,
      ownerDepartmentEn: departments.nameEn,
    })
    .from(indicators)
    .innerJoin(units, eq(units.code, indicators.unitCode))
    .leftJoin(departments, eq(departments.id, indicators.ownerDepartmentId))
    .where(and(eq(indicators.campaignId, campaignId), eq(indicators.isPublic, true)));
}

/** Public: when the latest approval (first or of a correction) happened (ISO timestamp), or null. */
export async function getLastApprovalAt(campaignId: number): Promise<string | null> {
  const { db } = await getDatabase();
  const rows = await db
    .select({ at: sql<string | null>`max(${monthlyReports.approvedAt})` })
    .from(monthlyReports)
    .innerJoin(periods, eq(periods.id, monthlyReports.periodId))
    .where(and(eq(periods.campaignId, campaignId), eq(monthlyReports.official, true)));
  return rows[0]?.at ?? null;
}

/** Public: which district-months are official (the published ones), oldest first. */
export async function listOfficialMonths(campaignId: number): Promise<{ districtId: number; month: string }[]> {
  const { db } = await getDatabase();
  return db
    .select({ districtId: monthlyReports.districtId, month: periods.month })
    .from(monthlyReports)
    .innerJoin(periods, eq(periods.id, monthlyReports.periodId))
    .where(and(eq(periods.campaignId, campaignId), eq(monthlyReports.official, true)))
    .orderBy(asc(periods.month));
}

export interface PublicSector {
  id: number;
  code: string;
  name: string;
  nameEn: string;
}

/** Public: the city's sector list. */
export async function listPublicSectors(): Promise<PublicSector[]> {
  const { db } = await getDatabase();
  return db.select({ id: sectors.id, code: sectors.code, name: sectors.name, nameEn: sectors.nameEn }).from(sectors).orderBy(asc(sectors.sortOrder), asc(sectors.id));
}
