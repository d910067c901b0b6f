import "server-only";
import { getCampaignRollups, keptRankings, type IndicatorWithRollup } from "@/app/_lib/city-data";
import { addMonths, monthNumber } from "@/domain/months";
import { computeRankings } from "@/domain/rankings/compute";
import { parseRankingWeights, rankingWeightsKey } from "@/domain/rankings/weights";
import { rankingIndicatorsFromRollups } from "@/domain/rankings/from-rollups";
import type { Rankings } from "@/domain/rankings/types";
import type { CampaignSummary } from "@/db/queries/campaigns";
import { getMetaValue } from "@/db/queries/meta";
import type { RollupMode } from "@/db/queries/derivations";

export interface RankingData {
  month: string;
  /** The month the change column compares with; null in January. */
  previousMonth: string | null;
  mode: RollupMode;
  rankings: Rankings;
  /** Indicator facts by code (names, units, decimals) for display. */
  indicators: Map<string, IndicatorWithRollup>;
}

/**
 * Rankings for a month and the month before, with the campaign's weights setting.
 * Caller must have checked `city.read` (mode "all") or pass "official" on a public page.
 */
export async function loadRankings(campaign: CampaignSummary, month: string, mode: RollupMode): Promise<RankingData> {
  const previousMonth = monthNumber(month) > 1 ? addMonths(month, -1) : null;
  const [current, previous, setting] = await Promise.all([
    getCampaignRollups(campaign.id, month, mode, campaign.paceWarnBp),
    previousMonth ? getCampaignRollups(campaign.id, previousMonth, mode, campaign.paceWarnBp) : Promise.resolve(null),
    getMetaValue(rankingWeightsKey(campaign.slug)),
  ]);
  const rankings = await keptRankings(JSON.stringify(["staff", campaign.id, month, mode, campaign.paceWarnBp, setting]), async () =>
    computeRankings({
      districts: current.districts,
      current: rankingIndicatorsFromRollups(current.indicators, monthNumber(month)),
      previous: previous ? rankingIndicatorsFromRollups(previous.indicators, monthNumber(previousMonth!)) : null,
      weights: parseRankingWeights(setting, current.indicators),
    }),
  );
  return { month, previousMonth, mode, rankings, indicators: new Map(current.indicators.map((i) => [i.code, i])) };
}
