import { describe, expect, it } from "vitest";
import { checkCopiedForm, type FormEntry } from "@/domain/copied-form";
import { checkEntry, type EntryIndicator, type EntryResult } from "@/domain/figure-entry";
import { DEFAULT_PLAUSIBILITY_SETTINGS } from "@/domain/plausibility/settings";

const yi = { code: "yi_yuan", symbol: "亿元", scale: 10000 };
const jia = { code: "jia", symbol: "家", scale: 1 };
const flow: EntryIndicator = { id: 1, name: "城建项目完成投资", aggregation: "sum", accumulation: "flow", decimals: 1, unit: yi, partUnit: null, numeratorLabel: null, denominatorLabel: null };
const ratio: EntryIndicator = { id: 2, name: "入园率", aggregation: "ratio", accumulation: "stock", decimals: 1, unit: { code: "percent", symbol: "%", scale: 100 }, partUnit: jia, numeratorLabel: "在园规上工业企业数", denominatorLabel: "规上工业企业数" };
/** Three earlier months of 3 亿元 each: the median month is 3 亿元 = 30,000 万元. */
const steady = { previousYtd: 90_000, history: [30_000, 30_000, 30_000], lastRate: null };
const rule = (r: EntryResult) => (r.kind === "value" || r.kind === "ratio" ? r.flags.map((f) => f.rule) : r.kind);
const message = (r: EntryResult) => (r.kind === "error" ? r.message : "");

describe("a month against the district's own median month", () => {
  it("is not a warning at exactly N times the median, and is one just above", () => {
    expect(checkEntry(flow, { month: "9" }, steady)).toMatchObject({ kind: "value", value: 90_000, flags: [] });
    const r = checkEntry(flow, { month: "9.0001" }, steady);
    expect(r).toMatchObject({ kind: "error", field: "month" });
    expect(message(r)).toContain("本月 9.0001 亿元，为本区以往月份中位数 3 亿元的 3 倍（超过 3 倍）");
    expect(message(r)).toContain("确认无误请在“说明”中写明原因");
  });
  it("is not a warning at exactly 1/N of the median, and is one just below", () => {
    expect(checkEntry(flow, { month: "1" }, steady)).toMatchObject({ kind: "value", flags: [] });
    const r = checkEntry(flow, { month: "0.9999" }, steady);
    expect(r).toMatchObject({ kind: "error", field: "month" });
    expect(message(r)).toContain("本月 0.9999 亿元，仅为本区以往月份中位数 3 亿元的 33.3%（不到 1/3）");
  });
  it("names the multiple with its digits grouped", () => {
    const r = checkEntry(flow, { month: "12,000" }, steady);
    expect(message(r)).toContain("本月 12,000 亿元，为本区以往月份中位数 3 亿元的 4,000 倍");
  });
  it("puts the warning on the cumulative field when the clerk typed the year-to-date total", () => {
    expect(checkEntry(flow, { cumulative: "100" }, steady)).toMatchObject({ kind: "error", field: "cumulative" });
  });
  it("takes the multiple from the settings", () => {
    const settings = { ...DEFAULT_PLAUSIBILITY_SETTINGS, figureMedianMultiple: 5 };
    expect(checkEntry(flow, { month: "15" }, steady, settings)).toMatchObject({ kind: "value", flags: [] });
    expect(message(checkEntry(flow, { month: "15.0001" }, steady, settings))).toContain("（超过 5 倍）");
    expect(checkEntry(flow, { month: "0.6" }, steady, settings)).toMatchObject({ kind: "value", flags: [] });
    expect(message(checkEntry(flow, { month: "0.5999" }, steady, settings))).toContain("不到 1/5");
  });
  it("needs the set number of earlier non-zero months before it judges", () => {
    const two = { ...steady, history: [30_000, 0, 30_000] };
    expect(checkEntry(flow, { month: "100" }, two)).toMatchObject({ kind: "value", flags: [] });
    const settings = { ...DEFAULT_PLAUSIBILITY_SETTINGS, figureMedianMinMonths: 4 };
    expect(checkEntry(flow, { month: "100" }, steady, settings)).toMatchObject({ kind: "value", flags: [] });
    expect(checkEntry(flow, { month: "100" }, steady)).toMatchObject({ kind: "error" });
  });
  it("keeps the value with a note, carrying the warning as a flag with the numbers", () => {
    const r = checkEntry(flow, { month: "100", note: "重大项目集中结算" }, steady);
    expect(r).toMatchObject({ kind: "value", value: 1_000_000, note: "重大项目集中结算" });
    expect(r.kind === "value" && r.flags).toEqual([{ rule: "figure_above_median", message: "与本区以往差异较大：本月 100 亿元，为本区以往月份中位数 3 亿元的 33.3 倍（超过 3 倍）" }]);
    expect(rule(checkEntry(flow, { month: "0", note: "本月项目停工" }, steady))).toEqual(["figure_below_median"]);
  });
});

