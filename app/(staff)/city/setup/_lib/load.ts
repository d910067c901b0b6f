import "server-only";
import { notFound } from "next/navigation";
import { getCurrentCampaign } from "@/db/queries/campaigns";
import { getCampaignForSetup, type SetupCampaign } from "@/db/queries/setup/campaigns";

/** A set-up page's campaign from its URL segment (404 for anything else) and whether it is current. Caller has checked campaign.manage. */
export async function loadSetupCampaign(param: string): Promise<{ campaign: SetupCampaign; isCurrent: boolean }> {
  if (!/^[1-9]\d{0,8}$/.test(param)) notFound();
  const campaign = await getCampaignForSetup(Number(param));
  if (!campaign) notFound();
  const current = await getCurrentCampaign();
  return { campaign, isCurrent: current?.id === campaign.id };
}
