import { describe, expect, it } from "vitest";
import { formatMoney, formatNumber, formatRatioPercent, formatYi } from "@/domain/format";

/* The formatters that replaced the last page-local Intl.NumberFormat copies (issue #16): same text as before. */
describe("sentence and column formatters", () => {
  it("a share of two parts with one decimal and no grouping", () => {
    expect(formatRatioPercent(1, 3)).toBe("33.3%");
    expect(formatRatioPercent(2, 2)).toBe("100.0%");
    expect(formatRatioPercent(250, 10)).toBe("2500.0%");
  });
  it("亿元 columns with a fixed number of decimals", () => {
    expect(formatYi(48_600)).toBe("4.86");
    expect(formatYi(48_600, "zh-CN", 1)).toBe("4.9");
    expect(formatYi(1_234_567_000, "zh-CN", 1)).toBe("123,456.7");
    expect(formatYi(0, "zh-CN", 1)).toBe("0.0");
  });
  it("money in a sentence: 亿元 from one 亿 up, whole 万元 below", () => {
    expect(formatMoney(139_800)).toBe("13.98 亿元");
    expect(formatMoney(-25_000)).toBe("-2.5 亿元");
    expect(formatMoney(8_300.4)).toBe("8,300 万元");
  });
  it("a plain grouped number with at most the given decimals", () => {
    expect(formatNumber(1234.56, 1)).toBe("1,234.6");
    expect(formatNumber(3, 2)).toBe("3");
    expect(formatNumber(2.5, 0)).toBe("3");
  });
});
