/**
 * District rankings (排名 / 晾晒): per indicator and overall, city-wide and within peer groups,
 * with the change since the previous month. Pure and unit-tested (tests/unit/rankings.test.ts);
 * staff (/city/rankings, the bulletin, the Excel export) and public pages feed it rollups.
 *
 * Method (written out for readers by methodParagraphs(), which every page shows):
 *
 * 1. Per indicator. A district is ranked by its completion rate against its OWN district target:
 *    year-to-date actual ÷ district target (counts and amounts); for a ratio indicator (e.g. 入园率)
 *    its current rate ÷ its target rate. A district without a target (or with a target of 0) is
 *    not ranked and is listed with the reason. A district with a target but no figures counts as
 *    0 (so not reporting never beats reporting).
 * 2. Ties. Rates are compared as shown: to one decimal of a percent (the overall score to one
 *    decimal of a point). Equal values share a rank and the next rank is skipped: 1, 2, 2, 4.
 * 3. Overall. For each weighted indicator a pace index = completion rate ÷ expected progress
 *    (序时进度, the same for every district), so 1.0 means exactly on schedule and indicators of
 *    different size are comparable; ratio indicators use rate ÷ target rate, which is already a
 *    level. Each index is capped at SCORE_CAP (150%) so one outlier cannot dominate. Score =
 *    100 × Σ(weight × capped index) ÷ Σ(weight), over the indicators the district has a target
 *    for; a district whose indicators carry less than half of the total weight is not ranked.
 * 4. Weights are data: app_meta key `ranking_weights:<campaignSlug>`, a JSON object
 *    {"indicator_code": weight, …} (see parseRankingWeights). Without it: the campaign's headline
 *    indicators, equal weights.
 * 5. Peer groups: 区, 县级市, 县, 开发区 (districts.kind), ranked with the same rules.
 * 6. Change since last month: the rank computed the same way from the previous month's
 *    year-to-date data. ↑n up, ↓n down, 持平 unchanged, 新 not ranked last month; "—" when
 *    there is no previous month (January).
 *
 * Usage: computeRankings({ districts, current: rankingIndicatorsFromRollups(rollups, month),
 *   previous: rankingIndicatorsFromRollups(previousRollups, month - 1) ?? null,
 *   weights: parseRankingWeights(setting, indicators) }).
 */
import type { DistrictKind } from "./codes";
import { DISTRICT_KIND_LABELS } from "./labels";
import { expectedShare } from "./pace";

/** The highest pace index one indicator can contribute to the overall score (150%). */
export const SCORE_CAP = 1.5;
/** A district needs targets for indicators carrying at least this share of the weight. */
export const MIN_WEIGHT_SHARE = 0.5;

export const PEER_GROUPS: readonly DistrictKind[] = ["district", "county_city", "county", "development_zone"];

export interface RankingDistrict {
  id: number;
  code: string;
  name: string;
  kind: DistrictKind;
}

export interface DistrictFigure {
  /** Year-to-date amount or count in base units; for a ratio the rate as a fraction (0.452). null = no figures. */
  actual: number | null;
  /** The district's own target in base units (a ratio's in its unit's base: 5000 = 50% at scale 100). */
  target: number | null;
}

export interface RankingIndicator {
  code: string;
  name: string;
  aggregation: "sum" | "ratio" | "count";
  /** Stored integers per display unit (% → 100); converts a ratio's target to a fraction. */
  unitScale: number;
  isHeadline: boolean;
  /** Share of the annual target expected by now (序时进度, e.g. 10/12); unused for ratios. */
  expected: number;
  figures: ReadonlyMap<number, DistrictFigure>;
}

export interface RankingWeight {
  code: string;
  weight: number;
}

export interface RankingWeights {
  weights: RankingWeight[];
  /** "setting": read from app_meta; "default": headline indicators, equal weights. */
  source: "setting" | "default";
  /** Why a stored setting was (partly) ignored, in Chinese; null when it was used as is. */
  problem: string | null;
}

export type RankChange =
  | { kind: "up" | "down"; by: number }
  | { kind: "same" | "new" | "none" };

