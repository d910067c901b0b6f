import { describe, expect, it } from "vitest";
import { blocksSave, checkProjectMonth, describeCheck, type ProjectMonthFacts } from "@/domain/plausibility/projects";
import { formatMoney as moneyText } from "@/domain/format";
import { DEFAULT_PLAUSIBILITY_SETTINGS, parsePlausibilitySettings } from "@/domain/plausibility/settings";

const s = DEFAULT_PLAUSIBILITY_SETTINGS;
// A project of 10 亿元 total, 2 亿元 planned this year, 1.2 亿元 done before this month, largest month 3,000 万元.
const facts: ProjectMonthFacts = { annualPlan: 20_000, totalInvestment: 100_000, ytdBefore: 12_000, largestMonth: 3_000, cumulativeOther: 40_000 };

const rules = (value: number, f: ProjectMonthFacts = facts, settings = s) => {
  const c = checkProjectMonth(value, f, settings);
  return { errors: c.errors.map((i) => i.rule), warnings: c.warnings.map((i) => i.rule) };
};

describe("project month plausibility", () => {
  it("passes an ordinary month, zero, and a month exactly at each bound", () => {
    expect(rules(2_500)).toEqual({ errors: [], warnings: [] });
    expect(rules(0)).toEqual({ errors: [], warnings: [] });
    // 8,000 万元 is exactly the remaining plan (2 亿 − 1.2 亿): not above it.
    expect(rules(8_000, { ...facts, largestMonth: 5_000 })).toEqual({ errors: [], warnings: [] });
    // 9,000 万元 is exactly 3 × the largest month of 3,000 万元.
    expect(rules(9_000, { ...facts, ytdBefore: 0 })).toEqual({ errors: [], warnings: [] });
    // 60,000 + 40,000 is exactly the total investment.
    expect(rules(60_000, { ...facts, annualPlan: 100_000, ytdBefore: 0, largestMonth: 20_000 })).toEqual({ errors: [], warnings: [] });
  });

  it("warns one 万元 above the remaining annual plan, naming plan, done and remaining", () => {
    const c = checkProjectMonth(8_001, { ...facts, largestMonth: 5_000 }, s);
    expect(c.errors).toEqual([]);
    expect(c.warnings).toEqual([
      { rule: "project_above_remaining_plan", message: "本月 8,001 万元，超过该项目年度计划剩余额 8,000 万元（年度计划 2.0 亿元，本年此前已完成 1.2 亿元）" },
    ]);
  });

  it("names the multiple of the remaining plan when the month is at least twice it", () => {
    const c = checkProjectMonth(10_010_000, { annualPlan: 100_000, totalInvestment: 20_000_000, ytdBefore: 68_000, largestMonth: null, cumulativeOther: 68_000 }, s);
    expect(c.warnings.map((w) => w.message)).toEqual(["本月 1,001.0 亿元，为该项目年度计划剩余额 3.2 亿元的 312.8 倍（年度计划 10.0 亿元，本年此前已完成 6.8 亿元）"]);
  });

  it("does not compare with a plan already met, but warns for any month of a project with no plan this year", () => {
    expect(rules(2_000, { ...facts, ytdBefore: 21_000 })).toEqual({ errors: [], warnings: [] });
    const c = checkProjectMonth(500, { ...facts, annualPlan: 0, ytdBefore: 0 }, s);
    expect(c.warnings).toEqual([{ rule: "project_above_remaining_plan", message: "本月 500 万元，但该项目本年度计划投资为 0" }]);
  });

  it("warns one 万元 above the set multiple of the project's largest month", () => {
    const c = checkProjectMonth(9_001, { ...facts, ytdBefore: 0 }, s);
    expect(c.warnings).toEqual([{ rule: "project_above_largest_month", message: "本月 9,001 万元，为该项目以往最大月 3,000 万元的 3 倍（超过 3 倍需说明）" }]);
    // The multiple is a setting.
    expect(rules(9_001, { ...facts, ytdBefore: 0 }, { ...s, projectMonthMultiple: 4 })).toEqual({ errors: [], warnings: [] });
    expect(rules(6_001, { ...facts, ytdBefore: 0 }, { ...s, projectMonthMultiple: 2 }).warnings).toEqual(["project_above_largest_month"]);
  });

  it("needs a month on record before judging against the largest month", () => {
    expect(rules(7_000, { ...facts, largestMonth: null, cumulativeOther: 0 })).toEqual({ errors: [], warnings: [] });
    expect(rules(7_000, { ...facts, largestMonth: 0, cumulativeOther: 0 })).toEqual({ errors: [], warnings: [] });
  });

  it("warns when the month takes the project's cumulative total one 万元 past its total investment", () => {
    const c = checkProjectMonth(60_001, { ...facts, annualPlan: 100_000, ytdBefore: 0, largestMonth: 20_001 }, s);
    expect(c.errors).toEqual([]);
    expect(c.warnings).toEqual([{ rule: "project_cumulative_above_total", message: "加上本月 6.0 亿元，该项目累计完成投资 100,001 万元，超过总投资 100,000 万元" }]);
  });

  it("refuses a month above the project's total investment outright, with the multiple", () => {
    const c = checkProjectMonth(100_110_021_003, facts, s);
    expect(c.warnings).toEqual([]);
    expect(c.errors).toEqual([
      {
        rule: "project_month_above_total",
        message: "本月 10,011,002.1 亿元，为该项目总投资 10.0 亿元的 1,001,100.2 倍；一个月的投资不能超过总投资，请核对金额和单位（万元）",
      },
    ]);
    // Exactly the total is not an error (the cumulative rule then warns).
    expect(rules(100_000, { ...facts, annualPlan: 100_000, ytdBefore: 0, largestMonth: 40_000 })).toEqual({ errors: [], warnings: ["project_cumulative_above_total"] });
    expect(rules(100_001, facts).errors).toEqual(["project_month_above_total"]);
  });

  it("takes the hard bound from the settings", () => {
    const half = { ...s, projectMonthMaxShareOfTotal: 0.5 };
    expect(rules(50_000, { ...facts, annualPlan: 100_000, ytdBefore: 0, largestMonth: 20_000, cumulativeOther: 0 }, half)).toEqual({ errors: [], warnings: [] });
    const c = checkProjectMonth(50_001, facts, half);
    expect(c.errors[0]?.message).toContain("一个月的投资不能超过总投资的 0.5 倍");
    expect(parsePlausibilitySettings(JSON.stringify({ projectMonthMaxShareOfTotal: 0.5 })).projectMonthMaxShareOfTotal).toBe(0.5);
    expect(parsePlausibilitySettings(null).projectMonthMaxShareOfTotal).toBe(1);
  });

  it("reports every warning a month trips", () => {
    expect(rules(90_000).warnings).toEqual(["project_above_remaining_plan", "project_above_largest_month", "project_cumulative_above_total"]);
  });

  it("lets a warning through only with a note, and an error never", () => {
    const warned = checkProjectMonth(9_001, { ...facts, ytdBefore: 0 }, s);
    expect(blocksSave(warned, null)).toBe(true);
    expect(blocksSave(warned, "  ")).toBe(true);
    expect(blocksSave(warned, "设备集中到货")).toBe(false);
    expect(blocksSave(checkProjectMonth(100_001, facts, s), "确认无误")).toBe(true);
    expect(blocksSave(checkProjectMonth(100, facts, s), null)).toBe(false);
  });

  it("writes amounts in 亿元 from one 亿 up and in 万元 below", () => {
    expect(moneyText(139_800)).toBe("13.98 亿元");
    expect(moneyText(10_000)).toBe("1.0 亿元");
    expect(moneyText(9_999)).toBe("9,999 万元");
  });
});

describe("what the clerk reads next to a refused value", () => {
  it("says how to keep a warned value, and that an error cannot be kept", () => {
    expect(describeCheck(checkProjectMonth(9_001, { ...facts, ytdBefore: 0 }, s), "备注")).toEqual({
      hard: false,
      text: "本月 9,001 万元，为该项目以往最大月 3,000 万元的 3 倍（超过 3 倍需说明）。确认无误请在“备注”中写明原因",
    });
    const hard = describeCheck(checkProjectMonth(100_001, facts, s));
    expect(hard.hard).toBe(true);
    expect(hard.text).toMatch(/超过总投资，请核对金额和单位（万元）。不能保存$/);
  });
});
