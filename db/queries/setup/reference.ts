import "server-only";
import { asc } from "drizzle-orm";
import { getDatabase } from "../../index";
import { departments, districts, sectors, units } from "../../schema";

/**
 * Reads for the set-up pages: the reference lists (sectors, departments, districts, units).
 * Every caller must have checked `campaign.manage`. Correlated counts name the outer table
 * literally (campaigns.id, …): drizzle renders a column inside sql`` unqualified, which inside
 * the subquery would bind to the inner table's id.
 */

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
