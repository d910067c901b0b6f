import { describe, expect, it } from "vitest";
import { chooseBaseline, copiesAsData, figureDiff, projectDiff, type BaselineInput } from "@/app/(staff)/city/review/_lib/baseline";
import { figureText, YI_YUAN } from "@/app/(staff)/city/review/_lib/format";

const fig = (value: number | null) => ({ value, numerator: null, denominator: null, noData: false });
const snap = (at: string, value: number) => ({ at, data: { figures: { "13": fig(value) }, projects: { "5": value } } });

const base: BaselineInput = {
  status: "submitted",
  restating: false,
  official: false,
  returnedAt: null,
  approvedSnapshot: null,
  submittedSnapshots: [],
  approvedCopies: { figures: {}, projects: {} },
};

describe("what the review page compares a month with", () => {
  it("a first submission has nothing to compare with", () => {
    expect(chooseBaseline({ ...base, submittedSnapshots: [snap("t1", 1)] }).kind).toBe("first");
  });

  it("a resubmission after a return compares with the submission that was returned, not the current one", () => {
    const b = chooseBaseline({ ...base, returnedAt: "r", submittedSnapshots: [snap("t2", 20), snap("t1", 10)] });
    expect(b.kind).toBe("returned");
    expect(b.at).toBe("t1");
    expect(figureDiff(b, 13, fig(20))).toEqual({ changed: true, old: fig(10) });
  });

  it("a returned month still being corrected compares with the returned submission", () => {
    const b = chooseBaseline({ ...base, status: "returned", returnedAt: "r", submittedSnapshots: [snap("t1", 10)] });
    expect(b).toMatchObject({ kind: "returned", at: "t1" });
  });

  it("a resubmission whose returned data was never kept says so instead of claiming a first submission", () => {
    expect(chooseBaseline({ ...base, returnedAt: "r", submittedSnapshots: [snap("t2", 20)] }).kind).toBe("returned-missing");
  });

  it("a month approved before compares with the last approved snapshot, or with the approved copies", () => {
    const withSnap = chooseBaseline({ ...base, official: true, approvedSnapshot: snap("a1", 7), submittedSnapshots: [snap("t2", 9), snap("t1", 7)] });
    expect(withSnap).toMatchObject({ kind: "approved", at: "a1" });
    const copies = copiesAsData([{ indicatorId: 13, approvedValue: 7, approvedNumerator: null, approvedDenominator: null }], [{ projectId: 5, approvedInvestment: 300 }, { projectId: 6, approvedInvestment: null }]);
    const b = chooseBaseline({ ...base, official: true, approvedCopies: copies });
    expect(b.kind).toBe("approved");
    expect(figureDiff(b, 13, fig(7)).changed).toBe(false);
    expect(projectDiff(b, 5, 310)).toEqual({ changed: true, old: 300 });
    expect(projectDiff(b, 6, 40)).toEqual({ changed: true, old: null });
  });

  it("a month reopened for correction compares with its approved values as a correction", () => {
    expect(chooseBaseline({ ...base, official: true, restating: true, approvedSnapshot: snap("a1", 7) }).kind).toBe("restating");
  });

  it("an approved month or an untouched draft shows no comparison", () => {
    expect(chooseBaseline({ ...base, status: "approved", official: true }).kind).toBe("none");
    expect(chooseBaseline({ ...base, status: "draft" }).kind).toBe("none");
  });

  it("marking a figure as having no data counts as a change", () => {
    const b = chooseBaseline({ ...base, official: true, approvedSnapshot: snap("a1", 7) });
    expect(figureDiff(b, 13, { value: null, numerator: null, denominator: null, noData: true }).changed).toBe(true);
  });
});

describe("how the review page writes a figure", () => {
  it("shows every stored digit in the display unit", () => {
    expect(figureText({ aggregation: "sum", unit: YI_YUAN, partUnit: null }, fig(139_800))).toBe("13.98 亿元");
    expect(figureText({ aggregation: "sum", unit: YI_YUAN, partUnit: null }, fig(21_685_001))).toBe("2,168.5001 亿元");
  });

  it("writes a ratio's parts in their own unit", () => {
    const k = { aggregation: "ratio" as const, unit: { symbol: "%", scale: 100 }, partUnit: YI_YUAN };
    expect(figureText(k, { value: null, numerator: 4_320_000, denominator: 7_200_000, noData: false })).toBe("60.0%（432 / 720 亿元）");
  });

  it("says 本月无数据 for a figure marked as having no data, and — for a blank one", () => {
    const k = { aggregation: "sum" as const, unit: YI_YUAN, partUnit: null };
    expect(figureText(k, { value: null, numerator: null, denominator: null, noData: true })).toBe("本月无数据");
    expect(figureText(k, undefined)).toBe("—");
  });
});
