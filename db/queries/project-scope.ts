import "server-only";
import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import { projects, PROJECT_STAGES } from "../schema";

/* The project register's scope and filters, shared by ./projects.ts and ./project-months.ts. */

export type ProjectStage = (typeof PROJECT_STAGES)[number];

/**
 * Which projects a caller may see: always one campaign, and either some districts (a district
 * editor: their own) or all of them (a department editor whose department owns projects, a city
 * admin). The pages build it from the session; the queries only apply it.
 */
export interface ProjectScope {
  campaignId: number;
  districtIds: readonly number[] | "all";
}

export interface ProjectFilters {
  q?: string;
  stage?: ProjectStage;
  sectorId?: number;
  isKey?: boolean;
  districtId?: number;
  /** Only projects without an entry for `month`. */
  missingMonth?: boolean;
}

export function scopeWhere(scope: ProjectScope): SQL | undefined {
  const inCampaign = eq(projects.campaignId, scope.campaignId);
  if (scope.districtIds === "all") return inCampaign;
  if (scope.districtIds.length === 0) return sql`0`;
  return and(inCampaign, inArray(projects.districtId, [...scope.districtIds]));
}

/** A LIKE pattern matching `term` literally (its % and _ are not wildcards). */
export function containsPattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function yearMonths(year: number): [string, string] {
  return [`${year}-01`, `${year}-12`];
}
