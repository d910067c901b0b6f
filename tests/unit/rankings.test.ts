import { describe, expect, it } from "vitest";
import { competitionRanks, computeRankings, rankChange } from "@/domain/rankings/compute";
import { parseRankingWeights, type RankingWeights } from "@/domain/rankings/weights";
import { rankChangeLabel } from "@/domain/rankings/words";
import { rankingIndicatorsFromRollups } from "@/domain/rankings/from-rollups";
import type { DistrictFigure, RankingDistrict, RankingIndicator } from "@/domain/rankings/types";

/*
 * Hand-computed cases. Five districts, one per peer group except two 区:
 *   A, B 区 · C 县级市 · D 县 · E 开发区
 * Month 6 of a linear year: 序时 = 50%.
 */
const A: RankingDistrict = { id: 1, code: "a", name: "甲区", kind: "district" };
const B: RankingDistrict = { id: 2, code: "b", name: "乙区", kind: "district" };
const C: RankingDistrict = { id: 3, code: "c", name: "丙市", kind: "county_city" };
const D: RankingDistrict = { id: 4, code: "d", name: "丁县", kind: "county" };
const E: RankingDistrict = { id: 5, code: "e", name: "戊开发区", kind: "development_zone" };
const DISTRICTS = [A, B, C, D, E];

function ind(code: string, figures: Record<number, DistrictFigure>, extra: Partial<RankingIndicator> = {}): RankingIndicator {
  return { code, name: code, aggregation: "sum", unitScale: 1, isHeadline: true, expected: 0.5, figures: new Map(Object.entries(figures).map(([k, v]) => [Number(k), v])), ...extra };
}

// Investment: A 60.04% and B 59.96% both show as 60.0% (a tie); C 70%; D has no target; E has a target but no figures.
const inv = ind("inv", {
  1: { actual: 6004, target: 10000 },
  2: { actual: 2998, target: 5000 },
  3: { actual: 7000, target: 10000 },
  4: { actual: 1000, target: null },
  5: { actual: null, target: 10000 },
});
// Counts: A does 200% of its target (400% of pace: the cap matters), C 90% (180% of pace, capped too).
const big = ind("big", {
  1: { actual: 100, target: 50 },
  2: { actual: 35, target: 50 },
  3: { actual: 45, target: 50 },
  4: { actual: 25, target: 50 },
  5: { actual: null, target: 50 },
});
const EQUAL: RankingWeights = { weights: [{ code: "inv", weight: 1 }, { code: "big", weight: 1 }], source: "default", problem: null };

const row = <T extends { district: RankingDistrict }>(rows: T[], d: RankingDistrict) => rows.find((r) => r.district.id === d.id)!;

describe("competition ranking", () => {
  it("gives equal keys the same rank and skips the next (1, 2, 2, 4)", () => {
    const r = competitionRanks([{ id: 1, key: 600 }, { id: 2, key: 600 }, { id: 3, key: 700 }, { id: 5, key: 0 }]);
    expect([r.get(3), r.get(1), r.get(2), r.get(5)]).toEqual([1, 2, 2, 4]);
  });
});

