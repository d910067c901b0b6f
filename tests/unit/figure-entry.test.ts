import { describe, expect, it } from "vitest";
import { checkEntry, type EntryIndicator } from "@/domain/figure-entry";

const yi = { code: "yi_yuan", symbol: "亿元", scale: 10000 };
const jia = { code: "jia", symbol: "家", scale: 1 };
const flow: EntryIndicator = { id: 1, name: "城建项目完成投资", aggregation: "sum", accumulation: "flow", decimals: 1, unit: yi, partUnit: null, numeratorLabel: null, denominatorLabel: null };
const ratio: EntryIndicator = { id: 2, name: "入园率", aggregation: "ratio", accumulation: "stock", decimals: 1, unit: { code: "percent", symbol: "%", scale: 100 }, partUnit: jia, numeratorLabel: "在园规上工业企业数", denominatorLabel: "规上工业企业数" };
const ctx = { previousYtd: 500_000, history: [50_000, 55_000, 60_000, 52_000], lastRate: 0.4 };

describe("monthly figure entry", () => {
  it("treats an empty row as not reported, not as zero", () => {
    expect(checkEntry(flow, { month: "", cumulative: "" }, ctx)).toEqual({ kind: "missing", note: null });
  });
  it("takes the month's value as typed", () => {
    expect(checkEntry(flow, { month: "5.5" }, ctx)).toEqual({ kind: "value", value: 55_000, note: null, warning: null, flags: [] });
  });
  it("derives the month from a year-to-date total", () => {
    expect(checkEntry(flow, { cumulative: "55.5亿元" }, ctx)).toEqual({ kind: "value", value: 55_000, note: null, warning: null, flags: [] });
  });
  it("accepts both when they agree, and names the expected total when they do not", () => {
    expect(checkEntry(flow, { month: "5.5", cumulative: "55.5" }, ctx)).toMatchObject({ kind: "value", value: 55_000 });
    const r = checkEntry(flow, { month: "5.5", cumulative: "60" }, ctx);
    expect(r).toMatchObject({ kind: "error", field: "cumulative" });
    expect(r.kind === "error" && r.message).toContain("加本月应为 55.5 亿元");
  });
  it("flags a total below the months already reported as an implied negative month", () => {
    const r = checkEntry(flow, { cumulative: "45" }, ctx);
    expect(r).toMatchObject({ kind: "error", field: "cumulative" });
    expect(r.kind === "error" && r.message).toContain("本月值为负（-5 亿元）");
  });
  it("saves a negative correction when the clerk explains it", () => {
    expect(checkEntry(flow, { cumulative: "45", note: "核减重复统计" }, ctx)).toMatchObject({ kind: "value", value: -50_000, note: "核减重复统计" });
  });
  it("warns about a month far outside the district's own history until a note explains it", () => {
    const r = checkEntry(flow, { month: "30" }, ctx);
    expect(r).toMatchObject({ kind: "error", field: "month" });
    expect(r.kind === "error" && r.message).toContain("本月 30 亿元，为本区以往月份中位数 5.35 亿元的 5.61 倍");
    expect(checkEntry(flow, { month: "30", note: "重大项目集中入账" }, ctx)).toMatchObject({ kind: "value", value: 300_000, flags: [{ rule: "figure_above_median" }] });
  });
  it("does not judge outliers without three earlier months", () => {
    expect(checkEntry(flow, { month: "30" }, { ...ctx, history: [50_000, 60_000] })).toMatchObject({ kind: "value", warning: null });
  });
  it("accepts an explicit zero month", () => {
    expect(checkEntry(flow, { month: "0" }, { ...ctx, history: [] })).toMatchObject({ kind: "value", value: 0 });
  });
  it("takes a ratio as numerator and denominator", () => {
    expect(checkEntry(ratio, { numerator: "420", denominator: "1,000" }, ctx)).toEqual({ kind: "ratio", numerator: 420, denominator: 1000, note: null, warning: null, flags: [] });
  });
  it("needs both parts of a ratio, a non-zero denominator and a numerator not above it", () => {
    expect(checkEntry(ratio, { numerator: "420", denominator: "" }, ctx)).toMatchObject({ kind: "error", field: "denominator", message: "请填写规上工业企业数" });
    expect(checkEntry(ratio, { numerator: "0", denominator: "0" }, ctx)).toMatchObject({ kind: "error", field: "denominator" });
    expect(checkEntry(ratio, { numerator: "1200", denominator: "1000" }, ctx)).toMatchObject({ kind: "error", field: "numerator" });
  });
  it("asks for a note when a ratio jumps more than 10 points from last month", () => {
    expect(checkEntry(ratio, { numerator: "600", denominator: "1000" }, ctx)).toMatchObject({ kind: "error", field: "numerator" });
    expect(checkEntry(ratio, { numerator: "600", denominator: "1000", note: "新园区投用" }, ctx)).toMatchObject({ kind: "ratio", flags: [{ rule: "ratio_rate_jump" }] });
  });
  it("reports the unit error of a mistyped unit", () => {
    expect(checkEntry(flow, { month: "500万元" }, ctx)).toMatchObject({ kind: "error", field: "month" });
  });
});
