import "server-only";
/**
 * What every city page loads after its guard: the current campaign, its open months, the
 * month and data mode from the URL, and the rollups. Callers must have checked `city.read`
 * (mode "all" includes unapproved figures).
 */
import { getCampaignRollups } from "@/app/_lib/city-data";
import { getCurrentCampaign, type CampaignSummary } from "@/db/queries/campaigns";
import { countMonthReports } from "@/db/queries/drilldown";
import { getDefaultMonth, listPeriods } from "@/db/queries/reporting";
import { parseCityView, type CityView, type SearchParams } from "./city-params";

export interface CityContext {
  campaign: CampaignSummary;
  months: string[];
  view: CityView;
  reports: { approved: number; reported: number; total: number };
  rollups: Awaited<ReturnType<typeof getCampaignRollups>>;
}

export async function loadCityContext(sp: SearchParams): Promise<CityContext | null> {
  const campaign = await getCurrentCampaign();
  if (!campaign) return null;
  const months = (await listPeriods(campaign.id)).filter((p) => p.isOpen).map((p) => p.month);
  const fallback = (await getDefaultMonth(campaign.id)) ?? months[months.length - 1];
  if (!fallback) return null;
  const view = parseCityView(sp, months, fallback);
  const [reports, rollups] = await Promise.all([countMonthReports(campaign.id, view.month), getCampaignRollups(campaign.id, view.month, view.mode, campaign.paceWarnBp)]);
  return { campaign, months, view, reports, rollups };
}
