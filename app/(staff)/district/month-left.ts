import "server-only";
import { listFilledIndicators, listProjectMonthFacts } from "@/db/queries/clerk-home";
import { listReportedIndicators } from "@/db/queries/figures";
import { needsMonthValue } from "@/domain/project-month-filter";

export interface MonthLeft {
  /** Reported indicators with neither a value nor 本月无数据, in form order. */
  indicators: { id: number; name: string }[];
  /** Key projects that need a figure this month (the grid's default filter) and have none. */
  projectsLeft: number;
  projectsNeeded: number;
}

/**
 * What a district still has to fill for a month: the district home's sentence and button, and the
 * figures form's link to the project grid. Caller must have checked `report.read` for the district.
 */
export async function getMonthLeft(campaignId: number, districtId: number, month: string): Promise<MonthLeft> {
  const [reported, filled, projects] = await Promise.all([
    listReportedIndicators(campaignId),
    listFilledIndicators(campaignId, month, [districtId]),
    listProjectMonthFacts(campaignId, districtId, month),
  ]);
  const done = new Set(filled.map((f) => f.indicatorId));
  const needed = projects.filter((p) => needsMonthValue(p, month));
  return {
    indicators: reported.filter((i) => !done.has(i.id)).map((i) => ({ id: i.id, name: i.name })),
    projectsLeft: needed.filter((p) => p.entryInvestment === null).length,
    projectsNeeded: needed.length,
  };
}

/** "还差 3 项指标、5 个项目未填", or that nothing is left. */
export function leftSentence(left: MonthLeft): string {
  const parts = [left.indicators.length > 0 ? `${left.indicators.length} 项指标` : "", left.projectsLeft > 0 ? `${left.projectsLeft} 个项目` : ""].filter(Boolean);
  return parts.length > 0 ? `还差 ${parts.join("、")}未填` : "本月指标和项目投资都已填完";
}
