import type { ReactNode } from "react";
import type { IndicatorWithRollup } from "@/app/_lib/city-data";
import { monthLabel, monthNumber, todayInShanghai, ytdLabel } from "@/domain/months";
import { expectedShare } from "@/domain/pace";
import { summarizePace } from "@/domain/pace-summary";
import { sectorSentence } from "@/domain/sector-sentence";
import type { CampaignSummary } from "@/db/queries/campaigns";
import type { SectorRollupRow } from "@/db/queries/rollups";
import { CumulativeChart } from "@/components/charts/cumulative-chart";
import { DataTable } from "@/components/ui/data-table";
import type { CampaignForecasts } from "../_components/forecast-load";
import { BulletinForecast } from "../_components/forecast-view";
import { formatActual, formatStaffTarget as formatTarget } from "@/domain/format";
import { sumSectors } from "../_components/key-projects";
import { PaceBadge } from "../_components/pace-badge";
import type { CompletenessMonth } from "../completeness/load";
import { timelinessSentence } from "../completeness/status";
import type { LaggingItem } from "../export/sheets";
import type { RankingData } from "../rankings/load";
import { MethodSection, OverallTable } from "../rankings/ranking-tables";

export interface BulletinData {
  campaign: CampaignSummary;
  month: string;
  include: boolean;
  demo: boolean;
  /** Every indicator (the summary judges them all); `headline` is the table's selection. */
  indicators: IndicatorWithRollup[];
  headline: IndicatorWithRollup[];
  sectors: SectorRollupRow[];
  cityLagging: LaggingItem[];
  districtLagging: LaggingItem[];
  rankings: RankingData;
  completeness: CompletenessMonth | null;
  districtNames: Map<number, string>;
  /** Year-end forecasts (approved figures only). */
  forecasts: CampaignForecasts;
  /** Photos of lagging key projects, when the office asked for them (附项目形象进度照片). */
  photos?: ReactNode;
}

/** How many district items behind pace the printed bulletin lists (the rest are in the lagging list). */
export const DISTRICT_LAGGING_LIMIT = 15;