export interface IndicatorRankRow {
  district: RankingDistrict;
  actual: number | null;
  target: number | null;
  /** Completion rate (fraction); null when not ranked. */
  completion: number | null;
  /** Has a target but no figures: ranked as 0. */
  noData: boolean;
  rank: number | null;
  groupRank: number | null;
  change: RankChange;
  groupChange: RankChange;
  unrankedReason: string | null;
}

export interface IndicatorRanking {
  code: string;
  name: string;
  aggregation: "sum" | "ratio" | "count";
  /** Ranked rows by rank (then the city's district order), then the unranked. */
  rows: IndicatorRankRow[];
}

export interface ScorePart {
  code: string;
  weight: number;
  /** Pace index before the cap; null when the district has no target for it. */
  index: number | null;
  capped: number | null;
}

export interface OverallRankRow {
  district: RankingDistrict;
  /** 100 = on schedule everywhere; one decimal is what is compared and shown. */
  score: number | null;
  parts: ScorePart[];
  scoredWeight: number;
  totalWeight: number;
  rank: number | null;
  groupRank: number | null;
  change: RankChange;
  groupChange: RankChange;
  unrankedReason: string | null;
}

export interface PeerGroup<T> {
  kind: DistrictKind;
  label: string;
  rows: T[];
}

export interface Rankings {
  weights: RankingWeights;
  overall: OverallRankRow[];
  overallByGroup: PeerGroup<OverallRankRow>[];
  indicators: IndicatorRanking[];
}

/**
 * Competition ranking ("1224"): equal keys share a rank, the next rank skips. Higher key = better.
 * Keys should be integers at display precision so ties are what readers see.
 */
export function competitionRanks(items: readonly { id: number; key: number }[]): Map<number, number> {
  const sorted = [...items].sort((a, b) => b.key - a.key);
  const out = new Map<number, number>();
  sorted.forEach((it, i) => {
    const prev = sorted[i - 1];
    out.set(it.id, prev && prev.key === it.key ? out.get(prev.id)! : i + 1);
  });
  return out;
}

/** Previous rank → current rank, as shown: ↑2, ↓1, 持平, 新 (no rank last month), — (no last month). */
export function rankChange(current: number | null, previous: number | null | undefined): RankChange {
  if (current == null || previous === undefined) return { kind: "none" };
  if (previous === null) return { kind: "new" };
  if (previous === current) return { kind: "same" };
  return previous > current ? { kind: "up", by: previous - current } : { kind: "down", by: current - previous };
}

export function rankChangeLabel(c: RankChange): string {
  switch (c.kind) {
    case "up":
      return `↑${c.by}`;
    case "down":
      return `↓${c.by}`;
    case "same":
      return "持平";
    case "new":
      return "新";
    case "none":
      return "—";
  }
}

/** Words for screen readers and spreadsheets: "上升 2 位". */
export function rankChangeWords(c: RankChange): string {
  switch (c.kind) {
    case "up":
      return `上升 ${c.by} 位`;
    case "down":
      return `下降 ${c.by} 位`;
    case "same":
      return "与上月持平";
    case "new":
      return "上月未参与排名";
    case "none":
      return "无上月排名";
  }
}

/** Tenths of a percent, as displayed ("85.3%"). */
export const completionKey = (c: number) => Math.round(c * 1000);
/** Tenths of a point, as displayed ("96.4"). */
export const scoreKey = (s: number) => Math.round(s * 10);

type Evaluated = { completion: number | null; noData: boolean; reason: string | null };

function evaluate(ind: RankingIndicator, f: DistrictFigure | undefined): Evaluated {
  const target = f?.target ?? null;
  if (target == null) return { completion: null, noData: false, reason: "未设定区县目标" };
  if (target <= 0) return { completion: null, noData: false, reason: "区县目标为 0，不参与排名" };
  const actual = f?.actual ?? null;
  if (actual == null) return { completion: 0, noData: true, reason: null };
  if (ind.aggregation === "ratio") return { completion: actual / (target / ind.unitScale / 100), noData: false, reason: null };
  return { completion: actual / target, noData: false, reason: null };
}

