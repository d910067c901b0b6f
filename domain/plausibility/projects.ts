/**
 * Plausibility of one project's investment in one month (万元, integers). Pure: the project
 * grid, the single-project form, the Excel upload and the write transaction all call it, so a
 * value is judged the same way wherever it comes from (tests/unit/plausibility-projects.test.ts).
 *
 * Warnings may be kept with a one-line note (stored as plausibility flags); errors may not.
 * Every message names the rule's numbers in the unit people use (亿元 from 1 亿 up, else 万元).
 */
import { formatMoney, formatNumber, formatWan } from "../format";
import type { PlausibilitySettings } from "./settings";

export type ProjectRule =
  | "project_above_remaining_plan"
  | "project_above_largest_month"
  | "project_cumulative_above_total"
  | "project_month_above_total";

export interface ProjectIssue {
  rule: ProjectRule;
  message: string;
}

/** What the rules compare a month with; every amount in 万元. */
export interface ProjectMonthFacts {
  annualPlan: number;
  totalInvestment: number;
  /** Sum of this year's entries before the month. */
  ytdBefore: number;
  /** The project's largest entry in any other month; null without one. */
  largestMonth: number | null;
  /** Sum of all the project's entries except this month's. */
  cumulativeOther: number;
}

export interface ProjectCheck {
  /** Hard errors: the value is refused even with a note. */
  errors: ProjectIssue[];
  /** Warnings: the value is kept only with a note, and the warnings become flags. */
  warnings: ProjectIssue[];
}

type Settings = Pick<PlausibilitySettings, "projectMonthMultiple" | "projectMonthMaxShareOfTotal">;

const moneyText = (wan: number) => formatMoney(wan);
const timesText = (x: number) => formatNumber(x, 1);

/** Two amounts that must read as different: if rounding to 亿元 makes them equal, both in exact 万元. */
function moneyPair(a: number, b: number): [string, string] {
  const [x, y] = [moneyText(a), moneyText(b)];
  return x === y && a !== b ? [`${formatWan(a)} 万元`, `${formatWan(b)} 万元`] : [x, y];
}

function times(a: number, b: number): string {
  return `${timesText(a / b)} 倍`;
}

/** The month's value against the project's plan, its own record and its total investment. */
export function checkProjectMonth(value: number, f: ProjectMonthFacts, s: Settings): ProjectCheck {
  const errors: ProjectIssue[] = [];
  const warnings: ProjectIssue[] = [];
  if (value <= 0) return { errors, warnings };

  const maxMonth = f.totalInvestment * s.projectMonthMaxShareOfTotal;
  if (value > maxMonth) {
    const [v, t] = moneyPair(value, f.totalInvestment);
    const share = s.projectMonthMaxShareOfTotal === 1 ? "" : `的 ${timesText(s.projectMonthMaxShareOfTotal)} 倍`;
    const rel = f.totalInvestment > 0 ? `为该项目总投资 ${t}的 ${times(value, f.totalInvestment)}` : `而该项目总投资为 ${t}`;
    errors.push({
      rule: "project_month_above_total",
      message: `本月 ${v}，${rel}；一个月的投资不能超过总投资${share}，请核对金额和单位（万元）`,
    });
    return { errors, warnings };
  }

  const remaining = f.annualPlan - f.ytdBefore;
  if (f.annualPlan === 0) {
    warnings.push({ rule: "project_above_remaining_plan", message: `本月 ${moneyText(value)}，但该项目本年度计划投资为 0` });
  } else if (remaining > 0 && value > remaining) {
    // A plan already met leaves nothing to compare with: the other rules still guard such months.
    const [v, r] = moneyPair(value, remaining);
    const context = `（年度计划 ${moneyText(f.annualPlan)}，本年此前已完成 ${moneyText(f.ytdBefore)}）`;
    warnings.push({
      rule: "project_above_remaining_plan",
      message: value >= 2 * remaining ? `本月 ${v}，为该项目年度计划剩余额 ${r}的 ${times(value, remaining)}${context}` : `本月 ${v}，超过该项目年度计划剩余额 ${r}${context}`,
    });
  }

  if (f.largestMonth !== null && f.largestMonth > 0 && value > s.projectMonthMultiple * f.largestMonth) {
    const [v, l] = moneyPair(value, f.largestMonth);
    warnings.push({
      rule: "project_above_largest_month",
      message: `本月 ${v}，为该项目以往最大月 ${l}的 ${times(value, f.largestMonth)}（超过 ${timesText(s.projectMonthMultiple)} 倍需说明）`,
    });
  }

  const cumulative = f.cumulativeOther + value;
  if (cumulative > f.totalInvestment) {
    const [c, t] = moneyPair(cumulative, f.totalInvestment);
    warnings.push({ rule: "project_cumulative_above_total", message: `加上本月 ${moneyText(value)}，该项目累计完成投资 ${c}，超过总投资 ${t}` });
  }
  return { errors, warnings };
}

/** Whether a check stops a save: any error, or a warning without a note. */
export function blocksSave(c: ProjectCheck, note: string | null | undefined): boolean {
  return c.errors.length > 0 || (c.warnings.length > 0 && !note?.trim());
}

/**
 * What a clerk reads next to a refused value: the errors, or the warnings and how to keep the
 * value ("确认无误请在“说明”中写明原因"), `noteLabel` naming where the note goes.
 */
export function describeCheck(c: ProjectCheck, noteLabel = "说明"): { hard: boolean; text: string } {
  if (c.errors.length > 0) return { hard: true, text: `${c.errors.map((i) => i.message).join("；")}。不能保存` };
  return { hard: false, text: `${c.warnings.map((i) => i.message).join("；")}。确认无误请在“${noteLabel}”中写明原因` };
}
