import "server-only";
/**
 * What every city page loads after its guard: the current campaign, its open months, the
 * month and data mode from the URL, and the rollups. Callers must have checked `city.read`
 * (mode "all" includes unapproved figures).
 */
import { getCampaignRollups } from "@/app/_lib/city-data";
import { getCurrentCampaign, type CampaignSummary } from "@/db/queries/campaigns";
import { listUnresolvedFlagsThrough } from "@/db/queries/leader-flags";
import { listMonthApprovals, type MonthApproval } from "@/db/queries/leader-month";
import { firstParam, parseCityView, type CityView, type SearchParams } from "./city-params";
import { indexFlags, type FlagIndex } from "./flags";
import { chooseLeaderMonth, type LeaderMonth } from "./leader-month";

export interface CityContext {
  campaign: CampaignSummary;
  months: string[];
  view: CityView;
  /** The shown month's reports: official (approved) ones, any state, reporting districts. */
  reports: { approved: number; reported: number; total: number };
  /** The leader's default month and the newer month it offers. */
  leader: LeaderMonth;
  /** True when the URL named no (valid) month and the default is shown. */
  defaulted: boolean;
  approvals: MonthApproval[];
  rollups: Awaited<ReturnType<typeof getCampaignRollups>>;
}

export async function loadCityContext(sp: SearchParams): Promise<CityContext | null> {
  const campaign = await getCurrentCampaign();
  if (!campaign) return null;
  const approvals = await listMonthApprovals(campaign.id);
  const months = approvals.map((a) => a.month);
  const leader = chooseLeaderMonth(approvals);
  if (!leader.month) return null;
  const view = parseCityView(sp, months, leader.month);
  const a = approvals.find((x) => x.month === view.month);
  const reports = { approved: a?.official ?? 0, reported: a?.reported ?? 0, total: a?.total ?? 0 };
  const rollups = await getCampaignRollups(campaign.id, view.month, view.mode, campaign.paceWarnBp);
  return { campaign, months, view, reports, leader, defaulted: firstParam(sp.month) !== view.month, approvals, rollups };
}

/**
 * The unresolved warnings behind the page's figures: indexed for the marks (none apply in the
 * official mode), and how many the unapproved data carries in all.
 */
export async function loadCityFlags(ctx: CityContext): Promise<{ index: FlagIndex; pending: number }> {
  const flags = await listUnresolvedFlagsThrough(ctx.campaign.id, ctx.view.month);
  return { index: indexFlags(flags, ctx.rollups.indicators, ctx.view.mode), pending: flags.length };
}