/** Pace index of one indicator: completion ÷ 序时 (ratios: completion already is rate ÷ target). */
function paceIndex(ind: RankingIndicator, completion: number): number {
  if (ind.aggregation === "ratio") return completion;
  return ind.expected > 0 ? completion / ind.expected : completion;
}

function rankRows<T extends { district: RankingDistrict; rank: number | null; groupRank: number | null }>(
  rows: T[],
  keyOf: (r: T) => number | null,
): void {
  const ranked = rows.filter((r) => keyOf(r) != null);
  const all = competitionRanks(ranked.map((r) => ({ id: r.district.id, key: keyOf(r)! })));
  for (const r of rows) r.rank = all.get(r.district.id) ?? null;
  for (const kind of PEER_GROUPS) {
    const inGroup = ranked.filter((r) => r.district.kind === kind);
    const g = competitionRanks(inGroup.map((r) => ({ id: r.district.id, key: keyOf(r)! })));
    for (const r of inGroup) r.groupRank = g.get(r.district.id) ?? null;
  }
}

function byRank<T extends { district: RankingDistrict; rank: number | null }>(rows: T[], order: Map<number, number>): T[] {
  return [...rows].sort((a, b) => {
    if (a.rank != null && b.rank != null && a.rank !== b.rank) return a.rank - b.rank;
    if ((a.rank == null) !== (b.rank == null)) return a.rank == null ? 1 : -1;
    return order.get(a.district.id)! - order.get(b.district.id)!;
  });
}

function rankIndicator(districts: readonly RankingDistrict[], ind: RankingIndicator): IndicatorRankRow[] {
  const rows: IndicatorRankRow[] = districts.map((d) => {
    const f = ind.figures.get(d.id);
    const e = evaluate(ind, f);
    return {
      district: d,
      actual: f?.actual ?? null,
      target: f?.target ?? null,
      completion: e.completion,
      noData: e.noData,
      rank: null,
      groupRank: null,
      change: { kind: "none" },
      groupChange: { kind: "none" },
      unrankedReason: e.reason,
    };
  });
  rankRows(rows, (r) => (r.completion == null ? null : completionKey(r.completion)));
  return rows;
}

function scoreDistricts(districts: readonly RankingDistrict[], indicators: readonly RankingIndicator[], weights: readonly RankingWeight[]): OverallRankRow[] {
  const byCode = new Map(indicators.map((i) => [i.code, i]));
  const used = weights.filter((w) => w.weight > 0 && byCode.has(w.code));
  const totalWeight = used.reduce((s, w) => s + w.weight, 0);
  const rows: OverallRankRow[] = districts.map((d) => {
    const parts: ScorePart[] = used.map((w) => {
      const ind = byCode.get(w.code)!;
      const e = evaluate(ind, ind.figures.get(d.id));
      if (e.completion == null) return { code: w.code, weight: w.weight, index: null, capped: null };
      const index = paceIndex(ind, e.completion);
      return { code: w.code, weight: w.weight, index, capped: Math.min(index, SCORE_CAP) };
    });
    const scored = parts.filter((p) => p.capped != null);
    const scoredWeight = scored.reduce((s, p) => s + p.weight, 0);
    let score: number | null = null;
    let reason: string | null = null;
    if (totalWeight <= 0) reason = "未设定计分指标";
    else if (scoredWeight < totalWeight * MIN_WEIGHT_SHARE) reason = "设有区县目标的计分指标不足总权重的一半";
    else score = (100 * scored.reduce((s, p) => s + p.weight * p.capped!, 0)) / scoredWeight;
    return { district: d, score, parts, scoredWeight, totalWeight, rank: null, groupRank: null, change: { kind: "none" }, groupChange: { kind: "none" }, unrankedReason: reason };
  });
  rankRows(rows, (r) => (r.score == null ? null : scoreKey(r.score)));
  return rows;
}

