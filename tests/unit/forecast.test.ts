import { describe, expect, it } from "vitest";
import { blendedShare, forecast, lastYearShape, type ForecastInput } from "@/domain/forecast";
import { forecastAreas, monthlyValues } from "@/domain/forecast-areas";
import { comparisonDecimals, forecastSentence } from "@/domain/forecast-text";

// Amounts in 万元 (base), shown in 亿元 with one decimal, as the city's investment indicators are.
const YI = 10000;
const yi = { unit: { code: "yi_yuan", symbol: "亿元", scale: YI }, decimals: 1 };
const ge = { unit: { code: "ge", symbol: "个", scale: 1 }, decimals: 0 };
const flow = (months: (number | null)[], target: number | null, extra: Partial<ForecastInput> = {}): ForecastInput => ({
  aggregation: "sum",
  accumulation: "flow",
  kind: "reported",
  target: target == null ? null : target * YI,
  plan: null,
  months: months.map((v) => (v == null ? null : v * YI)),
  ...extra,
});
const zh = (input: ForecastInput, fmt = yi) => forecastSentence(forecast(input), fmt);

describe("year-end forecast", () => {
  it("linear plan: 810 亿元 in nine months projects 1,080 of 1,200 and needs 130 a month, above the best month", () => {
    const f = forecast(flow([80, 85, 90, 95, 100, 90, 85, 90, 95], 1200));
    expect(f).toMatchObject({ status: "projected", actual: 810 * YI, asOf: 9, remainingMonths: 3, best: { month: 5, value: 100 * YI }, exceedsBest: true, usedLastYear: false });
    if (f.status !== "projected") throw new Error(f.status);
    expect(f.projected! / YI).toBeCloseTo(1080, 9);
    expect(f.required / YI).toBeCloseTo(130, 9);
    expect(forecastSentence(f, yi)).toEqual({
      text: "按1—9月进度，预计全年完成 1,080 亿元，为目标的 90.0%；余下 3 个月需月均完成 130 亿元，高于今年最高月份 100 亿元（5月）。",
      flag: true,
    });
  });

  it("front-loaded plan: 40% due by March, so 360 done projects 900 (not 1,440 as a linear plan would)", () => {
    const plan = [1500, 3000, 4000, 4800, 5600, 6400, 7000, 7600, 8200, 8800, 9400, 10000];
    const f = forecast(flow([120, 130, 110], 1000, { plan }));
    if (f.status !== "projected") throw new Error(f.status);
    expect(f.projected! / YI).toBeCloseTo(900, 9);
    expect(f.required / YI).toBeCloseTo(640 / 9, 9);
    expect(f.exceedsBest).toBe(false);
    expect(forecastSentence(f, yi)!.text).toBe("按1—3月进度，预计全年完成 900 亿元，为目标的 90.0%；余下 9 个月需月均完成 71.2 亿元，不高于今年最高月份 130 亿元（2月）。");
    const linear = forecast(flow([120, 130, 110], 1000));
    expect(linear.status === "projected" && linear.projected! / YI).toBeCloseTo(1440, 9);
  });

  it("a month with no data counts neither in the actual nor in the plan's share, and the sentence says so", () => {
    // 500 over the five months with data (5/12 of the plan): 1,200 a year's pace, half of it still to come.
    const f = forecast(flow([100, 100, null, 100, 100, 100], 1200));
    if (f.status !== "projected") throw new Error(f.status);
    expect(f.actual).toBe(500 * YI);
    expect(f.gaps).toEqual([3]);
    expect(f.projected! / YI).toBeCloseTo(1100, 9);
    expect(f.required / YI).toBeCloseTo(700 / 6, 9);
    expect(forecastSentence(f, yi)!.text).toBe("按1—6月进度（3月无数据，未计入），预计全年完成 1,100 亿元，为目标的 91.7%；余下 6 个月需月均完成 116.7 亿元，高于今年最高月份 100 亿元（1月）。");
  });

  it("a latest month without data is still to come: the forecast runs through the last month with data", () => {
    const f = forecast(flow([100, 100, 100, null], 1200));
    expect(f).toMatchObject({ status: "projected", asOf: 3, remainingMonths: 9, gaps: [] });
    expect(zh(flow([100, 100, 100, null], 1200))!.text).toBe("按1—3月进度，预计全年完成 1,200 亿元，为目标的 100.0%；余下 9 个月需月均完成 100 亿元，不高于今年最高月份 100 亿元（1月）。");
  });

  it("no month with data: no forecast, said in words", () => {
    expect(forecast(flow([null, null], 1200))).toEqual({ status: "no_data", target: 1200 * YI });
    expect(zh(flow([], 1200))!.text).toBe("暂无可用于预测的已审核数据，不作预测。");
  });

  it("a target already reached needs nothing more", () => {
    const f = forecast(flow([200, 200, 150], 500));
    expect(f.status).toBe("reached");
    expect(forecastSentence(f, yi)).toEqual({ text: "1—3月已完成 550 亿元，为目标的 110.0%，已完成全年目标。", flag: false });
  });

  it("with December in there is no forecast, only the year's actual and the shortfall", () => {
    const f = forecast(flow(new Array(12).fill(100), 1500));
    expect(f.status).toBe("year_end");
    expect(forecastSentence(f, yi)!.text).toBe("全年已结束：完成 1,200 亿元，为目标的 80.0%，未完成目标，差 300 亿元。");
  });

  it("in November one month is left and it needs the whole remainder", () => {
    const f = forecast(flow(new Array(11).fill(100), 1300));
    expect(f).toMatchObject({ status: "projected", remainingMonths: 1, required: 200 * YI, exceedsBest: true });
    expect(forecastSentence(f, yi)!.text).toContain("余下 1 个月需月均完成 200 亿元，高于今年最高月份 100 亿元（1月）");
  });

  it("last year's monthly shape is averaged with the plan: a back-loaded last year raises the projection", () => {
    const lastYear = [50, 50, 50, 50, 50, 50, 150, 150, 150, 150, 150, 150].map((v) => v * YI);
    expect(lastYearShape(lastYear)![5]).toBeCloseTo(0.25, 12);
    expect(blendedShare(6, null, lastYearShape(lastYear))).toBeCloseTo(0.375, 12);
    const f = forecast(flow([100, 100, 100, 100, 100, 100], 2000, { lastYear }));
    if (f.status !== "projected") throw new Error(f.status);
    expect(f.usedLastYear).toBe(true);
    expect(f.projected! / YI).toBeCloseTo(1600, 9);
    expect(forecastSentence(f, yi)!.text).toBe("按1—6月进度并参考上年逐月节奏，预计全年完成 1,600 亿元，为目标的 80.0%；余下 6 个月需月均完成 233.4 亿元，高于今年最高月份 100 亿元（1月）。");
  });

  it("last year with a month missing is not used", () => {
    const lastYear = [50, 50, 50, 50, 50, null, 150, 150, 150, 150, 150, 150].map((v) => (v == null ? null : v * YI));
    expect(lastYearShape(lastYear)).toBeNull();
    const f = forecast(flow([100, 100, 100, 100, 100, 100], 2000, { lastYear }));
    expect(f.status === "projected" && [f.usedLastYear, f.projected! / YI]).toEqual([false, 1200]);
  });

  it("ratios, stocks and milestones are not applicable; no target says nothing", () => {
    expect(forecast(flow([1], 50, { aggregation: "ratio" }))).toEqual({ status: "not_applicable", reason: "ratio" });
    expect(forecast(flow([1], 50, { accumulation: "stock" }))).toEqual({ status: "not_applicable", reason: "stock" });
    expect(forecast(flow([1], 14, { kind: "milestone", aggregation: "count" }))).toEqual({ status: "not_applicable", reason: "milestone" });
    expect(zh(flow([1], 50, { aggregation: "ratio" }))!.text).toBe("不适用：比率指标看是否达到目标水平，不按月累加推算。");
    expect(forecast(flow([100], null))).toEqual({ status: "no_target" });
    expect(zh(flow([100], 0))).toBeNull();
  });

  it("a front-loaded plan that expects nothing yet gives no projection but still the run-rate", () => {
    const plan = [0, 0, 1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000, 10000];
    const f = forecast(flow([10, 20], 1000, { plan }));
    expect(f).toMatchObject({ status: "projected", projected: null, remainingMonths: 10 });
    expect(forecastSentence(f, yi)!.text).toBe("1—2月完成 30 亿元，计划进度尚未开始，暂不推算全年；余下 10 个月需月均完成 97 亿元，高于今年最高月份 20 亿元（2月）。");
  });

  it("counts: the run-rate is rounded up, so a month at the shown rate is enough", () => {
    const f = forecast({ aggregation: "count", accumulation: "flow", kind: "derived", target: 200, plan: null, months: [10, 12, 9, 15, 11, 13, 14, 16, 12, 17] });
    // 129 done, 71 to go in 2 months: 35.5 a month, shown as 36, above the best month's 17.
    expect(forecastSentence(f, ge)!.text).toBe("按1—10月进度，预计全年完成 155 个，为目标的 77.4%；余下 2 个月需月均完成 36 个，高于今年最高月份 17 个（10月）。");
  });

  it("nothing done in any month: the run-rate is compared with no month, and flagged", () => {
    const f = forecast({ aggregation: "count", accumulation: "flow", kind: "derived", target: 6, plan: null, months: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0] });
    expect(forecastSentence(f, ge)).toEqual({ text: "按1—10月进度，预计全年完成 0 个，为目标的 0.0%；余下 2 个月需月均完成 3 个，而今年各月均未完成。", flag: true });
  });

  it("the comparison gets one more decimal where the indicator's own would show a contradiction", () => {
    // 130.4 needed against a best month of 130.45: at whole 亿元 that would read 131 vs 130.
    expect(comparisonDecimals(1304000, 1304500, yi.unit, 0)).toBe(1);
    expect(comparisonDecimals(1304000, 1200000, yi.unit, 0)).toBe(0);
  });

  it("English follows the same numbers", () => {
    const f = forecast(flow([80, 85, 90, 95, 100, 90, 85, 90, 95], 1200));
    expect(forecastSentence(f, yi, "en")!.text).toBe(
      "At the pace of January–September, the year is projected to reach 1,080 亿元, 90.0% of the target; the remaining 3 months need 130 亿元 a month, above this year's best month (May, 100 亿元).",
    );
  });
});

