import { CumulativeChart } from "@/components/charts/cumulative-chart";
import { getDict, pickName } from "@/app/_lib/i18n/index";
import type { Locale } from "@/app/_lib/locale";
import { expectedShare } from "@/domain/pace";
import type { PublicArea, PublicIndicator } from "@/app/_lib/public/public-data";
import { formatPercentHalfUp, formatValue, unitSymbol } from "@/domain/format";
import { DataTable } from "@/components/ui/data-table";

/** Display-unit series of an area: cumulative actual (ratios: the level in %) and the plan line. */
export function chartSeries(ind: PublicIndicator, area: PublicArea): { actual: (number | null)[]; plan: (number | null)[] } {
  const n = area.series.length;
  const round = (x: number) => Math.round(x * 100) / 100;
  if (ind.aggregation === "ratio") {
    return {
      actual: area.series.map((v) => (v == null ? null : round(v * 100))),
      plan: new Array<number | null>(n).fill(area.target == null ? null : round(area.target / ind.unit.scale)),
    };
  }
  const plan = ind.cityTarget?.monthlyPlan ?? null;
  return {
    actual: area.series.map((v) => (v == null ? null : round(v / ind.unit.scale))),
    plan: Array.from({ length: n }, (_, i) => (area.target == null ? null : round((area.target * expectedShare(i + 1, plan)) / ind.unit.scale))),
  };
}

/** The trend chart (server-rendered SVG) with its numbers as a table for anyone who cannot see it. */
export function IndicatorChart({ locale, ind, area, title, year }: { locale: Locale; ind: PublicIndicator; area: PublicArea; title: string; year: number }) {
  const t = getDict(locale);
  const isRate = ind.aggregation === "ratio";
  const { actual, plan } = chartSeries(ind, area);
  const months = area.series.map((_, i) => t.months.short(i + 1));
  const unit = isRate ? "%" : unitSymbol(ind.unit, locale);
  const name = pickName(locale, ind.name, ind.nameEn);
  const planLabel = isRate ? t.indicator.targetLevel : t.indicator.plan;
  const actualLabel = isRate ? t.indicator.rateSeries : t.indicator.cumulative;
  return (
    <div className="min-w-0">
      <div className="[&_svg]:h-auto [&_svg]:w-full">
        <CumulativeChart title={title} months={months} actual={actual} plan={plan} unit={unit} actualLabel={actualLabel} planLabel={planLabel} width={560} height={260} />
      </div>
      <details className="mt-1 text-sm">
        <summary className="cursor-pointer text-brand-700 underline">{t.indicator.chartTableCaption(name)}</summary>
        <DataTable caption={t.indicator.chartTableCaption(name)} density="dense" wrapClassName="mt-2" columns={[t.common.month, !isRate && { label: t.indicator.monthValue, num: true }, { label: actualLabel, num: true }, { label: planLabel, num: true }]}>
              {area.series.map((v, i) => {
                const m = `${year}-${String(i + 1).padStart(2, "0")}`;
                const p = area.target == null ? null : isRate ? area.target : Math.round(area.target * expectedShare(i + 1, ind.cityTarget?.monthlyPlan ?? null));
                return (
                  <tr key={m}>
                    <th scope="row">{t.months.label(m)}</th>
                    {!isRate && <td className="num">{formatValue(ind, area.monthly[i] ?? null, locale)}</td>}
                    <td className="num">{formatValue(ind, v, locale)}</td>
                    <td className="num">{p == null ? "—" : isRate ? formatPercentHalfUp(p / ind.unit.scale / 100, locale) : formatValue(ind, p, locale)}</td>
                  </tr>
                );
              })}
        </DataTable>
      </details>
    </div>
  );
}
