import "server-only";
import { listDistrictsForSetup } from "@/db/queries/setup/reference";
import { listIndicatorsForSetup, listTargetsForSetup, type IndicatorTargets, type SetupIndicatorRow } from "@/db/queries/setup/indicators";

export interface TargetDistrict {
  id: number;
  code: string;
  name: string;
}

/** The districts that get targets: active ones that report monthly, in the city's order. */
export async function targetDistricts(): Promise<TargetDistrict[]> {
  return (await listDistrictsForSetup()).filter((d) => d.active && d.reports).map((d) => ({ id: d.id, code: d.code, name: d.name }));
}

/** Every indicator of a campaign with its targets for the campaign year. Caller has checked campaign.manage. */
export async function loadCampaignTargets(campaignId: number, year: number): Promise<{ indicator: SetupIndicatorRow; targets: IndicatorTargets }[]> {
  const indicators = await listIndicatorsForSetup(campaignId);
  const targets = await listTargetsForSetup(indicators.map((i) => i.id), year);
  return indicators.map((indicator) => ({ indicator, targets: targets.get(indicator.id)! }));
}
