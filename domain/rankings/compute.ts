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
import { DISTRICT_KIND_LABELS } from "../labels";
import { MIN_WEIGHT_SHARE, PEER_GROUPS, SCORE_CAP } from "./types";
import type { DistrictFigure, IndicatorRanking, IndicatorRankRow, OverallRankRow, RankChange, RankingDistrict, RankingIndicator, Rankings, ScorePart } from "./types";
import type { RankingWeight, RankingWeights } from "./weights";

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
