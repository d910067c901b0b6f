import "server-only";
import { cache } from "react";
import { getCampaignRollups, keptRankings } from "@/app/_lib/city-data";
import { addMonths, monthNumber } from "@/domain/months";
import { computeRankings } from "@/domain/rankings/compute";
import { parseRankingWeights, rankingWeightsKey } from "@/domain/rankings/weights";
import { rankingIndicatorsFromRollups } from "@/domain/rankings/from-rollups";
import type { Rankings } from "@/domain/rankings/types";
import { getLatestCompleteMonth } from "@/db/queries/completeness";
import { getMetaValue } from "@/db/queries/meta";
import type { PublicContext } from "./public-data";

export interface PublicRankings {
  /** The month ranked: the latest month every district has had approved (fair), else the as-of month. */
  month: string;
  /** Whether every district is approved in `month`. */
  complete: boolean;
  previousMonth: string | null;
  rankings: Rankings;
}

/**
 * The district rankings of domain/rankings/ (the one method, shared with the staff pages),
 * fed with official rollups of PUBLIC indicators only, so no unpublished figure or indicator
 * reaches a public page through a rank or a score.
 */
export const getPublicRankings = cache(async (ctx: PublicContext): Promise<PublicRankings | null> => {
  if (!ctx.asOf) return null;
  const c = ctx.campaign;
  const completeMonth = await getLatestCompleteMonth(c.id, ctx.asOf.month);
  const month = completeMonth ?? ctx.asOf.month;
  const previousMonth = monthNumber(month) > 1 ? addMonths(month, -1) : null;
  const [current, previous, setting] = await Promise.all([
    getCampaignRollups(c.id, month, "official", c.paceWarnBp),
    previousMonth ? getCampaignRollups(c.id, previousMonth, "official", c.paceWarnBp) : Promise.resolve(null),
    getMetaValue(rankingWeightsKey(c.slug)),
  ]);
  const publicOnly = <T extends { isPublic: boolean }>(list: T[]) => list.filter((i) => i.isPublic);
  const rankings = await keptRankings(JSON.stringify(["public", c.id, month, c.paceWarnBp, setting]), async () => {
    const currentInds = publicOnly(current.indicators);
    return computeRankings({
      districts: current.districts,
      current: rankingIndicatorsFromRollups(currentInds, monthNumber(month)),
      previous: previous ? rankingIndicatorsFromRollups(publicOnly(previous.indicators), monthNumber(previousMonth!)) : null,
      weights: parseRankingWeights(setting, currentInds),
    });
  });
  return { month, complete: completeMonth === month, previousMonth, rankings };
});