describe("a cumulative total going down", () => {
  const ctx = { ...steady, history: [] };
  it("is not a warning when the total equals the months before (a zero month), and is one just below", () => {
    expect(checkEntry(flow, { cumulative: "9" }, ctx)).toMatchObject({ kind: "value", value: 0, flags: [] });
    const r = checkEntry(flow, { cumulative: "8.9999" }, ctx);
    expect(r).toMatchObject({ kind: "error", field: "cumulative" });
    expect(message(r)).toContain("本月值为负（-0.0001 亿元）：1至本月累计 8.9999 亿元，小于以前各月合计 9 亿元");
  });
  it("is flagged figure_cumulative_down when kept with a note", () => {
    expect(rule(checkEntry(flow, { cumulative: "8", note: "核减重复统计" }, ctx))).toEqual(["figure_cumulative_down"]);
    expect(rule(checkEntry(flow, { month: "-1", note: "核减重复统计" }, ctx))).toEqual(["figure_cumulative_down"]);
  });
});

describe("a ratio's parts and rate against last month", () => {
  const parts = { previousYtd: 0, history: [], lastRate: null, lastNumerator: 400, lastDenominator: 1000 };
  it("is not a warning when a part changes by exactly the set share, and is one just above", () => {
    expect(checkEntry(ratio, { numerator: "600", denominator: "1000" }, parts)).toMatchObject({ kind: "ratio", flags: [] });
    expect(checkEntry(ratio, { numerator: "200", denominator: "1000" }, parts)).toMatchObject({ kind: "ratio", flags: [] });
    const up = checkEntry(ratio, { numerator: "601", denominator: "1000" }, parts);
    expect(up).toMatchObject({ kind: "error", field: "numerator" });
    expect(message(up)).toContain("在园规上工业企业数本月 601 家，较上月 400 家增加 50.3%（变动超过 50%）");
    const down = checkEntry(ratio, { numerator: "199", denominator: "1000" }, parts);
    expect(message(down)).toContain("较上月 400 家减少 50.3%");
  });
  it("checks the denominator the same way, on its own field", () => {
    const r = checkEntry(ratio, { numerator: "400", denominator: "1501" }, parts);
    expect(r).toMatchObject({ kind: "error", field: "denominator" });
    expect(message(r)).toContain("规上工业企业数本月 1,501 家，较上月 1,000 家增加 50.1%");
    expect(checkEntry(ratio, { numerator: "400", denominator: "1500" }, parts)).toMatchObject({ kind: "ratio", flags: [] });
  });
  it("takes the part share from the settings and skips a part that was zero last month", () => {
    const settings = { ...DEFAULT_PLAUSIBILITY_SETTINGS, ratioPartJump: 0.1 };
    expect(rule(checkEntry(ratio, { numerator: "441", denominator: "1000", note: "新园区" }, parts, settings))).toEqual(["ratio_part_jump"]);
    expect(checkEntry(ratio, { numerator: "440", denominator: "1000" }, parts, settings)).toMatchObject({ kind: "ratio", flags: [] });
    expect(checkEntry(ratio, { numerator: "5", denominator: "1000" }, { ...parts, lastNumerator: 0 })).toMatchObject({ kind: "ratio", flags: [] });
  });
  it("is not a warning when the rate moves exactly the set points, and is one just above", () => {
    const rate = { previousYtd: 0, history: [], lastRate: 0.4 };
    expect(checkEntry(ratio, { numerator: "500", denominator: "1000" }, rate)).toMatchObject({ kind: "ratio", flags: [] });
    expect(checkEntry(ratio, { numerator: "300", denominator: "1000" }, rate)).toMatchObject({ kind: "ratio", flags: [] });
    const r = checkEntry(ratio, { numerator: "501", denominator: "1000" }, rate);
    expect(message(r)).toContain("比率较上月变化 10.1 个百分点（上月 40%，本月 50.1%），超过 10 个百分点");
    const settings = { ...DEFAULT_PLAUSIBILITY_SETTINGS, ratioRateJumpPoints: 20 };
    expect(checkEntry(ratio, { numerator: "600", denominator: "1000" }, rate, settings)).toMatchObject({ kind: "ratio", flags: [] });
    expect(rule(checkEntry(ratio, { numerator: "601", denominator: "1000", note: "新园区投用" }, rate, settings))).toEqual(["ratio_rate_jump"]);
  });
  it("keeps every warning a value trips, each with its rule", () => {
    const r = checkEntry(ratio, { numerator: "900", denominator: "1000", note: "园区扩区" }, { ...parts, lastRate: 0.4 });
    expect(rule(r)).toEqual(["ratio_part_jump", "ratio_rate_jump"]);
  });
});

