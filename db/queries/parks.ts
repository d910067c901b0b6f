import "server-only";
import { and, asc, eq, like, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDatabase } from "../index";
import { districts, PARK_STATUSES, parks, users } from "../schema";
import { pageWindow } from "@/domain/paging";

export interface ParkFilter {
  campaignId: number;
  /** A district editor's own district (or a chosen one); undefined = all districts. */
  districtId?: number;
  pilotOnly?: boolean;
  status?: (typeof PARK_STATUSES)[number];
  q?: string;
  page: number;
  pageSize: number;
}

/** One page of parks (pilots first, in code order) and counts over the filtered set. Caller must have checked `report.read` and pass a district editor's own district. */
export async function listParks(f: ParkFilter) {
  const { db } = await getDatabase();
  const term = f.q?.trim();
  const where = and(
    eq(parks.campaignId, f.campaignId),
    f.districtId !== undefined ? eq(parks.districtId, f.districtId) : undefined,
    f.pilotOnly ? eq(parks.isPilot, true) : undefined,
    f.status !== undefined ? eq(parks.status, f.status) : undefined,
    term ? like(parks.name, `%${term}%`) : undefined,
  );
  const [t] = await db
    .select({
      count: sql<number>`count(*)`,
      pilots: sql<number>`coalesce(sum(${parks.isPilot}), 0)`,
      pilotsRunning: sql<number>`coalesce(sum(${parks.isPilot} and ${parks.status} in ('trial_operation', 'operating')), 0)`,
    })
    .from(parks)
    .where(where);
  const total = Number(t?.count ?? 0);
  const { page, lastPage, offset } = pageWindow(total, f.page, f.pageSize);
  const rows = await db
    .select({
      id: parks.id,
      code: parks.code,
      name: parks.name,
      districtName: districts.name,
      isPilot: parks.isPilot,
      status: parks.status,
      plannedTrialOn: parks.plannedTrialOn,
      trialOperationOn: parks.trialOperationOn,
      areaMu: parks.areaMu,
    })
    .from(parks)
    .innerJoin(districts, eq(districts.id, parks.districtId))
    .where(where)
    .orderBy(sql`${parks.isPilot} desc`, asc(parks.code), asc(parks.id))
    .limit(f.pageSize)
    .offset(offset);
  return { rows, total, pilots: Number(t?.pilots ?? 0), pilotsRunning: Number(t?.pilotsRunning ?? 0), page, lastPage };
}

const editor = alias(users, "editor");

/** One park of the campaign, or null. Caller checks `report.read` on its district. */
export async function getPark(id: number, campaignId: number) {
  const { db } = await getDatabase();
  const rows = await db
    .select({
      id: parks.id,
      code: parks.code,
      name: parks.name,
      districtId: parks.districtId,
      districtName: districts.name,
      isPilot: parks.isPilot,
      status: parks.status,
      plannedTrialOn: parks.plannedTrialOn,
      trialOperationOn: parks.trialOperationOn,
      areaMu: parks.areaMu,
      updatedByName: editor.displayName,
      updatedAt: parks.updatedAt,
      version: parks.version,
    })
    .from(parks)
    .innerJoin(districts, eq(districts.id, parks.districtId))
    .leftJoin(editor, eq(editor.id, parks.updatedBy))
    .where(and(eq(parks.id, id), eq(parks.campaignId, campaignId)));
  return rows[0] ?? null;
}
