import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/app/_lib/guards";
import { getCurrentCampaign } from "@/db/queries/campaigns";
import { listCampaignsForSetup } from "@/db/queries/setup/campaigns";
import { CAMPAIGN_STATUS_LABELS } from "../../_lib/labels";
import { campaignFieldSpecs } from "../../_lib/campaign-fields";
import { SpecForm } from "../../_components/spec-form";
import { createCampaignAction } from "./actions";

export const metadata: Metadata = { title: "新建专项" };

export default async function NewCampaignPage() {
  await requirePermission("campaign.manage", {}, { next: "/city/setup/campaigns/new" });
  const [campaigns, current] = await Promise.all([listCampaignsForSetup(), getCurrentCampaign()]);
  const latest = campaigns[0];
  const year = latest ? String(latest.year + 1) : String(new Date().getFullYear());
  const fields = [
    {
      name: "copyFrom",
      label: "复制往年结构",
      type: "select" as const,
      placeholder: "不复制，新建空白专项",
      options: campaigns.map((c) => ({ value: String(c.id), label: `${c.year}年 ${c.title}（${CAMPAIGN_STATUS_LABELS[c.status]}，${c.actions} 项行动、${c.indicators} 个指标）` })),
      defaultValue: current ? String(current.id) : "",
      hint: "复制专项行动（含子行动）和指标（代码不变）；目标留空待录入，12 个月份均未开放；重点项目不复制，请用清单导入。行业、区县和部门各专项共用。",
      wide: true,
    },
    {
      name: "carryProblems",
      label: "带入未解决的难题",
      type: "checkbox" as const,
      defaultValue: "",
      hint: "勾选后，所复制专项中未解决的难题（连同其所属项目，不含月度进度）带入新专项，并注明来自哪一年的哪条难题；不勾选则新专项不含往年难题。只在复制往年结构时有效。",
      wide: true,
    },
    ...campaignFieldSpecs({
      year,
      slug: latest ? latest.slug.replace(/\d{4}/, year) : "",
      cityName: latest?.cityName ?? "",
      title: latest?.title ?? "",
      subtitle: latest?.subtitle ?? "",
    }),
  ];
  return (
    <div className="max-w-3xl space-y-4">
      <p className="text-sm">
        <Link href="/city/setup" className="text-brand-700 underline">← 专项设置</Link>
      </p>
      <h1 className="text-2xl font-bold">新建专项</h1>
      <p className="text-sm text-slate-600">新专项为<strong>草稿</strong>，不会改变当前专项{current ? `（现在是 ${current.year}年“${current.title}”）` : ""}。设置好目标、开放月份并启用后，再把它设为当前专项。</p>
      <div className="rounded-lg border border-slate-200 bg-white p-6">
        <SpecForm action={createCampaignAction} fields={fields} submitLabel="创建专项" pendingText="正在创建…" idPrefix="new" columns={2} label="新建专项" />
      </div>
    </div>
  );
}
