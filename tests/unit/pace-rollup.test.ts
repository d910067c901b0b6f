import { describe, expect, it } from "vitest";
import { expectedShare, monthlyPlanError, pace, rateStatus } from "@/domain/pace";
import { rollupIndicator, type RollupIndicator } from "@/domain/rollup";

const WARN = 500; // 5 percentage points

describe("time progress (序时进度)", () => {
  it("expects m/12 of a linear target by the end of month m", () => {
    expect(expectedShare(3, null)).toBe(0.25);
    expect(expectedShare(10, null)).toBeCloseTo(0.8333, 4);
  });
  it("follows a target's own monthly plan when it has one (a strong first quarter)", () => {
    const plan = [1200, 2400, 3600, 4300, 5000, 5700, 6400, 7100, 7800, 8500, 9200, 10000];
    expect(expectedShare(3, plan)).toBe(0.36);
    expect(pace(3500, 10000, 3, plan, WARN).reason).toBe("完成 35.0%，序时 36.0%，落后 1.0 个百分点");
    expect(pace(3500, 10000, 3, null, WARN).reason).toBe("完成 35.0%，序时 25.0%，超序时 10.0 个百分点");
  });
  it("refuses a monthly plan that does not reach 100% by December or goes backwards", () => {
    expect(monthlyPlanError([1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000, 9500, 9800, 9900])).toBe("月度计划到 12 月必须达到 100%");
    expect(monthlyPlanError([1000, 900, 3000, 4000, 5000, 6000, 7000, 8000, 9000, 9500, 9800, 10000])).toContain("不能低于");
    expect(monthlyPlanError([1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000, 9500, 9800, 10000])).toBeNull();
  });
  it("words the published example exactly: 完成 62.4%，序时 66.7%，落后 4.3 个百分点", () => {
    const r = pace(624, 1000, 8, null, WARN);
    expect(r.reason).toBe("完成 62.4%，序时 66.7%，落后 4.3 个百分点");
    expect(r.status).toBe("behind");
  });
  it("colours on-or-ahead green, behind by less than the margin yellow, further behind red", () => {
    expect(pace(700, 1000, 8, null, WARN).status).toBe("ahead");
    expect(pace(667, 1000, 8, null, WARN).status).toBe("ahead");
    expect(pace(620, 1000, 8, null, WARN).status).toBe("behind");
    expect(pace(600, 1000, 8, null, WARN).status).toBe("lagging");
  });
  it("says when there is no target rather than inventing one", () => {
    expect(pace(10, null, 5, null, WARN)).toMatchObject({ status: "no_target", reason: "未设定目标" });
  });
  it("judges a rate against its target level", () => {
    expect(rateStatus(0.452, 0.5, WARN)).toMatchObject({ status: "behind", reason: "当前 45.2%，距目标 50.0% 差 4.8 个百分点" });
    expect(rateStatus(0.51, 0.5, WARN).status).toBe("ahead");
  });
});

function indicator(partial: Partial<RollupIndicator>): RollupIndicator {
  return { id: 1, code: "x", aggregation: "sum", unitScale: 1, cityTarget: null, districtTargets: new Map(), points: [], ...partial };
}

