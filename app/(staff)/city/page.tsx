import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission, type SessionUser } from "@/app/_lib/guards";
import { monthLabel, ytdLabel } from "@/domain/months";
import { summarizePace } from "@/domain/pace-summary";
import { can } from "@/domain/policy";
import { listActionOverview } from "@/db/queries/campaigns";
import { getKeyProjectSectors } from "@/app/_lib/city-data";
import { cityHref, type SearchParams } from "./_components/city-params";
import { CityPaceMap } from "./_components/city-map";
import { DashboardTable } from "./_components/dashboard-table";
import { FLAG_LIST_ID, FlagLine, FlagList, FlagMark, FlagNotice } from "./_components/flag-mark";
import { keyProjectHeadline, SectorSentences, sumSectors } from "./_components/key-projects";
import { loadForecasts } from "./_components/forecast-load";
import { ForecastSection } from "./_components/forecast-view";
import { loadCityContext, loadCityFlags } from "./_components/load";
import { PACE_LABELS } from "./_components/pace-badge";
import { PaceLegend } from "./_components/pace-legend";
import { CityPageHeader, NoCampaign } from "./_components/page-header";
import { PageTools } from "./export/page-tools";
import { dashboardExportUrl } from "./export/urls";
import { KeptCityPage } from "./_components/kept-page";

export const metadata: Metadata = { title: "全市总览" };

export default async function CityDashboardPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePermission("city.read", {}, { next: "/city" });
  const sp = await searchParams;
  return (
    <KeptCityPage page="/city" reader={user} params={sp}>
      <DashboardBody user={user} sp={sp} />
    </KeptCityPage>
  );
}

async function DashboardBody({ user, sp }: { user: SessionUser; sp: SearchParams }) {
  const ctx = await loadCityContext(sp);
  if (!ctx) return <NoCampaign />;
  const { campaign, view, rollups } = ctx;
  const [actions, sectors, flags, forecasts] = await Promise.all([listActionOverview(campaign.id), getKeyProjectSectors(campaign.id, view.month, view.mode), loadCityFlags(ctx), loadForecasts(campaign.id, view.month)]);
  const summary = summarizePace(rollups.indicators.map((i) => ({ name: i.name, status: i.rollup.city.pace.status })), "全市层面");
  const reviewHref = can(user, "report.approve", { state: "submitted" }) ? `/city/review?month=${view.month}` : null;
  const groups = [...new Set(actions.map((a) => a.groupLabel))];
  const ytd = ytdLabel(view.month);
  const counts = { ahead: 0, behind: 0, lagging: 0 };
  for (const i of rollups.indicators) {
    const s = i.rollup.city.pace.status;
    if (s === "ahead" || s === "behind" || s === "lagging") counts[s]++;
  }
  const keyTotal = sumSectors(sectors);
  const href = (code: string) => cityHref(`/city/indicators/${code}`, view);

  return (
    <div className="space-y-6">
      <CityPageHeader ctx={ctx} path="/city" title={`全市总览 · ${monthLabel(view.month)}`} subtitle={`${campaign.cityName}${campaign.year}年“${campaign.title}”${campaign.subtitle}：各专项行动指标${ytd}累计完成情况`} />
      <PageTools exportHref={dashboardExportUrl(view)} />
      <PaceLegend warnBp={campaign.paceWarnBp} />
      {view.include ? (
        flags.index.shown.length > 0 && <FlagLine flags={flags.index.shown} month={view.month} reviewHref={reviewHref} />
      ) : (
        <FlagNotice pending={flags.pending} includeHref={`${cityHref("/city", { ...view, include: true })}#${FLAG_LIST_ID}`} reviewHref={reviewHref} />
      )}

      <section aria-labelledby="summary-heading" className="grid gap-4 md:grid-cols-[1fr_2fr]">
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="summary-heading" className="text-base font-semibold">全市指标进度</h2>
          <dl className="mt-2 grid grid-cols-3 gap-2 text-center">
            {(["ahead", "behind", "lagging"] as const).map((s) => (
              <div key={s} className={`rounded-md border px-2 py-2 ${s === "ahead" ? "border-green-200 bg-green-50" : s === "behind" ? "border-amber-200 bg-amber-50" : "border-red-200 bg-red-50"}`}>
                <dt className="text-xs text-slate-700">{PACE_LABELS[s]}</dt>
                <dd className="tabular text-2xl font-bold">{counts[s]}</dd>
              </div>
            ))}
          </dl>
          <div data-pace-summary className="mt-3 space-y-1 text-sm text-slate-800">
            {summary.sentences.map((t) => (
              <p key={t}>{t}</p>
            ))}
          </div>
          <p className="mt-2 text-sm">
            <Link href={cityHref("/city/lagging", view)} className="text-brand-700 underline">查看滞后清单（指标 × 区县）</Link>
          </p>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 className="text-base font-semibold">市重点项目</h2>
          <p data-key-projects className="mt-1 font-medium text-slate-900">{keyProjectHeadline("全市", keyTotal, view.month, campaign.paceWarnBp)}。<FlagMark flags={flags.index.keyProjects} label="市重点项目完成投资" /></p>
          <details className="mt-2">
            <summary className="cursor-pointer text-sm text-brand-700">按行业（{sectors.length} 类）</summary>
            <div className="mt-2">
              <SectorSentences rows={sectors} month={view.month} warnBp={campaign.paceWarnBp} />
            </div>
          </details>
          <p className="mt-2 text-sm">
            <Link href={cityHref("/city/projects", view)} className="text-brand-700 underline">按行业和区县查看市重点项目</Link>
          </p>
        </div>
      </section>
      <ForecastSection forecasts={forecasts} includeUnapproved={view.include} />

      <CityPaceMap ctx={ctx} sp={sp} />

      {groups.map((g) => {
        const inGroup = actions.filter((a) => a.groupLabel === g);
        return (
          <section key={g} aria-labelledby={`group-${g}`} className="space-y-4">
            <h2 id={`group-${g}`} className="border-b-2 border-brand-700 pb-1 text-lg font-semibold text-slate-900">
              “{g}”<span className="ml-2 text-sm font-normal text-slate-600">{inGroup.length} 项专项行动</span>
            </h2>
            {inGroup.map((a) => {
              const inds = rollups.indicators.filter((i) => i.topActionId === a.id);
              return (
                <article key={a.code} data-action={a.code} aria-labelledby={`action-${a.code}`} className="rounded-lg border border-slate-200 bg-white">
                  <header className="flex flex-wrap items-baseline justify-between gap-2 border-b border-slate-100 px-4 py-2.5">
                    <h3 id={`action-${a.code}`} className="font-semibold">{a.name}</h3>
                    {a.leadDepartment && <span className="text-xs text-slate-500">牵头单位：{a.leadDepartment}</span>}
                  </header>
                  {inds.length === 0 ? (
                    <p className="px-4 py-3 text-sm text-slate-600">指标待专项办设定</p>
                  ) : (
                    <DashboardTable caption={`${a.name}：各指标${ytd}完成情况`} indicators={inds} year={campaign.year} ytd={ytd} href={href} flags={flags.index} />
                  )}
                </article>
              );
            })}
          </section>
        );
      })}
      {view.include && <FlagList flags={flags.index.shown} reviewHref={reviewHref} />}
    </div>
  );
}
