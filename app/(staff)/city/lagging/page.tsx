import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission, type SessionUser } from "@/app/_lib/guards";
import { monthLabel, ytdLabel } from "@/domain/months";
import { can } from "@/domain/policy";
import { cityHref, firstParam, type SearchParams } from "../_components/city-params";
import { FLAG_LIST_ID, FlagLine, FlagList, FlagMark, FlagNotice } from "../_components/flag-mark";
import { loadForecasts } from "../_components/forecast-load";
import { ForecastCell, ForecastMethod, forecastScopeText } from "../_components/forecast-view";
import { formatActual, formatGap, formatStaffTarget } from "@/domain/format";
import { loadCityContext, loadCityFlags } from "../_components/load";
import { PaceBadge } from "../_components/pace-badge";
import { PaceLegend } from "../_components/pace-legend";
import { CityPageHeader, NoCampaign } from "../_components/page-header";
import { PageTools } from "../export/page-tools";
import { laggingExportUrl } from "../export/urls";
import { DataTable } from "@/components/ui/data-table";
import { KeptCityPage } from "../_components/kept-page";

export const metadata: Metadata = { title: "滞后清单" };


const SCOPES = { all: "全市和区县", city: "仅全市", districts: "仅区县" } as const;
type Scope = keyof typeof SCOPES;
const PAGE_SIZE = 50;

export default async function LaggingPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePermission("city.read", {}, { next: "/city/lagging" });
  const sp = await searchParams;
  return (
    <KeptCityPage page="/city/lagging" reader={user} params={sp}>
      <LaggingBody user={user} sp={sp} />
    </KeptCityPage>
  );
}

