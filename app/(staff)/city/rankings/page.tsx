import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getCampaignRollups } from "@/app/_lib/city-data";
import { requirePermission } from "@/app/_lib/guards";
import { monthLabel, ytdLabel } from "@/domain/months";
import { getCurrentCampaign } from "@/db/queries/campaigns";
import { loadCompletenessBoard } from "../completeness/load";
import { resolveCityScope, scopeQuery } from "../export/scope";
import { PageTools } from "../export/page-tools";
import { rankingsExportUrl } from "../export/urls";
import { PaceMap } from "../_components/city-map";
import { ScopeForm } from "./scope-form";
import { loadRankings } from "./load";
import { IndicatorTable, MethodSection, OverallTable } from "./ranking-tables";
import { KeptCityPage } from "../_components/kept-page";

export const metadata: Metadata = { title: "区县排名" };

type SearchParams = Promise<{ month?: string; include?: string; indicator?: string }>;

export default async function RankingsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePermission("city.read", {}, { next: "/city/rankings" });
  const sp = await searchParams;
  return (
    <KeptCityPage page="/city/rankings" reader={user} params={sp}>
      <RankingsBody sp={sp} />
    </KeptCityPage>
  );
}

async function RankingsBody({ sp }: { sp: Awaited<SearchParams> }) {
  const campaign = await getCurrentCampaign();
  if (!campaign) notFound();
  const scope = await resolveCityScope(campaign.id, sp, "complete");
  if (!scope) notFound();
  const { month, mode, include } = scope;
  const [data, board, rollups] = await Promise.all([
    loadRankings(campaign, month, mode),
    loadCompletenessBoard(campaign.id, month),
    getCampaignRollups(campaign.id, month, mode, campaign.paceWarnBp),
  ]);
  const { rankings, indicators } = data;
  const nameOf = (code: string) => indicators.get(code)?.name ?? code;
  const selected = rankings.indicators.find((i) => i.code === sp.indicator) ?? rankings.indicators.find((i) => i.code === rankings.weights.weights[0]?.code) ?? rankings.indicators[0];
  const selectedFacts = selected ? indicators.get(selected.code) : undefined;
  const counts = board.months.find((m) => m.month === month)?.counts;
  const incomplete = counts && counts.approved < counts.total;
  const hrefFor = (code: string) => `/city/rankings?${scopeQuery(scope, { indicator: code })}#indicator`;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold">区县排名 · {monthLabel(month)}</h1>
          <p className="mt-1 text-sm text-slate-600">
            {campaign.cityName}{campaign.year}年{ytdLabel(month)}累计，{mode === "all" ? "含未审核数据" : "仅计已审核数据"}；
            {data.previousMonth ? `“较上月”与${monthLabel(data.previousMonth)}的排名相比。` : "1 月无上月排名可比。"}
          </p>
        </div>
        <PageTools exportHref={rankingsExportUrl({ month, include })} />
      </div>

      <ScopeForm action="/city/rankings" month={month} include={include} periods={scope.periods} extra={selected ? { indicator: selected.code } : undefined} />

      {incomplete && (
        <p role="note" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
          <strong className="font-semibold">注意：</strong>
          {monthLabel(month)}共 {counts.total} 个区县，已审核 {counts.approved} 个。
          {mode === "official" ? "未审核区县本月的数据未计入，" : "含未审核（可能仍会修改）的数据，"}
          此月排名仅供参考；排名默认取全部区县均已审核的最近月份。
        </p>
      )}

      <MethodSection weights={rankings.weights} nameOf={nameOf} />

      <section aria-labelledby="overall" className="space-y-2">
        <h2 id="overall" className="text-lg font-semibold">综合排名</h2>
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <OverallTable rows={rankings.overall} caption={`${monthLabel(month)}区县综合排名`} />
        </div>
      </section>

      <section aria-labelledby="groups" className="space-y-2">
        <h2 id="groups" className="text-lg font-semibold">分组排名</h2>
        <div className="grid gap-4 md:grid-cols-2">
          {rankings.overallByGroup.map((g) => (
            <div key={g.kind}>
              <h3 className="mb-1 text-sm font-semibold text-slate-700">{g.label}（{g.rows.length} 个）</h3>
              <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
                <OverallTable rows={g.rows} caption={`${g.label}组内综合排名`} group />
              </div>
            </div>
          ))}
        </div>
      </section>

      {selected && selectedFacts && (
        <section id="indicator" aria-labelledby="indicator-title" className="space-y-2">
          <h2 id="indicator-title" className="text-lg font-semibold">分项排名：{selectedFacts.name}</h2>
          <nav aria-label="选择分项指标" className="flex flex-wrap gap-1.5 text-sm">
            {rankings.indicators.map((i) => (
              <Link
                key={i.code}
                href={hrefFor(i.code)}
                aria-current={i.code === selected.code ? "page" : undefined}
                className={`rounded-full border px-2.5 py-0.5 no-underline ${i.code === selected.code ? "border-brand-700 bg-brand-700 text-white" : "border-slate-300 bg-white text-slate-700 hover:border-brand-700"}`}
              >
                {i.name}
              </Link>
            ))}
          </nav>
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <IndicatorTable ranking={selected} facts={selectedFacts} />
          </div>
          <PaceMap id="rankings-map" campaign={campaign} month={month} mode={mode} rollups={rollups} indicatorCode={selected.code} />
        </section>
      )}
    </div>
  );
}