describe("本月无数据", () => {
  it("is kept with a reason, with no value", () => {
    expect(checkEntry(flow, { noData: true, note: "本区无城建项目" }, steady)).toEqual({ kind: "noData", note: "本区无城建项目" });
    expect(checkEntry(ratio, { noData: true, month: "", numerator: " ", note: "无规上企业" }, steady)).toEqual({ kind: "noData", note: "无规上企业" });
  });
  it("needs a reason", () => {
    expect(checkEntry(flow, { noData: true, note: " " }, steady)).toEqual({ kind: "error", field: "note", message: "勾选“本月无数据”时，请在“说明”中写明原因" });
  });
  it("refuses a number typed beside it, on the field that holds it", () => {
    expect(checkEntry(flow, { noData: true, cumulative: "0", note: "无" }, steady)).toMatchObject({ kind: "error", field: "cumulative" });
    expect(checkEntry(ratio, { noData: true, denominator: "10", note: "无" }, steady)).toMatchObject({ kind: "error", field: "denominator" });
  });
});

describe("a form copied from last month", () => {
  const value = (indicatorId: number, v: number, last: number | null): FormEntry => ({
    indicatorId,
    result: { kind: "value", value: v, note: null, warning: null, flags: [] },
    last: last == null ? null : { value: last, numerator: null, denominator: null },
  });
  const share: FormEntry = { indicatorId: 9, result: { kind: "ratio", numerator: 4, denominator: 10, note: null, warning: null, flags: [] }, last: { value: null, numerator: 4, denominator: 10 } };
  const blank: FormEntry = { indicatorId: 5, result: { kind: "missing", note: null }, last: { value: 7, numerator: null, denominator: null } };
  it("is a warning on the whole form when every filled indicator, at least three, equals last month", () => {
    const r = checkCopiedForm([blank, value(6, 1, 1), value(7, 2, 2), share], "");
    expect(r).toEqual({ kind: "error", message: "本表已填的 3 项指标与上月数值完全相同，疑似照抄上月报表。请核实；确认无误请在“整表说明”中写明原因" });
  });
  it("is kept with a form note as one flag on the first identical indicator", () => {
    expect(checkCopiedForm([blank, value(6, 1, 1), value(7, 2, 2), share], "各项确与上月持平")).toEqual({
      kind: "flag",
      indicatorId: 6,
      flag: { rule: "figures_copied_from_last_month", message: "本表已填的 3 项指标与上月数值完全相同，疑似照抄上月报表" },
      note: "各项确与上月持平",
    });
  });
  it("is not a warning with two identical indicators, or when one differs, is new, or is marked no-data", () => {
    expect(checkCopiedForm([value(6, 1, 1), value(7, 2, 2), blank], "")).toEqual({ kind: "ok" });
    expect(checkCopiedForm([value(6, 1, 1), value(7, 2, 2), share, value(8, 3, 4)], "")).toEqual({ kind: "ok" });
    expect(checkCopiedForm([value(6, 1, 1), value(7, 2, 2), value(8, 3, null)], "")).toEqual({ kind: "ok" });
    const noData: FormEntry = { indicatorId: 8, result: { kind: "noData", note: "本月无项目" }, last: { value: null, numerator: null, denominator: null, noData: true } };
    expect(checkCopiedForm([value(6, 1, 1), value(7, 2, 2), noData], "")).toEqual({ kind: "ok" });
  });
});
