import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePermission } from "@/app/_lib/guards";
import { DISTRICT_KIND_LABELS, INDICATOR_KIND_LABELS as KIND_LABELS } from "@/domain/labels";
import { monthLabel, monthNumber, ytdLabel } from "@/domain/months";
import { getIndicatorDetails, listDerivedRecords, listDistrictMonthStatuses, listReportValues } from "@/db/queries/drilldown";
import { cityHref, firstParam, type SearchParams } from "../../_components/city-params";
import { describeDerivation } from "@/domain/derivation-words";
import { formatActual, formatExact, formatPercent, formatShare, formatStaffTarget, unitOf } from "@/domain/format";
import { loadCityContext } from "../../_components/load";
import { PaceBadge } from "../../_components/pace-badge";
import { ProgressBar } from "../../_components/progress-bar";
import { CityPageHeader, NoCampaign } from "../../_components/page-header";
import { PageTools } from "../../export/page-tools";
import { districtExportUrl } from "../../export/urls";
import { ReportStateBadge } from "@/components/report-state-badge";
import { monthState } from "@/db/queries/reporting";
import { DerivedRecordList, ReportValues } from "./records";
import { loadDistrictPointMap } from "@/app/_lib/map";
import { PointMapFigure } from "@/components/map/point-map-figure";
import { DataTable } from "@/components/ui/data-table";
import { KeptCityPage } from "../../_components/kept-page";

export const metadata: Metadata = { title: "区县下钻" };


export default async function DistrictDrilldownPage({ params, searchParams }: { params: Promise<{ districtCode: string }>; searchParams: Promise<SearchParams> }) {
  const user = await requirePermission("city.read", {}, { next: `/city/districts/${encodeURIComponent((await params).districtCode)}` });
  const { districtCode } = await params;
  const sp = await searchParams;
  return (
    <KeptCityPage page={`/city/districts/${districtCode}`} reader={user} params={sp}>
      <DistrictBody districtCode={districtCode} sp={sp} />
    </KeptCityPage>
  );
}

async function DistrictBody({ districtCode, sp }: { districtCode: string; sp: SearchParams }) {
  const ctx = await loadCityContext(sp);
  if (!ctx) return <NoCampaign />;
  const { campaign, view, rollups } = ctx;
  const district = rollups.districts.find((d) => d.code === districtCode);
  if (!district) notFound();
  const chosen = rollups.indicators.find((i) => i.code === firstParam(sp.indicator)) ?? null;
  const ytd = ytdLabel(view.month);
  const statuses = await listDistrictMonthStatuses(campaign.id, district.id, view.month);
  const path = `/city/districts/${district.code}`;
  const located = await loadDistrictPointMap({ campaignId: campaign.id, district, districts: rollups.districts, publicOnly: false, title: `${district.name}项目和园区位置图` });

  return (
    <div className="space-y-6">
      <CityPageHeader ctx={ctx} path={path} title={`${district.name} · ${monthLabel(view.month)}`} subtitle={`${DISTRICT_KIND_LABELS[district.kind]} · 各项指标${ytd}完成情况，点击指标查看逐条记录`} extra={{ indicator: chosen?.code }}>
        <p className="mb-1 text-sm">
          <Link href={cityHref("/city", view)} className="text-brand-700 underline">← 全市总览</Link>
          {chosen && (
            <>
              <span className="mx-2 text-slate-400">/</span>
              <Link href={cityHref(`/city/indicators/${chosen.code}`, view)} className="text-brand-700 underline">{chosen.name}（分区县）</Link>
            </>
          )}
        </p>
      </CityPageHeader>
      <PageTools exportHref={districtExportUrl(district.code, view)} />

      <section aria-labelledby="months-heading" className="rounded-lg border border-slate-200 bg-white px-4 py-3">
        <h2 id="months-heading" className="text-sm font-semibold">月报状态</h2>
        <ol className="mt-2 flex flex-wrap gap-x-3 gap-y-2 text-xs">
          {statuses.map((s) => (
            <li key={s.month} className="flex items-center gap-1 rounded border border-slate-100 px-1.5 py-0.5">
              <span className="text-slate-600">{monthNumber(s.month)}月</span>
              <ReportStateBadge state={s.status ? monthState(s.locked, s.status) : null} />
            </li>
          ))}
        </ol>
      </section>

      <PointMapFigure id="district-map" heading={`${district.name}项目和园区位置`} map={located.map} points={located.points} />

      {chosen && <ChosenIndicator chosenCode={chosen.code} ctx={ctx} districtId={district.id} districtName={district.name} />}

      <section aria-labelledby="all-heading" className="rounded-lg border border-slate-200 bg-white">
        <h2 id="all-heading" className="border-b border-slate-100 px-4 py-2.5 text-base font-semibold">{district.name}全部指标 · {ytd}</h2>
        <DataTable density="compact" caption={<>{district.name}各指标{ytd}完成情况</>} head={<>
              <tr>
                <th scope="col">指标</th>
                <th scope="col" className="num">{ytd}完成</th>
                <th scope="col" className="num">区县目标</th>
                <th scope="col" className="num w-28">完成率</th>
                <th scope="col">状态与原因</th>
                <th scope="col">记录</th>
              </tr>
        </>}>
              {rollups.indicators.map((ind) => {
                const v = ind.rollup.districts.get(district.id)!;
                const selected = ind.code === chosen?.code;
                const href = cityHref(path, view, { indicator: ind.code });
                return (
                  <tr key={ind.code} data-indicator={ind.code} className={`border-b border-slate-100 last:border-0 ${selected ? "bg-sky-50 outline-2 -outline-offset-2 outline-sky-300" : ""}`}>
                    <th scope="row">
                      <Link href={href} aria-current={selected ? "true" : undefined} className="text-slate-900 underline decoration-slate-300 underline-offset-2 hover:text-brand-700">{ind.name}</Link>
                      <span className="block text-xs text-slate-500">{KIND_LABELS[ind.kind]}</span>
                    </th>
                    <td className="num whitespace-nowrap"><Link href={href} className="font-semibold text-slate-900 no-underline hover:underline">{formatActual(ind, v.actual)}</Link></td>
                    <td className="num whitespace-nowrap">{formatStaffTarget(ind, v.target)}</td>
                    <td className="num whitespace-nowrap">
                      {formatShare(v.pace.share)}
                      {v.pace.status !== "no_target" && <ProgressBar share={v.pace.share} expected={ind.aggregation === "ratio" ? 1 : v.pace.expected} status={v.pace.status} />}
                    </td>
                    <td>
                      <PaceBadge status={v.pace.status} reason={v.pace.reason} />
                      {(v.pace.status === "no_target" || v.pace.status === "no_data") && <span className="ml-1 text-xs text-slate-600">{v.pace.reason}</span>}
                    </td>
                    <td><Link href={href} className="text-xs text-brand-700 underline">查看记录</Link></td>
                  </tr>
                );
              })}
        </DataTable>
      </section>
    </div>
  );
}

