import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { figureHistoryHref } from "../../audit/filters";
import { requirePermission, type SessionUser } from "@/app/_lib/guards";
import { can } from "@/domain/policy";
import { DISTRICT_KIND_LABELS, INDICATOR_KIND_LABELS as KIND_LABELS } from "@/domain/labels";
import { monthLabel, monthNumber, ytdLabel } from "@/domain/months";
import { expectedShare } from "@/domain/pace";
import { CumulativeChart } from "@/components/charts/cumulative-chart";
import { DistrictBars } from "@/components/charts/district-bars";
import { getIndicatorDetails } from "@/db/queries/drilldown";
import { cityHref, type SearchParams } from "../../_components/city-params";
import { describeDerivation } from "@/domain/derivation-words";
import { describeTarget, formatActual, formatExact, formatExactOrDash, formatGap, formatPercent, formatShare, formatStaffTarget, unitOf } from "@/domain/format";
import { loadCityContext } from "../../_components/load";
import { PaceBadge } from "../../_components/pace-badge";
import { CorrectionsLink } from "@/components/corrections-link";
import { CityPageHeader, NoCampaign } from "../../_components/page-header";
import { PageTools } from "../../export/page-tools";
import { indicatorExportUrl } from "../../export/urls";
import { DataTable } from "@/components/ui/data-table";
import { KeptCityPage } from "../../_components/kept-page";

export const metadata: Metadata = { title: "指标下钻" };


export default async function IndicatorDrilldownPage({ params, searchParams }: { params: Promise<{ code: string }>; searchParams: Promise<SearchParams> }) {
  const user = await requirePermission("city.read", {}, { next: `/city/indicators/${encodeURIComponent((await params).code)}` });
  const { code } = await params;
  const sp = await searchParams;
  return (
    <KeptCityPage page={`/city/indicators/${code}`} reader={user} params={sp}>
      <IndicatorBody user={user} code={code} sp={sp} />
    </KeptCityPage>
  );
}

