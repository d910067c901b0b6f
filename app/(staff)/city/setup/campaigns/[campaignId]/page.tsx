import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/app/_lib/guards";
import { countProjectsForSetup, listActionsForSetup, listPeriodsForSetup } from "@/db/queries/setup/campaigns";
import { listIndicatorsForSetup } from "@/db/queries/setup/indicators";
import { CampaignHeader } from "../../_components/campaign-header";
import { RowButton } from "../../_components/row-button";
import { SpecForm } from "../../_components/spec-form";
import { campaignFieldSpecs } from "../../_lib/campaign-fields";
import { loadSetupCampaign } from "../../_lib/load";
import { setCurrentAction, setStatusAction, updateCampaignAction } from "./actions";
import { formatDateTime } from "@/domain/format";

export const metadata: Metadata = { title: "专项概况" };

type Params = { params: Promise<{ campaignId: string }>; searchParams: Promise<{ created?: string }> };

export default async function CampaignSetupPage({ params, searchParams }: Params) {
  await requirePermission("campaign.manage", {}, { next: `/city/setup/campaigns/${encodeURIComponent((await params).campaignId)}` });
  const { campaignId } = await params;
  const { campaign: c, isCurrent } = await loadSetupCampaign(campaignId);
  const { created } = await searchParams;
  const [actions, indicators, periods, projects] = await Promise.all([listActionsForSetup(c.id), listIndicatorsForSetup(c.id), listPeriodsForSetup(c.id), countProjectsForSetup(c.id)]);
  const copied = created?.match(/^copy-(\d+)-(\d+)-(\d+)(?:-(\d+)-(\d+))?$/);
  const carried = copied?.[4] ? Number(copied[4]) : 0;
  const base = `/city/setup/campaigns/${c.id}`;
  const hidden = { campaignId: String(c.id), version: String(c.version) };
  const archived = c.status === "archived";
  const values = {
    year: String(c.year), slug: c.slug, cityName: c.cityName, cityNameEn: c.cityNameEn, title: c.title, titleEn: c.titleEn, subtitle: c.subtitle, subtitleEn: c.subtitleEn,
    startsOn: c.startsOn, endsOn: c.endsOn, announcedOn: c.announcedOn ?? "", paceWarn: String(c.paceWarnBp / 100), reportDeadlineDay: String(c.reportDeadlineDay), sourceNote: c.sourceNote,
  };
  return (
    <div className="space-y-6">
      <CampaignHeader campaign={c} isCurrent={isCurrent} tab="overview" heading="专项概况" />
      {created && (
        <p role="status" className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-900">
          {copied
            ? `专项已创建，并复制了 ${copied[1]} 项专项行动（含 ${copied[2]} 项子行动）和 ${copied[3]} 个指标${carried > 0 ? `，带入未解决的难题 ${carried} 条（连同所属项目 ${copied[5]} 个）` : ""}。目标留空待录入，12 个月份均未开放；重点项目请用清单导入。当前专项没有改变。`
            : "专项已创建（12 个月份均未开放）。当前专项没有改变。"}
        </p>
      )}

      <section aria-labelledby="lifecycle-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="lifecycle-heading" className="font-semibold">状态</h2>
        <ol className="flex flex-wrap gap-2 text-sm">
          {(["draft", "active", "archived"] as const).map((s, i) => (
            <li key={s} aria-current={c.status === s ? "step" : undefined} className={`rounded-md border px-3 py-1 ${c.status === s ? "border-brand-700 bg-brand-50 font-semibold text-brand-800" : "border-slate-200 text-slate-500"}`}>
              {i + 1}. {{ draft: "草稿：正在设置", active: "启用：可设为当前专项", archived: "归档：只读，仍公开" }[s]}
            </li>
          ))}
        </ol>
        <p className="text-sm text-slate-700">
          {isCurrent ? "这是当前专项：区县在这里填报，市级页面和公开网站显示它。" : "这不是当前专项：区县、市级页面和公开网站看不到它的填报。"}
        </p>
        {!archived && (
          <div className="flex flex-wrap items-start gap-3">
            {c.status === "draft" && <RowButton action={setStatusAction} hidden={{ ...hidden, to: "active" }} label="启用专项" variant="primary" pendingText="正在启用…" />}
            {c.status === "active" && !isCurrent && <RowButton action={setCurrentAction} hidden={{ campaignId: String(c.id) }} label="设为当前专项" variant="primary" pendingText="正在设置…" />}
            {!isCurrent && <RowButton action={setStatusAction} hidden={{ ...hidden, to: "archived" }} label="归档（只读）" variant="danger" pendingText="正在归档…" />}
          </div>
        )}
        {!archived && <p className="text-xs text-slate-500">{isCurrent ? "当前专项不能归档：要归档它，请先把另一个已启用的专项设为当前专项。" : "归档后不能再修改，也不能恢复；当前专项不能归档。"}</p>}
      </section>

      <section aria-labelledby="summary-heading" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="summary-heading" className="font-semibold">设置进度</h2>
        <ul className="mt-2 grid gap-2 text-sm md:grid-cols-2">
          <li><Link href={`${base}/actions`} className="text-brand-700 underline">专项行动</Link>：{actions.filter((a) => a.parentId === null).length} 项，子行动 {actions.filter((a) => a.parentId !== null).length} 项</li>
          <li><Link href={`${base}/indicators`} className="text-brand-700 underline">指标</Link>：{indicators.length} 个</li>
          <li><Link href={`${base}/targets`} className="text-brand-700 underline">目标</Link>：在“目标”页逐项设置或用 Excel 上传</li>
          <li><Link href={`${base}/periods`} className="text-brand-700 underline">填报月份</Link>：已开放 {periods.filter((p) => p.isOpen).length} / {periods.length} 个月，截止日为次月 {c.reportDeadlineDay} 日</li>
          <li><Link href={`${base}/projects`} className="text-brand-700 underline">重点项目</Link>：{projects.key} 个市重点项目{projects.total > projects.key ? `（另有 ${projects.total - projects.key} 个其他项目）` : ""}</li>
        </ul>
      </section>

      <section aria-labelledby="edit-heading" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="edit-heading" className="font-semibold">基本信息</h2>
        <p className="mb-3 text-xs text-slate-500">最后修改：{formatDateTime(c.updatedAt)}</p>
        {archived ? (
          <dl className="grid grid-cols-[10rem_1fr] gap-y-1 text-sm">
            <dt className="text-slate-500">标识</dt><dd>{c.slug}</dd>
            <dt className="text-slate-500">年度</dt><dd>{c.year}</dd>
            <dt className="text-slate-500">起止</dt><dd>{c.startsOn} 至 {c.endsOn}</dd>
            <dt className="text-slate-500">序时预警幅度</dt><dd>{c.paceWarnBp / 100} 个百分点</dd>
            <dt className="text-slate-500">月报截止日</dt><dd>次月 {c.reportDeadlineDay} 日</dd>
          </dl>
        ) : (
          <SpecForm action={updateCampaignAction} fields={campaignFieldSpecs(values, { yearLocked: c.status !== "draft" })} hidden={hidden} submitLabel="保存基本信息" idPrefix="campaign" columns={2} label="专项基本信息" />
        )}
      </section>
    </div>
  );
}
