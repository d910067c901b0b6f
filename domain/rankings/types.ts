/**
 * The shapes of district rankings (排名 / 晾晒): what goes in (districts, indicators with each
 * district's actual and target) and what comes out (ranked rows per indicator and overall, by peer
 * group, with the change since last month). The method is in compute.ts; words in words.ts.
 */
import type { DistrictKind } from "../codes";
import type { RankingWeights } from "./weights";

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
