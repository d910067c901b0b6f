import { describe, expect, it } from "vitest";
import { formatAmount, formatValue, unitSymbol } from "@/domain/format";
import { getDict } from "@/app/_lib/i18n";

const yi = { symbol: "亿元", symbolEn: "100m yuan", scale: 10000 };
const wan = { symbol: "万元", symbolEn: "10k yuan", scale: 1 };
const jia = { symbol: "家", symbolEn: "firms", scale: 1 };

describe("English money wording", () => {
  it("writes 亿元 amounts as CNY … billion, exactly (the 亿元 figure with the point moved)", () => {
    expect(formatAmount(21_685_000, yi, 1, "en")).toBe("CNY 216.85 billion");
    expect(formatAmount(139_800, yi, 2, "en")).toBe("CNY 1.398 billion");
    expect(formatValue({ aggregation: "sum", unit: yi, decimals: 1, cityTarget: null }, 21_685_000, "en")).toBe("CNY 216.85 billion");
  });

  it("writes 万元 amounts as CNY … million", () => {
    expect(formatAmount(1234, wan, 0, "en")).toBe("CNY 12.34 million");
  });

  it("names money units CNY 100 million / CNY 10,000, never 100m yuan, and leaves Chinese and other units alone", () => {
    expect(unitSymbol(yi, "en")).toBe("CNY 100 million");
    expect(unitSymbol(wan, "en")).toBe("CNY 10,000");
    expect(unitSymbol(jia, "en")).toBe("firms");
    expect(formatAmount(21_685_000, yi, 1, "zh")).toBe("2,168.5 亿元");
    expect(formatAmount(37, jia, 0, "en")).toBe("37 firms");
  });

  it("uses the same wording in every English money heading", () => {
    const t = getDict("en");
    const headings = [t.projects.total, t.projects.annualPlan, t.projects.doneYtd("Jan–Sep"), t.projects.doneApproved(2023), t.projects.moneyUnit];
    for (const h of headings) {
      expect(h).toContain("CNY 100 million");
      expect(h).not.toMatch(/100m|yuan/);
    }
  });
});