async function ChosenIndicator({ chosenCode, ctx, districtId, districtName }: { chosenCode: string; ctx: NonNullable<Awaited<ReturnType<typeof loadCityContext>>>; districtId: number; districtName: string }) {
  const { campaign, view, rollups } = ctx;
  const ind = rollups.indicators.find((i) => i.code === chosenCode)!;
  const v = ind.rollup.districts.get(districtId)!;
  const unit = unitOf(ind);
  const isRatio = ind.aggregation === "ratio";
  const details = await getIndicatorDetails(campaign.id, ind.code);
  const ytd = ytdLabel(view.month);
  const caption = `${districtName}${ind.name}的记录（${ytd}${view.include ? "，含未审核" : "，仅已审核"}）`;
  const reported = ind.kind === "reported" ? await listReportValues(campaign.id, districtId, ind.id, view.month, view.mode) : null;
  const derived = ind.kind !== "reported" && ind.derivation ? await listDerivedRecords(campaign.id, campaign.year, districtId, view.month, view.mode, ind.derivation) : null;
  const count = reported ? reported.length : (derived?.rows.length ?? 0);
  const projectCount = derived?.kind === "investment" ? new Set(derived.rows.map((r) => r.projectId)).size : null;

  return (
    <section aria-labelledby="records-heading" className="rounded-lg border border-brand-100 bg-white">
      <div className="border-b border-slate-100 px-4 py-3">
        <h2 id="records-heading" className="text-base font-semibold">{ind.name} · {districtName}</h2>
        <p className="mt-0.5 text-xs text-slate-600">{describeDerivation(ind.kind, ind.derivation)}{ind.ownerDepartmentName ? ` 责任单位：${ind.ownerDepartmentName}。` : ""}</p>
        <dl className="mt-3 flex flex-wrap gap-x-8 gap-y-2 text-sm">
          <div>
            <dt className="text-xs text-slate-500">{isRatio ? `比率（截至${monthLabel(view.month)}）` : `${ytd}累计`}</dt>
            <dd data-district-actual className="tabular text-xl font-bold">{isRatio ? formatActual(ind, v.actual) : formatExact(v.actual, unit)}</dd>
          </div>
          {isRatio && (
            <div>
              <dt className="text-xs text-slate-500">{ind.numeratorLabel} ÷ {ind.denominatorLabel}</dt>
              <dd className="tabular text-base">{formatExact(v.numerator, details?.partUnit ?? { symbol: "", scale: 1 })} ÷ {formatExact(v.denominator, details?.partUnit ?? { symbol: "", scale: 1 })}</dd>
            </div>
          )}
          <div>
            <dt className="text-xs text-slate-500">区县目标</dt>
            <dd className="tabular text-base">{formatStaffTarget(ind, v.target)}</dd>
          </div>
          <div>
            <dt className="text-xs text-slate-500">完成率</dt>
            <dd className="tabular text-base">{formatShare(v.pace.share)}{!isRatio && v.pace.status !== "no_target" ? `（序时 ${formatPercent(v.pace.expected)}）` : ""}</dd>
          </div>
          <div>
            <dt className="text-xs text-slate-500">状态</dt>
            <dd className="mt-1"><PaceBadge status={v.pace.status} reason={v.pace.reason} /></dd>
          </div>
        </dl>
      </div>
      <h3 className="px-4 pt-3 text-sm font-semibold">
        明细记录 <span className="font-normal text-slate-600">共 <span data-records-count>{count}</span> 条{projectCount != null ? `（${projectCount} 个项目的月度完成投资）` : ""}{view.include ? "（含未审核月份）" : "（仅已审核月份；切换“含未审核数据”可看到其余记录）"}</span>
      </h3>
      <div className="mt-2">
        {reported && count > 0 && <ReportValues caption={caption} rows={reported} month={view.month} ratio={isRatio} unit={unit} partUnit={details?.partUnit ?? null} numeratorLabel={ind.numeratorLabel} denominatorLabel={ind.denominatorLabel} />}
        {derived && count > 0 && <DerivedRecordList caption={caption} records={derived} month={view.month} year={campaign.year} />}
        {count === 0 && <p className="px-4 py-3 text-sm text-slate-600">没有计入的记录。</p>}
      </div>
    </section>
  );
}
