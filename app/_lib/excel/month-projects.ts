/**
 * The project rows of the month template: stage, whether the project needs a value this month (the
 * same rule as the project grid's default filter), projects that need one first, then by code.
 * Pure (tests/unit/sheets-month-projects.test.ts).
 */
import { needsMonthValue, type MonthFilterFacts } from "@/domain/project-month-filter";
import { STAGE_LABELS } from "@/domain/project-format";

export interface ProgressTemplateRow {
  code: string;
  name: string;
  /** 阶段, as the project pages name it. */
  stage: string;
  /** 本月需填报. */
  needsValue: boolean;
  lastMonth: number | null;
  thisMonth: number | null;
  note: string | null;
}

export interface MonthProjectFacts extends MonthFilterFacts {
  code: string;
  name: string;
  previousInvestment: number | null;
  entryNote: string | null;
}

export function progressTemplateRows(projects: readonly MonthProjectFacts[], month: string): ProgressTemplateRow[] {
  return projects
    .map((p) => ({
      code: p.code,
      name: p.name,
      stage: STAGE_LABELS[p.stage],
      needsValue: needsMonthValue(p, month),
      lastMonth: p.previousInvestment,
      thisMonth: p.entryInvestment,
      note: p.entryNote,
    }))
    .sort((a, b) => Number(b.needsValue) - Number(a.needsValue) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}
