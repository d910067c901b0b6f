import "server-only";
import { and, asc, eq, isNull } from "drizzle-orm";
import { parsePlausibilitySettings, PLAUSIBILITY_SETTINGS_KEY, type PlausibilitySettings } from "@/domain/plausibility/settings";
import { getDatabase } from "../index";
import { keptDefinition } from "../definitions";
import { districts, indicators, plausibilityFlags, projects, users } from "../schema";
import { getMetaValue } from "./meta";

/** The plausibility thresholds in force (defaults for anything not set). Not secret. */
export function getPlausibilitySettings(): Promise<PlausibilitySettings> {
  return keptDefinition("plausibility-settings", async () => parsePlausibilitySettings(await getMetaValue(PLAUSIBILITY_SETTINGS_KEY)));
}

export interface FlagRow {
  id: number;
  districtId: number;
  districtName: string;
  month: string;
  subject: "figure" | "project";
  indicatorId: number | null;
  indicatorName: string | null;
  projectId: number | null;
  projectCode: string | null;
  projectName: string | null;
  rule: string;
  message: string;
  note: string;
  createdAt: string;
  createdByName: string | null;
  resolvedAt: string | null;
}

/**
 * The plausibility flags of a campaign's month (one district, or all), unresolved first.
 * Caller must have checked `report.read` for the district, or `city.read` for all districts.
 */
export async function listMonthFlags(args: { campaignId: number; month: string; districtId?: number; unresolvedOnly?: boolean }): Promise<FlagRow[]> {
  const { db } = await getDatabase();
  const conds = [eq(plausibilityFlags.campaignId, args.campaignId), eq(plausibilityFlags.month, args.month)];
  if (args.districtId != null) conds.push(eq(plausibilityFlags.districtId, args.districtId));
  if (args.unresolvedOnly) conds.push(isNull(plausibilityFlags.resolvedAt));
  return db
    .select({
      id: plausibilityFlags.id,
      districtId: plausibilityFlags.districtId,
      districtName: districts.name,
      month: plausibilityFlags.month,
      subject: plausibilityFlags.subject,
      indicatorId: plausibilityFlags.indicatorId,
      indicatorName: indicators.name,
      projectId: plausibilityFlags.projectId,
      projectCode: projects.code,
      projectName: projects.name,
      rule: plausibilityFlags.rule,
      message: plausibilityFlags.message,
      note: plausibilityFlags.note,
      createdAt: plausibilityFlags.createdAt,
      createdByName: users.displayName,
      resolvedAt: plausibilityFlags.resolvedAt,
    })
    .from(plausibilityFlags)
    .innerJoin(districts, eq(districts.id, plausibilityFlags.districtId))
    .leftJoin(indicators, eq(indicators.id, plausibilityFlags.indicatorId))
    .leftJoin(projects, eq(projects.id, plausibilityFlags.projectId))
    .leftJoin(users, eq(users.id, plausibilityFlags.createdBy))
    .where(and(...conds))
    .orderBy(asc(districts.sortOrder), asc(plausibilityFlags.subject), asc(plausibilityFlags.id));
}
