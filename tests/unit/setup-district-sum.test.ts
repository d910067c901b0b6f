import { describe, expect, it } from "vitest";
import { checkTargets, districtSumProblem, type TargetText } from "@/app/(staff)/city/setup/_lib/targets";

const YI = { code: "yi_yuan", symbol: "亿元", scale: 10000 };
const investment = { name: "市重点项目完成投资", aggregation: "sum" as const, unit: YI, decimals: 1 };
const rate = { name: "入园率", aggregation: "ratio" as const, unit: { code: "percent", symbol: "%", scale: 100 }, decimals: 1 };
const districts = [
  { id: 1, name: "鲤城区" },
  { id: 2, name: "晋江市" },
];
const text = (over: Partial<TargetText>): TargetText => ({ target: "", baseline: "", growth: "", multiple: "", districts: {}, breakdownNote: "", ...over });

describe("district targets adding up to the city target", () => {
  it("applies to sums and counts once any district has a target, never to rates", () => {
    expect(districtSumProblem("sum", 100, [null, null])).toBeNull();
    expect(districtSumProblem("sum", 100, [60, 40])).toBeNull();
    expect(districtSumProblem("count", 100, [60, 30, null])).toEqual({ sum: 90, city: 100 });
    expect(districtSumProblem("sum", null, [5])).toEqual({ sum: 5, city: null });
    expect(districtSumProblem("ratio", 5000, [4000, 6000])).toBeNull();
  });

  it("refuses district targets that do not add up unless the difference is explained", () => {
    const t = text({ target: "2,168", districts: { 1: "1000", 2: "1100" } });
    const refused = checkTargets(investment, districts, t);
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.errors.breakdownNote).toBe("各区县目标合计 2,100 亿元，与全市目标 2,168 亿元 不一致（少 68 亿元）：请调整，或在“分解差异说明”中说明原因");
    const explained = checkTargets(investment, districts, { ...t, breakdownNote: "市直单位承担 68 亿元" });
    expect(explained).toMatchObject({ ok: true, value: { targetValue: 21680000, breakdownNote: "市直单位承担 68 亿元" } });
    expect(explained.ok && [...explained.value.districts]).toEqual([[1, 10000000], [2, 11000000]]);
  });

  it("accepts a breakdown that adds up exactly, and rates per district without any sum", () => {
    expect(checkTargets(investment, districts, text({ target: "2168", districts: { 1: "1068", 2: "1100" } })).ok).toBe(true);
    expect(checkTargets(rate, districts, text({ target: "50", districts: { 1: "45", 2: "60" } })).ok).toBe(true);
  });
});

describe("checking a target entry", () => {
  it("refuses a negative target next to its field, in Chinese", () => {
    const r = checkTargets(investment, districts, text({ target: "-5", districts: { 2: "-1" } }));
    expect(r).toEqual({ ok: false, errors: { target: "目标不能为负数", d_2: "晋江市目标不能为负数" } });
  });

  it("keeps blank as not set, reads growth (may be negative) and multiples", () => {
    const r = checkTargets(investment, districts, text({ growth: "-2.5", multiple: "3倍" }));
    expect(r).toMatchObject({ ok: true, value: { targetValue: null, baselineValue: null, growthTargetBp: -250, multipleTargetPct: 300 } });
  });

  it("requires a custom monthly plan to reach 100% by December", () => {
    const plan = ["10", "20", "30", "40", "50", "60", "70", "80", "90", "95", "98", "99"];
    const r = checkTargets(investment, districts, text({ target: "2168", planMode: "custom", plan }));
    expect(r).toEqual({ ok: false, errors: { plan: "月度计划到 12 月必须达到 100%" } });
    const ok = checkTargets(investment, districts, text({ target: "2168", planMode: "custom", plan: [...plan.slice(0, 11), "100"] }));
    expect(ok.ok && ok.value.monthlyPlan).toEqual([1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000, 9500, 9800, 10000]);
    expect(checkTargets(investment, districts, text({ planMode: "linear" }))).toMatchObject({ ok: true, value: { monthlyPlan: null } });
    const down = checkTargets(investment, districts, text({ planMode: "custom", plan: ["10", "5", ...plan.slice(2, 11), "100"] }));
    expect(down).toEqual({ ok: false, errors: { plan: "2月的累计计划进度不能低于1月" } });
  });

  it("leaves the plan alone when the entry does not carry one (the Excel sheet)", () => {
    const r = checkTargets(investment, districts, text({ target: "1" }));
    expect(r.ok && "monthlyPlan" in r.value).toBe(false);
  });
});