function applyChanges<T extends { district: RankingDistrict; rank: number | null; groupRank: number | null; change: RankChange; groupChange: RankChange }>(
  rows: T[],
  previous: T[] | null,
): void {
  if (!previous) return;
  const prev = new Map(previous.map((r) => [r.district.id, r]));
  for (const r of rows) {
    const p = prev.get(r.district.id);
    r.change = rankChange(r.rank, p?.rank ?? null);
    r.groupChange = rankChange(r.groupRank, p?.groupRank ?? null);
  }
}

/**
 * Every ranking for one month. `previous` is the same data for the month before (null in
 * January, or when there is none): it only feeds the change column.
 */
export function computeRankings(input: {
  districts: readonly RankingDistrict[];
  current: readonly RankingIndicator[];
  previous?: readonly RankingIndicator[] | null;
  weights: RankingWeights;
}): Rankings {
  const { districts, current, weights } = input;
  const previous = input.previous ?? null;
  const order = new Map(districts.map((d, i) => [d.id, i]));
  const prevByCode = previous ? new Map(previous.map((i) => [i.code, i])) : null;

  const indicators: IndicatorRanking[] = current.map((ind) => {
    const rows = rankIndicator(districts, ind);
    if (prevByCode) {
      const p = prevByCode.get(ind.code);
      // An indicator that did not exist last month: every ranked district is new to it.
      applyChanges(rows, p ? rankIndicator(districts, p) : []);
    }
    return { code: ind.code, name: ind.name, aggregation: ind.aggregation, rows: byRank(rows, order) };
  });

  const overallRows = scoreDistricts(districts, current, weights.weights);
  if (previous) applyChanges(overallRows, scoreDistricts(districts, previous, weights.weights));
  const overall = byRank(overallRows, order);
  const overallByGroup = PEER_GROUPS.map((kind) => ({
    kind,
    label: DISTRICT_KIND_LABELS[kind],
    rows: [...overall.filter((r) => r.district.kind === kind)].sort((a, b) => {
      if (a.groupRank != null && b.groupRank != null && a.groupRank !== b.groupRank) return a.groupRank - b.groupRank;
      if ((a.groupRank == null) !== (b.groupRank == null)) return a.groupRank == null ? 1 : -1;
      return order.get(a.district.id)! - order.get(b.district.id)!;
    }),
  })).filter((g) => g.rows.length > 0);

  return { weights, overall, overallByGroup, indicators };
}

/**
 * The weights setting (app_meta `ranking_weights:<campaignSlug>`): a JSON object of indicator
 * code → weight ≥ 0, e.g. {"key_investment": 2, "key_projects_started": 1}. Only the listed
 * indicators count. Missing, unreadable or all-zero → the headline indicators, equal weights
 * (and `problem` says why when a setting was there).
 */
export function parseRankingWeights(setting: string | null | undefined, indicators: readonly { code: string; isHeadline: boolean }[]): RankingWeights {
  const headline = indicators.filter((i) => i.isHeadline);
  const fallback = (headline.length > 0 ? headline : indicators).map((i) => ({ code: i.code, weight: 1 }));
  if (setting == null || setting.trim() === "") return { weights: fallback, source: "default", problem: null };
  let parsed: unknown;
  try {
    parsed = JSON.parse(setting);
  } catch {
    return { weights: fallback, source: "default", problem: "权重设置不是有效的 JSON，已改用默认等权" };
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    return { weights: fallback, source: "default", problem: "权重设置应为“指标代码: 权重”的对象，已改用默认等权" };
  }
  const known = new Set(indicators.map((i) => i.code));
  const weights: RankingWeight[] = [];
  const unknown: string[] = [];
  const invalid: string[] = [];
  for (const [code, w] of Object.entries(parsed as Record<string, unknown>)) {
    if (!known.has(code)) unknown.push(code);
    else if (typeof w !== "number" || !Number.isFinite(w) || w < 0) invalid.push(code);
    else if (w > 0) weights.push({ code, weight: w });
  }
  const problems = [
    unknown.length ? `未知指标代码 ${unknown.join("、")} 已忽略` : null,
    invalid.length ? `${invalid.join("、")} 的权重无效（应为不小于 0 的数）已忽略` : null,
  ].filter((x): x is string => x != null);
  if (weights.length === 0) {
    return { weights: fallback, source: "default", problem: [...problems, "没有有效的权重，已改用默认等权"].join("；") };
  }
  // Keep the campaign's indicator order, whatever order the JSON was written in.
  const pos = new Map(indicators.map((i, k) => [i.code, k]));
  weights.sort((a, b) => pos.get(a.code)! - pos.get(b.code)!);
  return { weights, source: "setting", problem: problems.length ? problems.join("；") : null };
}

