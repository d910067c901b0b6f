import { notFound } from "next/navigation";
import { buildProjectsTemplate } from "@/app/_lib/excel/projects-template";
import { xlsxResponse } from "@/app/_lib/excel/workbook";
import { requirePermission } from "@/app/_lib/guards";
import { getCampaignForSetup, listActionsForSetup } from "@/db/queries/setup/campaigns";
import { listDistrictsForSetup, listSectorsForSetup } from "@/db/queries/setup/reference";

/** GET …/projects/template: an empty key-project list with the valid districts, sectors and actions listed. */
export async function GET(_request: Request, { params }: { params: Promise<{ campaignId: string }> }): Promise<Response> {
  await requirePermission("campaign.manage", {}, { next: `/city/setup/campaigns/${encodeURIComponent((await params).campaignId)}/projects` });
  const { campaignId } = await params;
  if (!/^[1-9]\d{0,8}$/.test(campaignId)) notFound();
  const campaign = await getCampaignForSetup(Number(campaignId));
  if (!campaign) notFound();
  const [districts, sectors, actions] = await Promise.all([listDistrictsForSetup(), listSectorsForSetup(), listActionsForSetup(campaign.id)]);
  return xlsxResponse(buildProjectsTemplate({ districts, sectors, actions }), `${campaign.year}年市重点项目清单模板.xlsx`);
}
