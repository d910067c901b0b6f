/**
 * One action's indicators on the city dashboard: target, year-to-date actual, % of target,
 * 序时, status in words, growth and multiple. Every number links to the indicator's drill-down.
 * Sixty rows of this are the dashboard's bulk, sent twice (HTML and the inlined React payload):
 * the links are plain anchors styled by the `.dash` rules in app/globals.css (no class list
 * per link, no client component per link, no prefetch of sixty drill-downs), and secondary
 * lines use `.sub`.
 */
import type { IndicatorWithRollup } from "@/app/_lib/city-data";
import { FlagMark } from "./flag-mark";
import type { FlagIndex } from "./flags";
import { describeTarget, formatActual, formatMultiple, formatPercent, unitOf } from "@/domain/format";
import { PaceBadge } from "./pace-badge";
import { ProgressBar } from "./progress-bar";
import { INDICATOR_KIND_LABELS as KIND_LABELS } from "@/domain/labels";
import { DataTable } from "@/components/ui/data-table";


export function DashboardTable({ caption, indicators, year, ytd, href, flags }: { caption: string; indicators: IndicatorWithRollup[]; year: number; ytd: string; href: (code: string) => string; flags?: FlagIndex }) {
  return (
    <DataTable density="compact" caption={caption} className="dash min-w-[60rem] table-fixed" head={<>
          <tr>
            <th scope="col">指标</th>
            <th scope="col" className="num">{year}年目标</th>
            <th scope="col" className="num">{ytd}完成</th>
            <th scope="col" className="num">完成率</th>
            <th scope="col" className="num">序时进度</th>
            <th scope="col">状态</th>
            <th scope="col" className="num">同比增长</th>
            <th scope="col" className="num">基数倍数</th>
          </tr>
    </>} colgroup={<colgroup>
          <col className="w-[17%]" />
          <col className="w-[11%]" />
          <col className="w-[11%]" />
          <col className="w-[8%]" />
          <col className="w-[7%]" />
          <col className="w-[23%]" />
          <col className="w-[14%]" />
          <col className="w-[9%]" />
        </colgroup>}>
          {indicators.map((ind) => (
            <IndicatorRow key={ind.code} ind={ind} year={year} href={href(ind.code)} flags={flags} />
          ))}
    </DataTable>
  );
}

function IndicatorRow({ ind, year, href, flags }: { ind: IndicatorWithRollup; year: number; href: string; flags?: FlagIndex }) {
  const c = ind.rollup.city;
  const t = ind.cityTarget;
  const target = describeTarget(
    { decimals: ind.decimals, unit: unitOf(ind), targetValue: t?.targetValue ?? null, baselineValue: t?.baselineValue ?? null, growthTargetBp: t?.growthTargetBp ?? null, multipleTargetPct: t?.multipleTargetPct ?? null },
    year,
  );
  const isRatio = ind.aggregation === "ratio";
  const hasTarget = c.pace.status !== "no_target";
  return (
    <tr data-indicator={ind.code}>
      <th scope="row">
        <a href={href}>{ind.name}</a>
        <span className="sub">
          {KIND_LABELS[ind.kind]}
          {ind.ownerDepartmentName ? ` · ${ind.ownerDepartmentName}` : ""}
        </span>
      </th>
      <td className="num">
        {t?.targetValue != null ? <a href={href}>{target.main}</a> : <span className="text-slate-500">{target.main}</span>}
      </td>
      <td className="num">
        <a href={href} data-actual>{formatActual(ind, c.actual)}</a>
        {flags && <FlagMark flags={flags.city(ind.id)} label={ind.name} />}
        {isRatio && <span className="sub">Σ分子 ÷ Σ分母</span>}
      </td>
      <td className="num">
        {c.pace.share != null ? <a href={href} data-share>{formatPercent(c.pace.share)}</a> : <span className="text-slate-500">—</span>}
        {hasTarget && <ProgressBar share={c.pace.share} expected={isRatio ? 1 : c.pace.expected} status={c.pace.status} />}
      </td>
      <td className="num">
        {!hasTarget ? "—" : formatPercent(c.pace.expected)}
        {hasTarget && isRatio && <span className="sub">目标值</span>}
        {!isRatio && t?.monthlyPlan && <span className="sub">按月度计划</span>}
      </td>
      <td>
        <PaceBadge status={c.pace.status} reason={c.pace.reason} />
        {(c.pace.status === "no_target" || c.pace.status === "no_data") && <span className="ml-1 text-xs text-slate-600">{c.pace.reason}</span>}
      </td>
      <td className="num">
        <GrowthCell ind={ind} />
      </td>
      <td className="num">
        <MultipleCell ind={ind} />
      </td>
    </tr>
  );
}

function GrowthCell({ ind }: { ind: IndicatorWithRollup }) {
  const c = ind.rollup.city;
  const goal = ind.cityTarget?.growthTargetBp;
  const goalText = goal != null ? <span className="sub">目标 ≥{(goal / 100).toFixed(1)}%</span> : null;
  if (ind.aggregation === "ratio") return <span className="text-xs text-slate-500">比率指标不计增长</span>;
  if (c.growth != null) {
    const behind = goal != null && c.growth * 10000 < goal;
    return (
      <>
        {behind ? <span className="text-lagging">{`${c.growth >= 0 ? "+" : ""}${formatPercent(c.growth)}`}</span> : `${c.growth >= 0 ? "+" : ""}${formatPercent(c.growth)}`}
        {behind && <span className="sr-only">（低于增长目标）</span>}
        {goalText}
      </>
    );
  }
  return (
    <>
      <span className="text-xs whitespace-normal text-slate-600">{c.actual == null ? "暂无数据" : "上年同期数据未录入"}</span>
      {goalText}
    </>
  );
}

function MultipleCell({ ind }: { ind: IndicatorWithRollup }) {
  const t = ind.cityTarget;
  if (t?.multipleTargetPct == null) return <span className="text-slate-400">—</span>;
  const goal = <span className="sub">目标 ≥{t.multipleTargetPct / 100} 倍</span>;
  if (t.baselineValue == null) {
    return (
      <>
        <span className="rounded border border-amber-300 bg-amber-50 px-1 py-0.5 text-xs whitespace-nowrap text-amber-900">基数待录入</span>
        {goal}
      </>
    );
  }
  const m = ind.rollup.city.multiple;
  return (
    <>
      {m == null ? "暂无数据" : formatMultiple(m)}
      {goal}
    </>
  );
}
