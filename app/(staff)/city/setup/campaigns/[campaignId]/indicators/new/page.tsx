import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { RULES } from "@/domain/derivations";
import { requirePermission } from "@/app/_lib/guards";
import { CampaignHeader } from "../../../../_components/campaign-header";
import { indicatorFormOptions } from "../../../../_lib/indicator-options";
import { loadSetupCampaign } from "../../../../_lib/load";
import { IndicatorForm } from "../indicator-form";
import { createIndicatorAction } from "./actions";

export const metadata: Metadata = { title: "新增指标" };

export default async function NewIndicatorPage({ params }: { params: Promise<{ campaignId: string }> }) {
  await requirePermission("campaign.manage", {}, { next: `/city/setup/campaigns/${encodeURIComponent((await params).campaignId)}/indicators/new` });
  const { campaignId } = await params;
  const { campaign: c, isCurrent } = await loadSetupCampaign(campaignId);
  if (c.status === "archived") redirect(`/city/setup/campaigns/${c.id}/indicators`);
  const options = await indicatorFormOptions(c.id);
  return (
    <div className="max-w-4xl space-y-5">
      <CampaignHeader campaign={c} isCurrent={isCurrent} tab="indicators" heading="新增指标" />
      <IndicatorForm
        action={createIndicatorAction}
        hidden={{ campaignId: String(c.id) }}
        defaults={{ kind: "reported", aggregation: "sum", accumulation: "flow", decimals: "1", isPublic: "1" }}
        options={options}
        rules={RULES}
        frozen={null}
        needsConfirm={false}
        submitLabel="新增指标"
      />
    </div>
  );
}