describe("per-indicator ranking", () => {
  const r = computeRankings({ districts: DISTRICTS, current: [inv, big], weights: EQUAL }).indicators.find((i) => i.code === "inv")!;

  it("ranks by completion of the district's own target, ties as displayed share a rank", () => {
    expect(row(r.rows, C)).toMatchObject({ rank: 1, completion: 0.7 });
    expect(row(r.rows, A).rank).toBe(2);
    expect(row(r.rows, B).rank).toBe(2);
    expect(row(r.rows, A).completion).toBeCloseTo(0.6004, 6);
    expect(row(r.rows, B).completion).toBeCloseTo(0.5996, 6);
    expect(row(r.rows, E)).toMatchObject({ rank: 4, completion: 0, noData: true });
  });

  it("lists a district without a target unranked, last, with the reason", () => {
    expect(row(r.rows, D)).toMatchObject({ rank: null, groupRank: null, completion: null, unrankedReason: "未设定区县目标" });
    expect(r.rows.map((x) => x.district.code)).toEqual(["c", "a", "b", "e", "d"]);
  });

  it("does not rank a district whose target is 0", () => {
    const zero = ind("z", { 1: { actual: 1, target: 0 }, 2: { actual: 1, target: 2 } });
    const z = computeRankings({ districts: [A, B], current: [zero], weights: EQUAL }).indicators[0]!;
    expect(row(z.rows, A)).toMatchObject({ rank: null, unrankedReason: "区县目标为 0，不参与排名" });
    expect(row(z.rows, B).rank).toBe(1);
  });

  it("ranks within peer groups with the same rules", () => {
    expect(row(r.rows, A).groupRank).toBe(1);
    expect(row(r.rows, B).groupRank).toBe(1);
    expect(row(r.rows, C).groupRank).toBe(1);
    expect(row(r.rows, E).groupRank).toBe(1);
  });

  it("ranks a ratio indicator by its rate against the target rate", () => {
    // 45% against 50% = 90.0%; 55% against 60% = 91.7%.
    const rate = ind("rate", { 1: { actual: 0.45, target: 5000 }, 2: { actual: 0.55, target: 6000 } }, { aggregation: "ratio", unitScale: 100 });
    const x = computeRankings({ districts: [A, B], current: [rate], weights: EQUAL }).indicators[0]!;
    expect(row(x.rows, A).completion).toBeCloseTo(0.9, 9);
    expect(row(x.rows, B).completion).toBeCloseTo(0.55 / 0.6, 9);
    expect([row(x.rows, B).rank, row(x.rows, A).rank]).toEqual([1, 2]);
  });
});

describe("overall score", () => {
  const r = computeRankings({ districts: DISTRICTS, current: [inv, big], weights: EQUAL });

  it("averages pace indices (completion ÷ 序时) with each capped at 150%", () => {
    // A: inv 60.04/50 = 120.08%, big 200/50 = 400% → 150%: (120.08 + 150) / 2 = 135.04
    // B: 119.92% and 140%: 129.96 · C: 140% and 180% → 150%: 145 · D: only big, 100% (half the weight: enough) · E: 0
    expect(row(r.overall, A).score).toBeCloseTo(135.04, 6);
    expect(row(r.overall, B).score).toBeCloseTo(129.96, 6);
    expect(row(r.overall, C).score).toBeCloseTo(145, 6);
    expect(row(r.overall, D).score).toBeCloseTo(100, 6);
    expect(row(r.overall, E).score).toBe(0);
    expect(row(r.overall, A).parts.find((p) => p.code === "big")).toMatchObject({ index: 4, capped: 1.5 });
  });

  it("lets the cap decide the order: without it A (260) would lead C (160)", () => {
    expect(r.overall.map((x) => [x.district.code, x.rank])).toEqual([["c", 1], ["a", 2], ["b", 3], ["d", 4], ["e", 5]]);
  });

  it("scores a district only on the indicators it has a target for, and refuses one below half the weight", () => {
    expect(row(r.overall, D)).toMatchObject({ scoredWeight: 1, totalWeight: 2, rank: 4 });
    const heavy: RankingWeights = { weights: [{ code: "inv", weight: 3 }, { code: "big", weight: 1 }], source: "setting", problem: null };
    const h = computeRankings({ districts: DISTRICTS, current: [inv, big], weights: heavy });
    expect(row(h.overall, D)).toMatchObject({ score: null, rank: null, unrankedReason: "设有区县目标的计分指标不足总权重的一半" });
    // C with weights 3:1 = (3 × 140 + 150) / 4 = 142.5
    expect(row(h.overall, C).score).toBeCloseTo(142.5, 6);
  });

  it("ranks each peer group separately", () => {
    const groups = Object.fromEntries(r.overallByGroup.map((g) => [g.label, g.rows.map((x) => [x.district.code, x.groupRank])]));
    expect(groups).toEqual({ 区: [["a", 1], ["b", 2]], 县级市: [["c", 1]], 县: [["d", 1]], 开发区: [["e", 1]] });
  });
});

