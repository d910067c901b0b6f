/**
 * Which projects need an investment figure for a month: those under construction in it — started
 * by its end (including in the month) and not completed before it — unless suspended now, plus
 * any project that already has a figure for the month (so nothing entered drops out of view).
 * Pure (tests/unit/project-month-filter.test.ts).
 */
export interface MonthFilterFacts {
  stage: "preparing" | "under_construction" | "completed" | "suspended";
  actualStartOn: string | null;
  actualCompletionOn: string | null;
  entryInvestment: number | null;
}

export function needsMonthValue(p: MonthFilterFacts, month: string): boolean {
  if (p.entryInvestment !== null) return true;
  if (p.stage === "suspended" || !p.actualStartOn) return false;
  const started = p.actualStartOn.slice(0, 7) <= month;
  const notDoneBefore = !p.actualCompletionOn || p.actualCompletionOn.slice(0, 7) >= month;
  return started && notDoneBefore;
}
