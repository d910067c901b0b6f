/**
 * Which figures on a city page carry an unresolved plausibility warning. Pure and unit-tested.
 *
 * A figure flag marks its indicator (the city total and that district's value); a project flag
 * marks the indicators summed from project investment (key projects only when the indicator
 * counts key projects only) and the key-project totals. Official figures are the approved
 * copies, and approval resolves a month's warnings, so in the official mode no warning applies
 * to what is shown: marks appear in the "含未审核数据" mode.
 */
import type { LeaderFlag } from "@/db/queries/leader-flags";

export type FlagFacts = Omit<LeaderFlag, "official">;

export interface FlaggedIndicator {
  id: number;
  derivation: { rule: string; params: Record<string, unknown> } | null;
}

export interface FlagIndex {
  /** The warnings that apply to the figures shown, in the order given. */
  shown: FlagFacts[];
  city(indicatorId: number): FlagFacts[];
  cell(indicatorId: number, districtId: number): FlagFacts[];
  keyProjects: FlagFacts[];
}

function applies(f: FlagFacts, ind: FlaggedIndicator): boolean {
  if (f.subject === "figure") return f.indicatorId === ind.id;
  if (ind.derivation?.rule !== "project_investment") return false;
  return ind.derivation.params.keyOnly !== true || f.projectIsKey === true;
}

export function indexFlags(flags: readonly FlagFacts[], indicators: readonly FlaggedIndicator[], mode: "official" | "all"): FlagIndex {
  const shown = mode === "all" ? [...flags] : [];
  const byInd = new Map<number, FlagFacts[]>();
  for (const ind of indicators) byInd.set(ind.id, shown.filter((f) => applies(f, ind)));
  return {
    shown,
    city: (id) => byInd.get(id) ?? [],
    cell: (id, districtId) => (byInd.get(id) ?? []).filter((f) => f.districtId === districtId),
    keyProjects: shown.filter((f) => f.subject === "project" && f.projectIsKey === true),
  };
}

/** "晋江市 2023年10月 城建项目完成投资：本月值为上月的 12 倍（说明：…）" */
export function flagText(f: FlagFacts): string {
  const what = f.subject === "figure" ? (f.indicatorName ?? "指标") : `项目“${f.projectName ?? ""}”`;
  return `${f.districtName} ${Number(f.month.slice(0, 4))}年${Number(f.month.slice(5, 7))}月 ${what}：${f.message}${f.note ? `（填报说明：${f.note}）` : "（未填说明）"}`;
}