describe("forecast areas from approved district-months", () => {
  const official = new Set(["1|1", "1|2", "1|3", "2|1", "2|2"]);
  const points = [
    { districtId: 1, month: 1, value: 10 },
    { districtId: 1, month: 3, value: 30 },
    { districtId: 2, month: 1, value: 5 },
    { districtId: 2, month: 2, value: null },
    { districtId: 2, month: 3, value: 7 }, // district 2's March is not approved
  ];

  it("reported figures: a blank value is no data, not zero", () => {
    expect(monthlyValues(points, [2], 3, false, official)).toEqual([5, null, 7]);
    expect(monthlyValues(points, [1, 2], 3, false, official)).toEqual([15, null, 37]);
  });

  it("figures from records: an approved month without records is 0, an unapproved one no data", () => {
    expect(monthlyValues(points, [2], 3, true, official)).toEqual([5, 0, null]);
    expect(monthlyValues(points, [1], 4, true, official)).toEqual([10, 0, 30, null]);
  });

  it("the city runs through the latest month every district has had approved; a district through its own", () => {
    const ind = { aggregation: "count" as const, accumulation: "flow" as const, kind: "derived" as const, fromRecords: true, cityTarget: { targetValue: 120, monthlyPlan: null }, districtTargets: new Map([[1, 60], [2, null]]), points };
    const r = forecastAreas(ind, null, official, [1, 2], 3, 2);
    // City: January and February (15 + 0) over 2/12 of the plan → 90; district 1 through March: 40 over 3/12 → 160.
    expect(r.city).toMatchObject({ status: "projected", asOf: 2, actual: 15, projected: 90 });
    expect(r.districts.get(1)).toMatchObject({ status: "projected", asOf: 3, actual: 40, projected: 160 });
    expect(r.districts.get(2)).toEqual({ status: "no_target" });
  });
});
