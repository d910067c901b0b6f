import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getDict, pickName } from "@/app/_lib/i18n";
import { localePath } from "@/app/_lib/locale";
import { PublicShell } from "@/app/(public)/_components/public-shell";
import { describeIndicatorTarget, formatPercentHalfUp, formatValue, unitSymbol } from "@/domain/format";
import { PaceBar } from "@/app/(public)/_components/pace-bar";
import { CorrectedMark } from "@/app/(public)/_components/corrected-mark";
import { IndicatorChart } from "@/app/(public)/_components/indicator-chart";
import { IndicatorByDistrict } from "@/app/(public)/_components/district-tables";
import { topActionOf } from "@/app/_lib/public/public-data";
import { loadCodePage, pageMetadata } from "@/app/_lib/public/page";

type Params = Promise<{ locale: string; code: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale, ctx, code } = await loadCodePage(params);
  const ind = ctx.indicators.find((i) => i.code === code);
  if (!ind) return {};
  return pageMetadata(locale, pickName(locale, ind.name, ind.nameEn), `/indicators/${encodeURIComponent(ind.code)}`);
}

export default async function IndicatorPage({ params }: { params: Params }) {
  const { locale, ctx, code } = await loadCodePage(params);
  const t = getDict(locale);
  // Only public indicators are in the context: a private one is simply not found.
  const ind = ctx.indicators.find((i) => i.code === code);
  if (!ind) notFound();
  const name = pickName(locale, ind.name, ind.nameEn);
  const action = topActionOf(ctx, ind.actionId);
  const isRate = ind.aggregation === "ratio";
  const target = describeIndicatorTarget(ind, ind.city.target, ctx.campaign.year, t.target, locale);
  const ytd = t.months.ytd(ctx.month);
  const unit = unitSymbol(ind.unit, locale);
  return (
    <PublicShell locale={locale} path={`/indicators/${encodeURIComponent(ind.code)}`} section="actions" ctx={ctx}>
      {action && (
        <p className="mt-6 text-sm">
          <span className="text-slate-600">{t.indicator.action}{t.common.colon}</span>
          <a href={localePath(locale, `/actions/${encodeURIComponent(action.code)}`)} className="text-brand-700 underline">
            {pickName(locale, action.name, action.nameEn)}
          </a>
        </p>
      )}
      <h1 className="mt-1 text-2xl font-bold text-slate-900 sm:text-3xl">{name}</h1>
      <p className="mt-1 text-sm text-slate-600">
        {t.indicator.kindLabel}{t.common.colon}{t.kind[ind.kind]}
        {unit && <> · {t.common.unit}{t.common.colon}{unit}</>}
        {isRate && ind.numeratorLabel && ind.denominatorLabel && locale === "zh" && <> · {t.indicator.ratioParts(ind.numeratorLabel, ind.denominatorLabel)}</>}
      </p>
      {ind.description && locale === "zh" && <p className="mt-2 max-w-3xl text-slate-700">{ind.description}</p>}

      <section aria-labelledby="city" className="mt-6 rounded-lg border border-slate-200 bg-white p-4 sm:p-5">
        <h2 id="city" className="text-lg font-semibold">{t.indicator.cityFigure}</h2>
        <dl className="mt-3 grid gap-4 sm:grid-cols-3">
          <div>
            <dt className="text-sm text-slate-600">{isRate ? t.indicator.currentLevel(ytd) : t.indicator.ytdDone(ytd)}</dt>
            <dd data-city-actual className="tabular break-keep text-3xl font-bold text-slate-900">{formatValue(ind, ind.city.actual, locale)}</dd>
            {ind.city.month > 0 && (
              <dd>
                <CorrectedMark locale={locale} at={ind.city.correctedAt[ind.city.month - 1]} indicatorCode={ind.code} />
              </dd>
            )}
          </div>
          <div>
            <dt className="text-sm text-slate-600">{t.indicator.annualTarget}</dt>
            <dd className="tabular break-keep text-xl font-semibold text-slate-900">{target.main}</dd>
            {target.conditions.map((c) => (
              <dd key={c} className="text-xs text-slate-600">{c}</dd>
            ))}
          </div>
          <div>
            <dt className="text-sm text-slate-600">{t.indicator.status}</dt>
            <dd>
              <PaceBar pace={ind.city.pace} isRate={isRate} locale={locale} rate={isRate ? ind.city.actual : null} />
              {ind.city.growth != null && <span className="mt-1 block text-xs text-slate-700">{t.pace.growth(formatPercentHalfUp(ind.city.growth, locale))}</span>}
              {ind.city.multiple != null && <span className="mt-1 block text-xs text-slate-700">{t.pace.multiple(ind.city.multiple.toFixed(2))}</span>}
            </dd>
          </div>
        </dl>
        <p className="mt-3 text-xs text-slate-600">{t.indicator.districtsReporting(ind.city.districtsReporting, ctx.districts.length)}</p>
        {ind.sourceNote && locale === "zh" && <p className="mt-1 text-xs text-slate-600">{t.indicator.source}{t.common.colon}{ind.sourceNote}</p>}
      </section>

      <section aria-labelledby="trend" className="mt-6 rounded-lg border border-slate-200 bg-white p-3 sm:p-5">
        <h2 id="trend" className="text-lg font-semibold">{t.indicator.trendHeading}</h2>
        <div className="mt-2 max-w-3xl">
          <IndicatorChart locale={locale} ind={ind} area={ind.city} title={t.indicator.chartTitle(name)} year={ctx.campaign.year} />
        </div>
      </section>

      <section aria-labelledby="by-district" className="mt-6">
        <h2 id="by-district" className="mb-3 text-lg font-semibold">{t.indicator.byDistrictHeading}</h2>
        <IndicatorByDistrict locale={locale} ctx={ctx} ind={ind} caption={t.indicator.byDistrictCaption(name, ytd)} />
      </section>

      <p className="mt-6 text-sm">
        <a href={`/api/v1/indicators.csv?indicator=${encodeURIComponent(ind.code)}`} className="text-brand-700 underline">
          {t.indicator.openData}
        </a>{" "}
        <span className="text-slate-600">(CSV · </span>
        <a href={`/api/v1/indicators.json?indicator=${encodeURIComponent(ind.code)}`} className="text-brand-700 underline">JSON</a>
        <span className="text-slate-600">)</span>
        {ind.corrections.length > 0 && (
          <>
            {" · "}
            <a href={localePath(locale, `/corrections/${encodeURIComponent(ind.code)}`)} className="text-brand-700 underline">{t.corrections.title}</a>
          </>
        )}
      </p>
    </PublicShell>
  );
}
