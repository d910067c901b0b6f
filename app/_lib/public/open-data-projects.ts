import "server-only";
import { listAllPublicProjects, listPublicProgress } from "@/db/queries/public-projects";
import { type PublicContext } from "./public-data";
import { meta, type DatasetMeta, type ProjectRecord } from "./open-data";

/* The project dataset of the open data (/api/v1/projects.*): the contract is in ./open-data.ts. */

export interface ProjectDataset {
  meta: DatasetMeta;
  projects: ProjectRecord[];
}

export async function buildProjectDataset(ctx: PublicContext): Promise<ProjectDataset> {
  const c = ctx.campaign;
  const [rows, progress] = await Promise.all([listAllPublicProjects(c.id, c.year), listPublicProgress(c.id, c.year)]);
  const monthly = new Map<string, Record<string, number>>();
  for (const g of progress) {
    const m = monthly.get(g.projectCode) ?? {};
    m[g.month] = g.investment;
    monthly.set(g.projectCode, m);
  }
  return {
    meta: meta(ctx),
    projects: rows.map((p) => ({
      code: p.code,
      name: p.name,
      district_code: p.districtCode,
      action_code: p.actionCode,
      sector_code: p.sectorCode,
      stage: p.stage,
      is_key: p.isKey,
      total_investment_wan_yuan: p.totalInvestment,
      annual_planned_investment_wan_yuan: p.annualPlannedInvestment,
      investment_ytd_wan_yuan: p.investmentYtd,
      planned_start_on: p.plannedStartOn,
      planned_completion_on: p.plannedCompletionOn,
      actual_start_on: p.actualStartOn,
      actual_completion_on: p.actualCompletionOn,
      monthly_investment_wan_yuan: monthly.get(p.code) ?? {},
    })),
  };
}
