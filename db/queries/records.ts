import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { getDatabase } from "../index";
import { districts, units, users } from "../schema";

/*
 * Facts the problem, signing and park pages share: the districts a record may belong to, a
 * unit's scale and a user's display name for conflict messages.
 */

export interface DistrictChoice {
  id: number;
  code: string;
  name: string;
}

/** Active districts that report, in the city's order: what a department editor or admin may pick. Public facts. */
export async function listReportingDistricts(): Promise<DistrictChoice[]> {
  const { db } = await getDatabase();
  return db
    .select({ id: districts.id, code: districts.code, name: districts.name })
    .from(districts)
    .where(and(eq(districts.active, true), eq(districts.reports, true)))
    .orderBy(asc(districts.sortOrder), asc(districts.id));
}

/** One district's name, or null. Public facts. */
export async function getDistrictName(id: number): Promise<string | null> {
  const { db } = await getDatabase();
  const rows = await db.select({ name: districts.name }).from(districts).where(eq(districts.id, id));
  return rows[0]?.name ?? null;
}

/** A display unit (亿元, 亩 …) by code, for parsing and formatting amounts. Public facts. */
export async function getUnit(code: string): Promise<{ code: string; symbol: string; scale: number } | null> {
  const { db } = await getDatabase();
  const rows = await db.select({ code: units.code, symbol: units.symbol, scale: units.scale }).from(units).where(eq(units.code, code));
  return rows[0] ?? null;
}

/** A user's display name (who last changed a record). Any signed-in caller looking at that record. */
export async function getUserDisplayName(id: number | null): Promise<string | null> {
  if (id == null) return null;
  const { db } = await getDatabase();
  const rows = await db.select({ name: users.displayName }).from(users).where(eq(users.id, id));
  return rows[0]?.name ?? null;
}
