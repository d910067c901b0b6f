import { describe, expect, it } from "vitest";
import { fillSameAsLastMonth } from "@/app/(staff)/district/figures/check-form";
import { sameAsLastMonth } from "@/app/(staff)/district/figures/form-values";
import type { FigureRow } from "@/app/_lib/figures-load";
import type { FigureCell } from "@/db/queries/figures";

const jia = { code: "jia", symbol: "家", scale: 1 };
const yi = { code: "yi_yuan", symbol: "亿元", scale: 10_000 };
const section = { code: "parks", name: "园区标准化" };

function cell(v: Partial<FigureCell>): FigureCell {
  return { indicatorId: 0, month: "2023-10", value: null, numerator: null, denominator: null, approvedValue: null, approvedNumerator: null, approvedDenominator: null, note: null, noData: false, version: 1, updatedAt: "", updatedByName: null, status: "draft", ...v };
}

function row(id: number, opts: { stock: boolean; ratio: boolean; last: FigureCell | null; unit?: typeof jia }): FigureRow {
  return {
    indicator: {
      id, code: `i${id}`, name: `指标${id}`, aggregation: opts.ratio ? "ratio" : "sum", accumulation: opts.stock ? "stock" : "flow",
      numeratorLabel: opts.ratio ? "在园企业数" : null, denominatorLabel: opts.ratio ? "规上工业企业数" : null, decimals: 1, ownerDepartmentId: null,
      section, unit: opts.unit ?? yi, partUnit: opts.ratio ? (opts.unit ?? jia) : null,
    },
    current: null,
    lastMonth: opts.last,
    context: { previousYtd: 0, history: [], lastRate: null },
  };
}

const firms = row(1, { stock: true, ratio: true, last: cell({ numerator: 812, denominator: 1460 }) });
const valueAdded = row(2, { stock: true, ratio: true, last: cell({ numerator: 1_234_567, denominator: 2_000_001 }), unit: yi });
const investment = row(3, { stock: false, ratio: false, last: cell({ value: 32_500 }) });
const noDataLast = row(4, { stock: true, ratio: true, last: cell({ noData: true, note: "未发布" }) });

describe("同上月: last month's values for slow-changing (stock) indicators", () => {
  it("offers last month's numerator and denominator of a stock ratio, exact in the part unit", () => {
    expect(sameAsLastMonth(firms)).toEqual({ a: "812", b: "1460" });
    expect(sameAsLastMonth(valueAdded)).toEqual({ a: "123.4567", b: "200.0001" });
  });
  it("never copies a flow (a month's amount), nor a month marked 本月无数据 or missing", () => {
    expect(sameAsLastMonth(investment)).toBeNull();
    expect(sameAsLastMonth(noDataLast)).toBeNull();
    expect(sameAsLastMonth(row(5, { stock: true, ratio: true, last: null }))).toBeNull();
  });
  it("one row's button overwrites that row and clears its 本月无数据 mark", () => {
    const values: Record<string, string> = { n_1: "800", d_1: "", nodata_1: "1" };
    expect(fillSameAsLastMonth([firms, investment], values, { indicatorId: 1 })).toEqual({ label: "指标1", count: 1 });
    expect(values).toMatchObject({ n_1: "812", d_1: "1460", nodata_1: "" });
  });
  it("the section's button fills only blank stock rows, leaving typed rows and flows alone", () => {
    const values: Record<string, string> = { n_1: "", d_1: "", n_2: "130", d_2: "", m_3: "", c_3: "" };
    expect(fillSameAsLastMonth([firms, valueAdded, investment], values, { sectionCode: "parks" })).toEqual({ label: "园区标准化", count: 1 });
    expect(values).toMatchObject({ n_1: "812", d_1: "1460", n_2: "130", d_2: "", m_3: "", c_3: "" });
  });
  it("refuses a row that has nothing to copy, or a section the form does not have", () => {
    expect(fillSameAsLastMonth([investment], {}, { indicatorId: 3 })).toBeNull();
    expect(fillSameAsLastMonth([firms], {}, { sectionCode: "nope" })).toBeNull();
  });
});