async function IndicatorBody({ user, code, sp }: { user: SessionUser; code: string; sp: SearchParams }) {
  const ctx = await loadCityContext(sp);
  if (!ctx) return <NoCampaign />;
  const { campaign, view, rollups } = ctx;
  const ind = rollups.indicators.find((i) => i.code === code);
  if (!ind) notFound();
  const details = await getIndicatorDetails(campaign.id, code);
  const unit = unitOf(ind);
  const c = ind.rollup.city;
  const isRatio = ind.aggregation === "ratio";
  const m = monthNumber(view.month);
  const ytd = ytdLabel(view.month);
  const t = ind.cityTarget;
  const target = describeTarget({ decimals: ind.decimals, unit, targetValue: t?.targetValue ?? null, baselineValue: t?.baselineValue ?? null, growthTargetBp: t?.growthTargetBp ?? null, multipleTargetPct: t?.multipleTargetPct ?? null }, campaign.year);
  const partUnit = details?.partUnit ?? { symbol: "", scale: 1 };
  const districts = rollups.districts.map((d) => ({ ...d, v: ind.rollup.districts.get(d.id)! }));
  // The month's stored figure of each district has a change history (campaign office only).
  const history = ind.kind === "reported" && can(user, "audit.read") ? (districtId: number) => figureHistoryHref(districtId, view.month, ind.id) : null;

  // Charts in display units: amounts ÷ scale; rates in percent.
  const months = Array.from({ length: m }, (_, i) => `${i + 1}月`);
  const actualSeries = c.series.map((v) => (v == null ? null : isRatio ? round1(v * 100) : round(v / ind.unitScale, ind.decimals)));
  const planSeries = months.map((_, i) => {
    if (t?.targetValue == null) return null;
    return isRatio ? round1(t.targetValue / ind.unitScale) : round((t.targetValue * expectedShare(i + 1, t.monthlyPlan)) / ind.unitScale, ind.decimals);
  });
  const barValues = districts.map((d) => (isRatio ? (d.v.actual == null ? null : round1(d.v.actual * 100)) : d.v.pace.share == null ? null : round1(d.v.pace.share * 100)));
  const reference = isRatio
    ? t?.targetValue != null ? { value: round1(t.targetValue / ind.unitScale), label: "" } : undefined
    : { value: round1(c.pace.expected * 100), label: "" };

  return (
    <div className="space-y-6">
      <CityPageHeader
        ctx={ctx}
        path={`/city/indicators/${code}`}
        title={ind.name}
        subtitle={
          <>
            {KIND_LABELS[ind.kind]}
            {ind.ownerDepartmentName ? ` · 责任单位：${ind.ownerDepartmentName}` : ""} · {describeDerivation(ind.kind, ind.derivation)}
          </>
        }
      >
        <p className="mb-1 text-sm">
          <Link href={cityHref("/city", view)} className="text-brand-700 underline">← 全市总览</Link>
          <span className="ml-3"><CorrectionsLink indicator={code}>本指标的更正记录</CorrectionsLink></span>
        </p>
      </CityPageHeader>
      <PageTools exportHref={indicatorExportUrl(code, view)} />

      <section aria-labelledby="city-heading" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="city-heading" className="text-base font-semibold">全市 · {ytd}</h2>
        <dl className="mt-3 grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2 lg:grid-cols-4">
          <div>
            <dt className="text-xs text-slate-500">{isRatio ? `全市${ind.name}（截至${monthLabel(view.month)}）` : `${ytd}累计完成`}</dt>
            <dd data-city-actual className="tabular text-2xl font-bold">{isRatio ? formatActual(ind, c.actual) : formatExact(c.actual, unit)}</dd>
            {!isRatio && c.actual != null && formatActual(ind, c.actual) !== formatExact(c.actual, unit) && <dd className="text-xs text-slate-500">约 {formatActual(ind, c.actual)}</dd>}
          </div>
          <div>
            <dt className="text-xs text-slate-500">{campaign.year}年目标</dt>
            <dd className="tabular text-lg font-semibold">{target.main}</dd>
            {target.conditions.map((x) => <dd key={x} className="text-xs text-slate-500">{x}</dd>)}
          </div>
          <div>
            <dt className="text-xs text-slate-500">{isRatio ? "达到目标值的" : "完成年度目标"}</dt>
            <dd className="tabular text-lg font-semibold">{formatShare(c.pace.share)}</dd>
            <dd className="text-xs text-slate-500">{isRatio ? `目标 ${formatPercent(c.pace.expected)}` : `序时进度 ${formatPercent(c.pace.expected)}${t?.monthlyPlan ? "（按月度计划）" : ""}`}</dd>
          </div>
          <div>
            <dt className="text-xs text-slate-500">状态</dt>
            <dd className="mt-1"><PaceBadge status={c.pace.status} reason={c.pace.reason} /></dd>
            <dd className="mt-1 text-xs text-slate-500">有数据的区县 {c.districtsReporting}/{districts.length} 个</dd>
          </div>
        </dl>
        {isRatio && (
          <div data-ratio className="mt-4 rounded-md bg-slate-50 p-3 text-sm">
            <p className="font-medium">全市比率由各区县分子、分母分别加总后相除，不是各区县比率的平均数：</p>
            <dl className="mt-2 grid gap-2 sm:grid-cols-3">
              <div>
                <dt className="text-xs text-slate-500">Σ {ind.numeratorLabel}</dt>
                <dd data-sum-numerator className="tabular font-semibold">{formatExact(c.numerator, partUnit)}</dd>
              </div>
              <div>
                <dt className="text-xs text-slate-500">Σ {ind.denominatorLabel}</dt>
                <dd data-sum-denominator className="tabular font-semibold">{formatExact(c.denominator, partUnit)}</dd>
              </div>
              <div>
                <dt className="text-xs text-slate-500">全市比率 = Σ分子 ÷ Σ分母</dt>
                <dd data-city-rate className="tabular font-semibold">{formatActual(ind, c.actual)}</dd>
              </div>
            </dl>
            <p className="mt-2 text-xs text-slate-500">比率取各区县截至{monthLabel(view.month)}最新一期的分子、分母（存量指标），没有该月数据的区县不计入。</p>
          </div>
        )}
      </section>

      <section aria-labelledby="charts-heading" className="grid gap-4 lg:grid-cols-2">
        <h2 id="charts-heading" className="sr-only">图表</h2>
        <div className="rounded-lg border border-slate-200 bg-white p-3">
          <h3 className="text-sm font-semibold">{isRatio ? "全市比率逐月变化与目标" : "全市逐月累计完成与序时进度"}（{isRatio ? "%" : ind.unitSymbol}）</h3>
          <CumulativeChart
            title={`${ind.name}：${isRatio ? "全市比率逐月变化与目标值" : "全市逐月累计完成与序时进度"}`}
            months={months}
            actual={actualSeries}
            plan={planSeries}
            unit={isRatio ? "%" : ind.unitSymbol}
            actualLabel={isRatio ? "全市比率" : "累计完成"}
            planLabel={isRatio ? "目标值" : "序时进度"}
            width={540}
          />
          <details className="mt-1 text-xs">
            <summary className="cursor-pointer text-brand-700">图表数据</summary>
            <DataTable density="compact" caption={<>{ind.name}逐月数据</>} wrapClassName="mt-1" head={<>
                <tr>
                  <th scope="col" className="px-1 py-0.5">月份</th>
                  <th scope="col" className="num px-1 py-0.5">{isRatio ? "全市比率（%）" : `累计完成（${ind.unitSymbol}）`}</th>
                  <th scope="col" className="num px-1 py-0.5">{isRatio ? "目标（%）" : `序时进度（${ind.unitSymbol}）`}</th>
                </tr>
            </>}>
                {months.map((label, i) => (
                  <tr key={label} className="border-t">
                    <th scope="row" className="px-1 py-0.5">{label}</th>
                    <td className="num px-1 py-0.5">{actualSeries[i] ?? "—"}</td>
                    <td className="num px-1 py-0.5">{planSeries[i] ?? "—"}</td>
                  </tr>
                ))}
            </DataTable>
          </details>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-3">
          <h3 className="text-sm font-semibold">{isRatio ? "各区县比率（%）" : "各区县完成年度目标（%）"}</h3>
          <p className="text-xs text-slate-500">{reference ? `虚线：${isRatio ? "全市目标" : "序时进度"} ${reference.value}%` : ""}</p>
          <DistrictBars title={`${ind.name}：${isRatio ? "各区县比率" : "各区县完成年度目标的百分比"}`} names={districts.map((d) => d.name)} values={barValues} unit="%" reference={reference} width={540} />
        </div>
      </section>

      <section aria-labelledby="districts-heading" className="rounded-lg border border-slate-200 bg-white">
        <h2 id="districts-heading" className="border-b border-slate-100 px-4 py-2.5 text-base font-semibold">分区县 · {ytd}</h2>
        <DataTable density="compact" caption={<>{ind.name}各区县{ytd}完成情况，各区县数值之和即全市数</>} head={<>
              <tr>
                <th scope="col">区县</th>
                {isRatio && <th scope="col" className="num">{ind.numeratorLabel}（{partUnit.symbol}）</th>}
                {isRatio && <th scope="col" className="num">{ind.denominatorLabel}（{partUnit.symbol}）</th>}
                <th scope="col" className="num">{isRatio ? "比率" : `${ytd}完成（${ind.unitSymbol}）`}</th>
                <th scope="col" className="num">年度目标</th>
                <th scope="col" className="num">{isRatio ? "达到目标值的" : "完成率"}</th>
                {!isRatio && <th scope="col" className="num">比序时进度</th>}
                <th scope="col">状态与原因</th>
              </tr>
        </>} totals={<>
              <tr data-district="city" className="bg-slate-50 font-semibold">
                <th scope="row">全市{isRatio ? "（Σ分子 ÷ Σ分母）" : "合计"}</th>
                {isRatio && <td className="num whitespace-nowrap">{formatExactOrDash(c.numerator, partUnit.scale)}</td>}
                {isRatio && <td className="num whitespace-nowrap">{formatExactOrDash(c.denominator, partUnit.scale)}</td>}
                <td data-actual className="num whitespace-nowrap">{isRatio ? formatActual(ind, c.actual) : formatExactOrDash(c.actual, unit.scale)}</td>
                <td className="num whitespace-nowrap">{formatStaffTarget(ind, t?.targetValue ?? null)}</td>
                <td className="num whitespace-nowrap">{formatShare(c.pace.share)}</td>
                {!isRatio && <td className="num whitespace-nowrap">{formatGap(c.pace.gapPoints)}</td>}
                <td><PaceBadge status={c.pace.status} /></td>
              </tr>
        </>}>
              {districts.map((d) => (
                <tr key={d.code} data-district={d.code}>
                  <th scope="row">
                    <Link href={cityHref(`/city/districts/${d.code}`, view, { indicator: code })} className="text-brand-700 underline">{d.name}</Link>
                    <span className="ml-1 text-xs text-slate-500">{DISTRICT_KIND_LABELS[d.kind]}</span>
                  </th>
                  {isRatio && <td data-numerator className="num whitespace-nowrap">{formatExactOrDash(d.v.numerator, partUnit.scale)}</td>}
                  {isRatio && <td data-denominator className="num whitespace-nowrap">{formatExactOrDash(d.v.denominator, partUnit.scale)}</td>}
                  <td className="num whitespace-nowrap">
                    <span data-actual>{isRatio ? formatActual(ind, d.v.actual) : formatExactOrDash(d.v.actual, unit.scale)}</span>
                    {history && (
                      <Link href={history(d.id)} className="block text-xs font-normal text-brand-700 underline" aria-label={`${d.name}${monthLabel(view.month)}${ind.name}：这个数字的变更记录`}>
                        变更记录
                      </Link>
                    )}
                  </td>
                  <td className="num whitespace-nowrap">{formatStaffTarget(ind, d.v.target)}</td>
                  <td className="num whitespace-nowrap">{formatShare(d.v.pace.share)}</td>
                  {!isRatio && <td className="num whitespace-nowrap">{formatGap(d.v.pace.gapPoints)}</td>}
                  <td>
                    <PaceBadge status={d.v.pace.status} reason={d.v.pace.reason} />
                  </td>
                </tr>
              ))}
        </DataTable>
        {!isRatio && <p className="px-4 py-2 text-xs text-slate-500">表中为精确值，各区县之和等于全市合计；总览页按 {ind.decimals} 位小数显示。点击区县查看逐条记录。</p>}
      </section>
    </div>
  );
}

function round(x: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(x * f) / f;
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