describe("rollups", () => {
  it("adds amounts over districts and months up to the chosen month", () => {
    const r = rollupIndicator(
      indicator({
        cityTarget: { targetValue: 1200, baselineValue: null, growthTargetBp: null, multipleTargetPct: null, monthlyPlan: null },
        points: [
          { districtId: 1, month: 1, value: 100 },
          { districtId: 1, month: 2, value: 100 },
          { districtId: 2, month: 2, value: 50 },
          { districtId: 2, month: 3, value: 999 },
        ],
      }),
      [1, 2],
      2,
      WARN,
    );
    expect(r.city.actual).toBe(250);
    expect(r.city.series).toEqual([100, 250]);
    expect(r.districts.get(1)!.actual).toBe(200);
    expect(r.city.pace.reason).toBe("完成 20.8%，序时 16.7%，超序时 4.1 个百分点");
  });

  it("computes a city ratio from summed numerators and denominators, not the mean of district ratios", () => {
    const r = rollupIndicator(
      indicator({
        aggregation: "ratio",
        unitScale: 100,
        cityTarget: { targetValue: 5000, baselineValue: null, growthTargetBp: null, multipleTargetPct: null, monthlyPlan: null },
        points: [
          { districtId: 1, month: 6, numerator: 90, denominator: 100 },
          { districtId: 2, month: 6, numerator: 100, denominator: 1000 },
        ],
      }),
      [1, 2],
      6,
      WARN,
    );
    expect(r.districts.get(1)!.actual).toBeCloseTo(0.9);
    expect(r.districts.get(2)!.actual).toBeCloseTo(0.1);
    // Mean of district ratios would be 50%; the real city share is 190 / 1100.
    expect(r.city.actual).toBeCloseTo(190 / 1100, 10);
    expect(r.city.pace.reason).toBe("当前 17.3%，距目标 50.0% 差 32.7 个百分点");
  });

  it("shows a month with no figures as no data, not as zero", () => {
    const r = rollupIndicator(indicator({ cityTarget: { targetValue: 100, baselineValue: null, growthTargetBp: null, multipleTargetPct: null, monthlyPlan: null } }), [1, 2], 4, WARN);
    expect(r.city.actual).toBeNull();
    expect(r.city.series).toEqual([null, null, null, null]);
    expect(r.city.pace.status).toBe("no_data");
    expect(r.city.districtsReporting).toBe(0);
  });

  it("gives a district without a target its actual but no pace", () => {
    const r = rollupIndicator(
      indicator({ districtTargets: new Map([[1, 120]]), points: [{ districtId: 1, month: 1, value: 10 }, { districtId: 2, month: 1, value: 20 }] }),
      [1, 2],
      1,
      WARN,
    );
    expect(r.districts.get(1)!.pace.status).toBe("ahead");
    expect(r.districts.get(2)!).toMatchObject({ actual: 20, target: null });
    expect(r.districts.get(2)!.pace.status).toBe("no_target");
  });

  it("measures growth against the same period of last year, and a multiple against the baseline", () => {
    const r = rollupIndicator(
      indicator({
        cityTarget: { targetValue: 3000, baselineValue: 1000, growthTargetBp: null, multipleTargetPct: 300, monthlyPlan: null },
        points: [{ districtId: 1, month: 1, value: 600 }, { districtId: 1, month: 2, value: 600 }],
        lastYearPoints: [{ districtId: 1, month: 1, value: 400 }, { districtId: 1, month: 2, value: 600 }, { districtId: 1, month: 3, value: 5000 }],
      }),
      [1],
      2,
      WARN,
    );
    expect(r.city.growth).toBeCloseTo(0.2);
    expect(r.city.multiple).toBeCloseTo(1.2);
  });

  it("has no growth figure when last year's data is not in the database", () => {
    const r = rollupIndicator(indicator({ points: [{ districtId: 1, month: 1, value: 5 }] }), [1], 1, WARN);
    expect(r.city.growth).toBeNull();
  });

  it("ignores data of districts outside the rollup", () => {
    const r = rollupIndicator(indicator({ points: [{ districtId: 1, month: 1, value: 5 }, { districtId: 9, month: 1, value: 500 }] }), [1], 1, WARN);
    expect(r.city.actual).toBe(5);
  });
});

import { sectorSentence } from "@/domain/sector-sentence";

describe("key projects in the city's published wording", () => {
  it("writes the sector sentence exactly as the city does", () => {
    const s = sectorSentence({ label: "交通项目", projects: 40, totalInvestment: 12_000_000, annualPlan: 1_200_000, doneYtd: 330_000 }, "2023-03");
    expect(s).toBe("交通项目40个，总投资1200亿元，年度计划投资120亿元；1—3月完成投资33亿元，完成年度计划的27.5%，超序时进度2.5个百分点");
  });
  it("says behind when behind", () => {
    const s = sectorSentence({ label: "能源项目", projects: 3, totalInvestment: 500_000, annualPlan: 100_000, doneYtd: 20_000 }, "2023-06");
    expect(s).toContain("完成年度计划的20.0%，落后序时进度30.0个百分点");
  });
});
