import type { Metadata } from "next";
import { requirePermission } from "@/app/_lib/guards";
import { countProjectsForSetup } from "@/db/queries/setup/campaigns";
import { CampaignHeader } from "../../../_components/campaign-header";
import { loadSetupCampaign } from "../../../_lib/load";
import { formatMb, PROJECTS_UPLOAD_MAX_BYTES } from "@/domain/upload-limits";
import { ProjectsImportForm } from "./import-form";

export const metadata: Metadata = { title: "重点项目导入" };

export default async function ProjectsImportPage({ params }: { params: Promise<{ campaignId: string }> }) {
  await requirePermission("campaign.manage", {}, { next: `/city/setup/campaigns/${encodeURIComponent((await params).campaignId)}/projects` });
  const { campaignId } = await params;
  const { campaign: c, isCurrent } = await loadSetupCampaign(campaignId);
  const count = await countProjectsForSetup(c.id);
  return (
    <div className="space-y-5">
      <CampaignHeader campaign={c} isCurrent={isCurrent} tab="projects" heading="市重点项目清单导入" />
      <p className="text-sm text-slate-700">本专项现有 <strong className="tabular">{count.key}</strong> 个市重点项目{count.total > count.key ? `，另有 ${count.total - count.key} 个其他项目` : ""}。</p>
      {c.status === "archived" ? null : (
        <section aria-labelledby="import-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="import-heading" className="font-semibold">从 Excel 导入</h2>
          <ul className="list-disc space-y-1 pl-5 text-sm text-slate-600">
            <li>
              <a href={`/city/setup/campaigns/${c.id}/projects/template`} className="text-brand-700 underline">下载清单模板</a>
              ：项目代码、项目名称、所属区县（名称或代码）、行业、专项行动、业主单位、总投资、年度计划投资、计划开工和竣工日期、阶段、实际开工和竣工日期、重点级别（市重点/省重点/一般）。
            </li>
            <li>阶段填 前期筹备、在建、已建成 或 暂停；在建须有实际开工日期，已建成还须有实际竣工日期。实际开工日期在本年内的市重点项目计入“新开工”。只列入省重点清单的项目不计入市重点项目。</li>
            <li>日期可填 2023-05-10、2023/5/10 或 Excel 日期。</li>
            <li>金额列的标题写明单位：“总投资（亿元）”或“总投资（万元）”，按标题的单位填写。</li>
            <li>再次导入同一清单时，按项目代码更新已有项目，不会重复创建；清单中没有的项目保持不变。结果会列出新增、更新（逐项列出改动）和未变的数量。</li>
            <li>文件不超过 {formatMb(PROJECTS_UPLOAD_MAX_BYTES)}。只要有一行有错误，就不会保存任何数据。</li>
          </ul>
          <ProjectsImportForm campaignId={c.id} />
        </section>
      )}
    </div>
  );
}