const cn = (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

function names(ids: number[], names: Map<number, string>): string {
  return ids.map((id) => names.get(id) ?? "").join("、");
}

export function BulletinView({ data }: { data: BulletinData }) {
  const { campaign, month, rankings } = data;
  const ytd = ytdLabel(month);
  const total = sumSectors(data.sectors);
  const chartInd = data.headline.find((i) => i.aggregation === "sum" && i.cityTarget?.targetValue);
  const c = data.completeness;
  const ids = (f: (s: NonNullable<ReturnType<CompletenessMonth["cells"]["get"]>>) => boolean) => (c ? [...c.cells.entries()].filter(([, v]) => f(v)).map(([id]) => id) : []);
  const late = c ? [...c.cells.entries()].filter(([, v]) => v.timeliness === "late") : [];
  const overdue = c ? [...c.cells.entries()].filter(([, v]) => v.timeliness === "overdue") : [];
  const missing = ids((v) => v.state === "missing");
  const drafts = ids((v) => v.state === "draft");
  const returned = ids((v) => v.state === "returned");
  const rankingIncomplete = rankings.month !== month;
  const summary = summarizePace(data.indicators.map((i) => ({ name: i.name, status: i.rollup.city.pace.status })), "全市层面");
  const districtJudged = data.indicators.reduce((n, i) => n + [...i.rollup.districts.values()].filter((v) => v.pace.status !== "no_target").length, 0);

  return (
    <article className="bulletin mx-auto max-w-[190mm] bg-white px-8 py-8 text-[13px] leading-relaxed text-slate-900 shadow-sm print:max-w-none print:p-0 print:shadow-none">
      {data.demo && (
        <p className="bulletin-demo mb-3 border border-amber-400 bg-amber-50 px-2 py-1 text-center text-xs text-amber-950">
          <strong>演示数据</strong> · 本简报中的项目、签约、园区和月度数字均为虚构的演示数据，不代表官方统计。
        </p>
      )}
      <header className="border-b-2 border-brand-700 pb-3 text-center">
        <p className="text-3xl font-bold tracking-widest text-brand-700">专项行动工作简报</p>
        <p data-bulletin-period className="mt-1 text-sm">{campaign.year}年第{monthNumber(month)}期（{month.slice(0, 4)}年{ytd}）</p>
        <p className="mt-2 flex flex-wrap justify-between gap-x-4 text-xs text-slate-700">
          <span>{campaign.cityName}“{campaign.title}”专项行动办公室</span>
          <span data-bulletin-printed>打印日期：{cn(todayInShanghai())}</span>
        </p>
      </header>
      <h2 className="mt-4 text-center text-lg font-bold">
        {campaign.cityName}{campaign.subtitle}{month.slice(0, 4)}年{ytd}推进情况
      </h2>
      <p className="mt-1 text-center text-xs text-slate-600">
        数据截至{monthLabel(month)}，{data.include ? "含未审核数据（可能仍会修改）" : "仅计已审核数据"}
        {c ? `；本月 ${c.counts.total} 个区县中已审核 ${c.counts.approved} 个` : ""}。
      </p>

      <section aria-labelledby="b-overall" className="mt-4">
        <h3 id="b-overall" className="text-base font-bold">一、市重点项目总体进展</h3>
        <p className="mt-1 indent-8">
          {total.projects === 0
            ? "本期没有计入的市重点项目数据。"
            : total.annualPlan <= 0
              ? `全市市重点项目${total.projects}个，未填年度计划投资，不评价序时进度。`
              : `${sectorSentence({ label: "全市市重点项目", ...total }, month, campaign.paceWarnBp)}。`}
        </p>
        {data.sectors.length > 0 && (
          <>
            <p className="mt-1 indent-8">分行业看：</p>
            <ul className="mt-0.5 space-y-0.5 pl-8">
              {data.sectors.map((r) => (
                <li key={r.sectorId ?? "none"} className="list-disc">
                  {sectorSentence({ label: `${r.sectorName}项目`, projects: r.projects, totalInvestment: r.totalInvestment, annualPlan: r.annualPlan, doneYtd: r.doneYtd }, month, campaign.paceWarnBp)}。
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section aria-labelledby="b-indicators" className="mt-4">
        <h3 id="b-indicators" className="text-base font-bold">二、主要指标完成情况</h3>
        <DataTable caption={`主要指标${ytd}完成情况`} density="print" small wrapClassName="mt-1" columns={["指标", { label: `${campaign.year}年目标`, num: true }, { label: `${ytd}完成`, num: true }, "进度", "状态"]}>
          {data.headline.map((ind) => (
            <tr key={ind.code}>
              <th scope="row">{ind.name}</th>
              <td className="num whitespace-nowrap">{formatTarget(ind, ind.rollup.city.target)}</td>
              <td className="num whitespace-nowrap">{formatActual(ind, ind.rollup.city.actual)}</td>
              <td>{ind.rollup.city.pace.reason}</td>
              <td className="whitespace-nowrap"><PaceBadge status={ind.rollup.city.pace.status} /></td>
            </tr>
          ))}
        </DataTable>
        {chartInd && (
          <div className="mt-2 break-inside-avoid">
            <CumulativeChart
              title={`${chartInd.name}：${ytd}逐月累计完成与序时进度`}
              months={Array.from({ length: monthNumber(month) }, (_, i) => `${i + 1}月`)}
              actual={chartInd.rollup.city.series.map((v) => (v == null ? null : Math.round((v / chartInd.unitScale) * 10) / 10))}
              plan={Array.from({ length: monthNumber(month) }, (_, i) => Math.round(((chartInd.cityTarget!.targetValue! * expectedShare(i + 1, chartInd.cityTarget!.monthlyPlan)) / chartInd.unitScale) * 10) / 10)}
              unit={chartInd.unitSymbol}
              width={660}
              height={220}
            />
            <p className="text-center text-[11px] text-slate-600">图：{chartInd.name}逐月累计完成（柱）与序时进度（虚线），单位：{chartInd.unitSymbol}</p>
          </div>
        )}
        <BulletinForecast forecasts={data.forecasts} codes={data.headline.map((i) => i.code)} includeUnapproved={data.include} />
      </section>

      <section aria-labelledby="b-lagging" className="mt-4">
        <h3 id="b-lagging" className="text-base font-bold">三、进度滞后事项</h3>
        <div data-pace-summary>
          {summary.sentences.map((t) => (
            <p key={t} className="mt-1 indent-8">{t}</p>
          ))}
        </div>
        {data.cityLagging.length === 0 && data.districtLagging.length === 0 ? (
          <p className="mt-1 indent-8">{districtJudged > 0 ? "区县层面没有落后于序时进度的事项。" : "区县层面未设目标，不评价序时进度。"}</p>
        ) : (
          <>
            <p className="mt-1 indent-8">
              全市层面落后于序时进度的指标 {data.cityLagging.length} 项，区县层面 {data.districtLagging.length} 项
              {data.districtLagging.length > DISTRICT_LAGGING_LIMIT ? `（下表列出差距最大的 ${DISTRICT_LAGGING_LIMIT} 项区县事项，完整清单见“滞后清单”）` : ""}，按差距从大到小排列：
            </p>
            <LaggingTable items={[...data.cityLagging, ...data.districtLagging.slice(0, DISTRICT_LAGGING_LIMIT)]} />
          </>
        )}
        {data.photos}
      </section>

      <section aria-labelledby="b-rankings" className="mt-4 break-inside-avoid-page">
        <h3 id="b-rankings" className="text-base font-bold">四、区县综合排名</h3>
        <p className="mt-1 indent-8">
          {rankingIncomplete
            ? `因${monthLabel(month)}尚有区县未审核，排名以全部区县均已审核的最近月份（${monthLabel(rankings.month)}）为准。`
            : `排名按${monthLabel(rankings.month)}数据计算。`}
          {rankings.previousMonth ? `“较上月”与${monthLabel(rankings.previousMonth)}相比。` : ""}
        </p>
        <div className="mt-1">
          <OverallTable rows={rankings.rankings.overall} caption={`${monthLabel(rankings.month)}区县综合排名`} compact />
        </div>
        <div className="mt-2">
          <MethodSection headingLevel={4} weights={rankings.rankings.weights} nameOf={(code) => rankings.indicators.get(code)?.name ?? code} compact />
        </div>
      </section>

      <section aria-labelledby="b-completeness" className="mt-4 break-inside-avoid">
        <h3 id="b-completeness" className="text-base font-bold">五、月报报送情况</h3>
        {c ? (
          <p className="mt-1 indent-8">
            {monthLabel(month)}月报应报 {c.counts.total} 个区县（截止 {cn(c.dueOn)}）：已审核 {c.counts.approved} 个，待审核 {c.counts.submitted} 个，已退回 {c.counts.returned} 个
            {returned.length ? `（${names(returned, data.districtNames)}）` : ""}，草稿未报 {c.counts.draft} 个{drafts.length ? `（${names(drafts, data.districtNames)}）` : ""}，缺报 {c.counts.missing} 个
            {missing.length ? `（${names(missing, data.districtNames)}）` : ""}。{timelinessSentence(c.counts, late.map(([id, v]) => `${data.districtNames.get(id) ?? ""}晚 ${v.daysLate} 天`), overdue.map(([id, v]) => `${data.districtNames.get(id) ?? ""}逾期 ${v.daysOverdue} 天`), c.historical ? { reason: c.historicalReason } : undefined)}
          </p>
        ) : (
          <p className="mt-1 indent-8">本月尚未开放填报。</p>
        )}
      </section>
    </article>
  );
}

const LAGGING_COLUMNS = [{ label: "序号", num: true }, "指标", "范围", "进度", "状态", "责任单位"];

function LaggingTable({ items }: { items: LaggingItem[] }) {
  return (
    <DataTable caption="进度滞后事项，差距最大的在前" density="print" small wrapClassName="mt-1" columns={LAGGING_COLUMNS}>
      {items.map((x, i) => (
        <tr key={`${x.ind.code}-${x.area}`}>
          <td className="num">{i + 1}</td>
          <th scope="row">{x.ind.name}</th>
          <td className="whitespace-nowrap">{x.area}</td>
          <td>{x.v.pace.reason}</td>
          <td className="whitespace-nowrap"><PaceBadge status={x.v.pace.status} /></td>
          <td>{x.unit}</td>
        </tr>
      ))}
    </DataTable>
  );
}