async function LaggingBody({ user, sp }: { user: SessionUser; sp: SearchParams }) {
  const ctx = await loadCityContext(sp);
  if (!ctx) return <NoCampaign />;
  const { campaign, view, rollups } = ctx;
  const [flags, forecasts] = await Promise.all([loadCityFlags(ctx), loadForecasts(campaign.id, view.month)]);
  const reviewHref = can(user, "report.approve", { state: "submitted" }) ? `/city/review?month=${view.month}` : null;
  const scopeParam = firstParam(sp.scope);
  const scope: Scope = scopeParam === "city" || scopeParam === "districts" ? scopeParam : "all";

  // Every indicator × area behind pace (yellow or red), worst (largest gap) first.
  const items = rollups.indicators.flatMap((ind) => {
    const city = { ind, area: "city" as const, code: null, districtId: null, name: "全市", unit: ind.ownerDepartmentName ?? "（未指定责任单位）", v: ind.rollup.city, href: cityHref(`/city/indicators/${ind.code}`, view) };
    const ds = rollups.districts.map((d) => ({ ind, area: "district" as const, code: d.code, districtId: d.id, name: d.name, unit: d.name, v: ind.rollup.districts.get(d.id)!, href: cityHref(`/city/districts/${d.code}`, view, { indicator: ind.code }) }));
    return [...(scope === "districts" ? [] : [city]), ...(scope === "city" ? [] : ds)];
  });
  const behind = items
    .filter((x) => (x.v.pace.status === "behind" || x.v.pace.status === "lagging") && x.v.pace.gapPoints != null)
    .sort((a, b) => a.v.pace.gapPoints! - b.v.pace.gapPoints! || a.ind.name.localeCompare(b.ind.name, "zh-CN"));
  const red = behind.filter((x) => x.v.pace.status === "lagging").length;
  const judged = items.filter((x) => x.v.pace.status !== "no_target");
  const noData = judged.filter((x) => x.v.pace.status === "no_data").length;
  const emptyText =
    judged.length === 0
      ? "各项指标均未设定目标，不评价序时进度，因此没有滞后清单。"
      : `设定目标的指标中没有落后于序时进度的${noData > 0 ? `（另有 ${noData} 项暂无数据、无法评价）` : ""}。`;
  const pages = Math.max(1, Math.ceil(behind.length / PAGE_SIZE));
  const pageParam = Number(firstParam(sp.page));
  const page = Number.isInteger(pageParam) && pageParam >= 1 && pageParam <= pages ? pageParam : 1;
  const shown = behind.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const pageHref = (n: number) => cityHref("/city/lagging", view, { scope: scope === "all" ? undefined : scope, page: n === 1 ? undefined : String(n) });

  return (
    <div className="space-y-5">
      <CityPageHeader ctx={ctx} path="/city/lagging" title={`滞后清单 · ${monthLabel(view.month)}`} subtitle={`${ytdLabel(view.month)}落后于序时进度（比率指标：低于目标值）的指标和区县，差距最大的在前。共 ${behind.length} 项，其中严重落后 ${red} 项。`} extra={{ scope: scope === "all" ? undefined : scope }}>
        <p className="mb-1 text-sm">
          <Link href={cityHref("/city", view)} className="text-brand-700 underline">← 全市总览</Link>
        </p>
      </CityPageHeader>
      <PageTools exportHref={laggingExportUrl({ ...view, area: scope === "all" ? null : scope })} />
      <PaceLegend warnBp={campaign.paceWarnBp} />
      {view.include && flags.index.shown.length > 0 && <FlagLine flags={flags.index.shown} month={view.month} reviewHref={reviewHref} />}
      {!view.include && <FlagNotice pending={flags.pending} includeHref={`${cityHref("/city/lagging", { ...view, include: true }, { scope: scope === "all" ? undefined : scope })}#${FLAG_LIST_ID}`} reviewHref={reviewHref} />}
      <nav aria-label="范围" className="flex flex-wrap gap-2 text-sm">
        {(Object.keys(SCOPES) as Scope[]).map((s) => (
          <Link key={s} href={cityHref("/city/lagging", view, { scope: s === "all" ? undefined : s })} aria-current={s === scope ? "page" : undefined} className={`rounded-full border px-3 py-1 no-underline ${s === scope ? "border-brand-700 bg-brand-700 text-white" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-100"}`}>
            {SCOPES[s]}
          </Link>
        ))}
      </nav>
      <DataTable density="compact" nowrapHead className="lag" caption={<>滞后清单：{SCOPES[scope]}，按落后差距从大到小排列，共 {behind.length} 项，第 {page}/{pages} 页</>} look="framed" head={<>
            <tr>
              <th scope="col" className="num">序号</th>
              <th scope="col">指标</th>
              <th scope="col">范围</th>
              <th scope="col" className="num">{ytdLabel(view.month)}完成</th>
              <th scope="col" className="num">目标</th>
              <th scope="col" className="num">差距</th>
              <th scope="col">状态与原因</th>
              <th scope="col">年末预测</th>
              <th scope="col">责任单位</th>
            </tr>
      </>}>
            {behind.length === 0 && (
              <tr>
                <td colSpan={9} className="py-6 text-center text-slate-600">{emptyText}</td>
              </tr>
            )}
            {shown.map((x, i) => (
              <tr key={`${x.ind.code}-${x.code ?? "city"}`} data-indicator={x.ind.code} data-area={x.code ?? "city"} data-severe={x.v.pace.status === "lagging" || undefined}>
                <td className="num">{(page - 1) * PAGE_SIZE + i + 1}</td>
                <th scope="row">
                  <a href={x.href}>{x.ind.name}</a>
                </th>
                <td className="whitespace-nowrap">{x.area === "city" ? <strong>全市</strong> : x.name}</td>
                <td className="num">
                  {formatActual(x.ind, x.v.actual)}
                  <FlagMark flags={x.code == null ? flags.index.city(x.ind.id) : flags.index.cell(x.ind.id, x.districtId!)} label={`${x.name}${x.ind.name}`} />
                </td>
                <td className="num">{formatStaffTarget(x.ind, x.v.target)}</td>
                <td data-gap className="num">{formatGap(x.v.pace.gapPoints)}</td>
                <td className="min-w-56"><PaceBadge status={x.v.pace.status} reason={x.v.pace.reason} /></td>
                <td data-forecast><ForecastCell forecasts={forecasts} code={x.ind.code} districtId={x.districtId} /></td>
                <td className="min-w-36">
                  {x.unit}
                  {x.area === "district" && x.ind.ownerDepartmentName && <span className="sub">牵头：{x.ind.ownerDepartmentName}</span>}
                  {x.area === "district" && (
                    <a data-order href={`/city/orders/new?subject=indicator&indicator=${x.ind.code}&district=${x.code}&month=${view.month}`}>
                      下达督办<span className="sr-only">：{x.name}{x.ind.name}</span>
                    </a>
                  )}
                </td>
              </tr>
            ))}
      </DataTable>
      {pages > 1 && (
        <nav aria-label="分页" className="flex items-center justify-between text-sm">
          <span className="text-slate-600">第 {(page - 1) * PAGE_SIZE + 1}—{Math.min(page * PAGE_SIZE, behind.length)} 项，共 {behind.length} 项</span>
          <span className="flex gap-1">
            {Array.from({ length: pages }, (_, i) => i + 1).map((n) => (
              <Link key={n} href={pageHref(n)} aria-current={n === page ? "page" : undefined} className={`rounded border px-2.5 py-1 no-underline ${n === page ? "border-brand-700 bg-brand-700 text-white" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-100"}`}>
                <span className="sr-only">第</span>{n}<span className="sr-only">页</span>
              </Link>
            ))}
          </span>
        </nav>
      )}
      <div className="text-sm text-slate-600">年末预测：全市{forecastScopeText(forecasts, view.include)}区县按本区县最近一个有已审核数据的月份推算。<ForecastMethod /></div>
      {view.include && <FlagList flags={flags.index.shown} reviewHref={reviewHref} />}
    </div>
  );
}