describe("change since last month", () => {
  // Last month: A 90%, B 80%, E 10% → A 1, B 2, E 3; C had no target then; D never has one.
  const prevInv = ind("inv", {
    1: { actual: 90, target: 100 },
    2: { actual: 40, target: 50 },
    3: { actual: 10, target: null },
    5: { actual: 10, target: 100 },
  });
  const r = computeRankings({ districts: DISTRICTS, current: [inv], previous: [prevInv], weights: EQUAL }).indicators[0]!;

  it("shows ↓ for a fall, 持平 for the same rank, 新 for a district not ranked last month, — when not ranked now", () => {
    expect(rankChangeLabel(row(r.rows, A).change)).toBe("↓1");
    expect(rankChangeLabel(row(r.rows, B).change)).toBe("持平");
    expect(rankChangeLabel(row(r.rows, C).change)).toBe("新");
    expect(rankChangeLabel(row(r.rows, E).change)).toBe("↓1");
    expect(rankChangeLabel(row(r.rows, D).change)).toBe("—");
  });

  it("compares group ranks too: B rose from 2nd to shared 1st among the 区", () => {
    expect(rankChangeLabel(row(r.rows, B).groupChange)).toBe("↑1");
    expect(rankChangeLabel(row(r.rows, A).groupChange)).toBe("持平");
  });

  it("shows — everywhere when there is no previous month", () => {
    const first = computeRankings({ districts: DISTRICTS, current: [inv], weights: EQUAL });
    expect(first.indicators[0]!.rows.every((x) => rankChangeLabel(x.change) === "—")).toBe(true);
    expect(first.overall.every((x) => x.change.kind === "none")).toBe(true);
  });

  it("words the change as ↑2 / ↓1 / 持平 / 新", () => {
    expect(rankChangeLabel(rankChange(1, 3))).toBe("↑2");
    expect(rankChangeLabel(rankChange(4, 3))).toBe("↓1");
    expect(rankChangeLabel(rankChange(2, 2))).toBe("持平");
    expect(rankChangeLabel(rankChange(2, null))).toBe("新");
  });
});

describe("weights setting", () => {
  const indicators = [
    { code: "inv", isHeadline: true },
    { code: "big", isHeadline: true },
    { code: "rate", isHeadline: false },
  ];

  it("defaults to the headline indicators with equal weights", () => {
    expect(parseRankingWeights(null, indicators)).toEqual({ weights: [{ code: "inv", weight: 1 }, { code: "big", weight: 1 }], source: "default", problem: null });
  });

  it("uses exactly the indicators the setting lists, in the campaign's order", () => {
    expect(parseRankingWeights('{"rate": 1, "inv": 2}', indicators)).toEqual({ weights: [{ code: "inv", weight: 2 }, { code: "rate", weight: 1 }], source: "setting", problem: null });
  });

  it("ignores unknown codes and bad weights, saying so", () => {
    const w = parseRankingWeights('{"inv": 1, "nope": 2, "big": -1}', indicators);
    expect(w.weights).toEqual([{ code: "inv", weight: 1 }]);
    expect(w.problem).toBe("未知指标代码 nope 已忽略；big 的权重无效（应为不小于 0 的数）已忽略");
  });

  it("falls back to equal weights when the setting is not JSON", () => {
    expect(parseRankingWeights("{inv: 1", indicators)).toMatchObject({ source: "default", problem: "权重设置不是有效的 JSON，已改用默认等权" });
  });
});

describe("from rollups", () => {
  it("counts a derived indicator without records as 0, but keeps a reported one without figures as no data", () => {
    const base = { name: "x", aggregation: "count" as const, unitScale: 1, isHeadline: true, cityTarget: null };
    const districts = new Map([[1, { actual: null, target: 10 }]]);
    const [derived, reported] = rankingIndicatorsFromRollups(
      [
        { ...base, code: "d", kind: "derived", rollup: { districts } },
        { ...base, code: "r", kind: "reported", rollup: { districts } },
      ],
      10,
    );
    expect(derived!.figures.get(1)).toEqual({ actual: 0, target: 10 });
    expect(reported!.figures.get(1)).toEqual({ actual: null, target: 10 });
    expect(derived!.expected).toBeCloseTo(10 / 12, 9);
  });
});
