import { describe, expect, it } from "vitest";
import { parseDisplayNumber } from "@/domain/numbers";
import { baseToDisplayExact, formatPercent, formatWithUnit } from "@/domain/format";

const yi = { code: "yi_yuan", symbol: "亿元", scale: 10000 };
const ge = { code: "ge", symbol: "个", scale: 1 };
const mu = { code: "mu", symbol: "亩", scale: 100 };
const pct = { code: "percent", symbol: "%", scale: 100 };

describe("parseDisplayNumber", () => {
  it("treats blank input as missing, never as zero", () => {
    expect(parseDisplayNumber("", yi)).toEqual({ kind: "missing" });
    expect(parseDisplayNumber("   ", yi)).toEqual({ kind: "missing" });
    expect(parseDisplayNumber(null, yi)).toEqual({ kind: "missing" });
  });
  it("reads an explicit zero as zero", () => {
    expect(parseDisplayNumber("0", yi)).toEqual({ kind: "ok", base: 0 });
  });
  it("accepts thousands separators and converts 亿元 to whole 万元 exactly", () => {
    expect(parseDisplayNumber("1,234.5", yi)).toEqual({ kind: "ok", base: 12_345_000 });
    expect(parseDisplayNumber("2168", yi)).toEqual({ kind: "ok", base: 21_680_000 });
    expect(parseDisplayNumber("0.0001", yi)).toEqual({ kind: "ok", base: 1 });
  });
  it("accepts full-width digits and punctuation", () => {
    expect(parseDisplayNumber("１，２３４．５", yi)).toEqual({ kind: "ok", base: 12_345_000 });
  });
  it("accepts the field's own trailing unit", () => {
    expect(parseDisplayNumber("12.5亿元", yi)).toEqual({ kind: "ok", base: 125_000 });
    expect(parseDisplayNumber("35 个", ge)).toEqual({ kind: "ok", base: 35 });
    expect(parseDisplayNumber("52.3%", pct)).toEqual({ kind: "ok", base: 5230 });
    expect(parseDisplayNumber("52.3％", pct)).toEqual({ kind: "ok", base: 5230 });
  });
  it("refuses another unit instead of silently converting", () => {
    const r = parseDisplayNumber("500万元", yi);
    expect(r.kind).toBe("error");
    expect(r.kind === "error" && r.message).toContain("亿元");
  });
  it("refuses more decimals than the unit can store", () => {
    expect(parseDisplayNumber("1.5", ge)).toMatchObject({ kind: "error", message: "单位为“个”，只能填整数" });
    expect(parseDisplayNumber("1.234", mu)).toMatchObject({ kind: "error", message: "最多保留 2 位小数" });
  });
  it("refuses text and negative numbers", () => {
    expect(parseDisplayNumber("abc", yi).kind).toBe("error");
    expect(parseDisplayNumber("1.2.3", yi).kind).toBe("error");
    expect(parseDisplayNumber("-5", yi)).toMatchObject({ kind: "error", message: "不能为负数" });
    expect(parseDisplayNumber("-5", yi, { allowNegative: true })).toEqual({ kind: "ok", base: -50_000 });
  });
});

describe("formatting", () => {
  it("shows base units in the display unit people use", () => {
    expect(formatWithUnit(21_680_000, yi, 1)).toBe("2,168 亿元");
    expect(formatWithUnit(15_040_554, yi, 1)).toBe("1,504.1 亿元");
    expect(formatWithUnit(5000, pct, 1)).toBe("50%");
    expect(formatWithUnit(1_000_000, mu, 0)).toBe("10,000 亩");
  });
  it("round-trips exactly through the base unit", () => {
    expect(baseToDisplayExact(12_345_000, 10000)).toBe("1234.5");
    expect(baseToDisplayExact(1, 10000)).toBe("0.0001");
    expect(baseToDisplayExact(-50_000, 10000)).toBe("-5");
    expect(baseToDisplayExact(35, 1)).toBe("35");
  });
  it("prints percentages with one decimal place", () => {
    expect(formatPercent(0.6244)).toBe("62.4%");
    expect(formatPercent(1)).toBe("100.0%");
  });
});
