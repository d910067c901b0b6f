import "server-only";
import { notFound } from "next/navigation";
import { getCurrentCampaign, type CampaignSummary } from "@/db/queries/campaigns";
import { getIsDemoData } from "@/db/queries/meta";
import { resolveCityScope, type CityScope } from "./scope";

export interface ExportContext {
  campaign: CampaignSummary;
  scope: CityScope;
  demo: boolean;
  params: URLSearchParams;
}

/** Campaign, month and mode of an export request (404 without a campaign). Call after the guard. */
export async function exportContext(request: Request, fallback: "latest" | "complete" = "latest"): Promise<ExportContext> {
  const params = new URL(request.url).searchParams;
  const campaign = await getCurrentCampaign();
  if (!campaign) notFound();
  const [scope, demo] = await Promise.all([resolveCityScope(campaign.id, { month: params.get("month") ?? undefined, include: params.get("include") ?? undefined }, fallback), getIsDemoData()]);
  if (!scope) notFound();
  return { campaign, scope, demo, params };
}

/** "泉州市2023年10月…（演示数据）.xlsx" */
export function exportFilename(ctx: ExportContext, what: string, withMonth = true): string {
  const m = ctx.scope.month;
  const month = withMonth ? `${m.slice(0, 4)}年${Number(m.slice(5, 7))}月` : `${ctx.campaign.year}年`;
  return `${ctx.campaign.cityName}${month}${what}${ctx.scope.include ? "（含未审核）" : ""}${ctx.demo ? "（演示数据）" : ""}.xlsx`;
}
