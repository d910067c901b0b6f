import { describe, expect, it } from "vitest";
import { rollupIndicator, type RollupIndicator } from "@/domain/rollup";

const base: RollupIndicator = {
  id: 1,
  code: "solved",
  aggregation: "count",
  unitScale: 1,
  cityTarget: { targetValue: 12, baselineValue: null, growthTargetBp: null, multipleTargetPct: null, monthlyPlan: null },
  districtTargets: new Map([[1, 6], [2, 6]]),
  points: [{ districtId: 1, month: 2, value: 3 }],
};

describe("indicators counted from records", () => {
  it("give a district without records 0, behind pace, not 'no data'", () => {
    const r = rollupIndicator({ ...base, fromRecords: true }, [1, 2], 6, 500);
    expect(r.districts.get(2)!.actual).toBe(0);
    expect(r.districts.get(2)!.pace.status).toBe("lagging");
    expect(r.districts.get(2)!.pace.reason).toBe("完成 0.0%，序时 50.0%，落后 50.0 个百分点");
    expect(r.districts.get(1)!.series).toEqual([0, 3, 3, 3, 3, 3]);
  });
  it("leave typed-in indicators without figures as 'no data'", () => {
    const r = rollupIndicator(base, [1, 2], 6, 500);
    expect(r.districts.get(2)!.actual).toBeNull();
    expect(r.districts.get(2)!.pace.status).toBe("no_data");
  });
});
