import { describe, expect, it } from "vitest";
import { summarizePace } from "@/domain/pace-summary";

const text = (s: { sentences: string[] }) => s.sentences.join("");

describe("pace summary sentences", () => {
  it("does not claim all indicators are on pace when no indicator has a target", () => {
    const s = summarizePace([
      { name: "新策划生产项目", status: "no_target" },
      { name: "签约项目", status: "no_target" },
    ]);
    expect(s.allOnPace).toBe(false);
    expect(text(s)).not.toContain("均达到序时进度");
    expect(text(s)).toBe("各项指标均未设定目标，本期不评价序时进度。未设目标的指标：新策划生产项目、签约项目。");
  });

  it("says all indicators are on pace when every one has a target and is on pace", () => {
    const s = summarizePace([
      { name: "甲", status: "ahead" },
      { name: "乙", status: "ahead" },
    ]);
    expect(s.allOnPace).toBe(true);
    expect(text(s)).toBe("本期 2 项指标均达到序时进度。");
  });

  it("counts indicators behind pace and the severely behind among them", () => {
    const s = summarizePace(
      [
        { name: "甲", status: "ahead" },
        { name: "乙", status: "behind" },
        { name: "丙", status: "lagging" },
      ],
      "全市层面",
    );
    expect(s.allOnPace).toBe(false);
    expect(s.behind).toEqual(["乙"]);
    expect(s.lagging).toEqual(["丙"]);
    expect(text(s)).toBe("全市层面设定目标的 3 项指标中，1 项达到序时进度，2 项落后于序时进度（其中严重落后 1 项）。");
  });

  it("limits the on-pace claim to indicators with targets and names the untargeted ones", () => {
    const s = summarizePace([
      { name: "甲", status: "ahead" },
      { name: "乙", status: "no_target" },
      { name: "丙", status: "ahead" },
      { name: "丁", status: "no_target" },
    ]);
    expect(s.allOnPace).toBe(true);
    expect(s.targeted).toBe(2);
    expect(text(s)).toBe("设定目标的 2 项指标均达到序时进度。以下指标未设目标，不评价进度：乙、丁。");
  });

  it("does not count an indicator with a target but no data as on pace", () => {
    const s = summarizePace([
      { name: "甲", status: "ahead" },
      { name: "乙", status: "no_data" },
      { name: "丙", status: "no_target" },
    ]);
    expect(s.allOnPace).toBe(false);
    expect(text(s)).toBe("设定目标的 2 项指标中，1 项达到序时进度，1 项暂无数据、无法评价（乙）。以下指标未设目标，不评价进度：丙。");
  });

  it("says so when there is no indicator at all", () => {
    expect(text(summarizePace([]))).toBe("本期没有可评价的指标。");
    expect(summarizePace([]).allOnPace).toBe(false);
  });
});