/** The app_meta key holding a campaign's weights. */
export function rankingWeightsKey(campaignSlug: string): string {
  return `ranking_weights:${campaignSlug}`;
}

/**
 * Rollup output (app/_lib/city-data.ts getCampaignRollups) → ranking input, for month 1..12.
 * Structural types, so this module stays free of server code.
 */
export function rankingIndicatorsFromRollups(
  indicators: readonly {
    code: string;
    name: string;
    aggregation: "sum" | "ratio" | "count";
    kind: "reported" | "derived" | "milestone";
    unitScale: number;
    isHeadline: boolean;
    cityTarget: { monthlyPlan: number[] | null } | null;
    rollup: { districts: ReadonlyMap<number, { actual: number | null; target: number | null }> };
  }[],
  month: number,
): RankingIndicator[] {
  return indicators.map((i) => {
    const figures = new Map<number, DistrictFigure>();
    for (const [id, v] of i.rollup.districts) {
      // Counted from records (derived, milestone): no records means none happened, i.e. 0.
      const actual = v.actual ?? (i.kind !== "reported" && i.aggregation !== "ratio" ? 0 : null);
      figures.set(id, { actual, target: v.target });
    }
    return {
      code: i.code,
      name: i.name,
      aggregation: i.aggregation,
      unitScale: i.unitScale,
      isHeadline: i.isHeadline,
      expected: expectedShare(month, i.cityTarget?.monthlyPlan),
      figures,
    };
  });
}

/** The method in Chinese, as every rankings page and the bulletin print it. */
export function methodParagraphs(): string[] {
  const cap = Math.round(SCORE_CAP * 100);
  return [
    "分项排名：各区县按本区县年度目标的完成率排名，完成率 = 累计完成 ÷ 本区县目标；比率类指标（如入园率）按“当前比率 ÷ 目标比率”排名。未设定区县目标（或目标为 0）的区县不参与该项排名，单独列出并注明原因；设有目标但尚无数据的按完成 0 计。",
    `综合排名：对每项计分指标先算进度指数 = 完成率 ÷ 序时进度（比率类指标为当前比率 ÷ 目标比率），100% 表示恰好达到序时进度；单项进度指数最高按 ${cap}% 计，避免个别指标大幅超额左右总分。综合得分 = 100 × Σ（权重 × 单项进度指数）÷ Σ 权重，只计该区县设有目标的指标；设有目标的计分指标合计权重不足一半的区县不参与综合排名。`,
    "名次：完成率按显示的一位小数比较（综合得分同样保留一位小数），相同者并列同一名次，其后名次顺延（如 1、2、2、4）。分组排名在区、县级市、县、开发区四类中分别进行，规则相同。",
    "较上月：与按上月累计数据同样方法计算的名次相比，“↑2”表示上升 2 位，“↓1”表示下降 1 位，“持平”表示名次不变，“新”表示上月未参与排名。",
  ];
}

/** "默认：各项主要指标等权" or the weights as written in the setting. */
export function weightsSummary(w: RankingWeights, nameOf: (code: string) => string): string {
  if (w.source === "default") return `默认设置：${w.weights.length} 项主要指标等权（各占 1/${w.weights.length}）。`;
  const total = w.weights.reduce((s, x) => s + x.weight, 0);
  return `专项办设置：${w.weights.map((x) => `${nameOf(x.code)} ${x.weight}（${((100 * x.weight) / total).toFixed(1)}%）`).join("，")}。`;
}
