import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getDict, pickName } from "@/app/_lib/i18n";
import { localePath } from "@/app/_lib/locale";
import { PublicShell } from "@/app/(public)/_components/public-shell";
import { describeIndicatorTarget, formatValue } from "@/domain/format";
import { PaceBar } from "@/app/(public)/_components/pace-bar";
import { IndicatorChart } from "@/app/(public)/_components/indicator-chart";
import { DistrictMatrix } from "@/app/(public)/_components/district-tables";
import { loadCodePage, pageMetadata } from "@/app/_lib/public/page";

type Params = Promise<{ locale: string; code: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale, ctx, code } = await loadCodePage(params);
  const a = ctx.topActions.find((x) => x.code === code);
  if (!a) return {};
  return pageMetadata(locale, pickName(locale, a.name, a.nameEn), `/actions/${encodeURIComponent(a.code)}`);
}

export default async function ActionPage({ params }: { params: Params }) {
  const { locale, ctx, code } = await loadCodePage(params);
  const t = getDict(locale);
  const action = ctx.topActions.find((x) => x.code === code);
  if (!action) notFound();
  const name = pickName(locale, action.name, action.nameEn);
  const subs = ctx.actions.filter((s) => s.parentId === action.id);
  const inds = ctx.indicators.filter((i) => i.topActionId === action.id);
  const headline = inds.filter((i) => i.isHeadline);
  const charted = headline.length > 0 ? headline : inds;
  const ytd = t.months.ytd(ctx.month);
  return (
    <PublicShell locale={locale} path={`/actions/${encodeURIComponent(action.code)}`} section="actions" ctx={ctx}>
      <p className="mt-6 text-sm">
        <a href={localePath(locale, "/actions")} className="text-brand-700 underline">{t.actions.title}</a>
      </p>
      <h1 className="mt-1 text-2xl font-bold text-slate-900 sm:text-3xl">{name}</h1>
      {action.leadDepartment && <p className="mt-1 text-sm text-slate-600">{t.common.leadDepartment(pickName(locale, action.leadDepartment, action.leadDepartmentEn))}</p>}
      <p className="mt-3 max-w-3xl text-slate-700">{pickName(locale, action.summary, action.summaryEn)}</p>
      {subs.length > 0 && (
        <ul aria-label={t.common.subActions} className="mt-3 flex flex-wrap gap-1.5">
          {subs.map((s) => (
            <li key={s.code} className="rounded-full bg-slate-100 px-2.5 py-0.5 text-xs text-slate-700">{pickName(locale, s.name, s.nameEn)}</li>
          ))}
        </ul>
      )}

      {inds.length === 0 ? (
        <p className="mt-6 rounded border border-dashed border-slate-300 bg-white px-3 py-2 text-sm text-slate-600">{t.common.noIndicators}</p>
      ) : (
        <>
          <section aria-labelledby="indicators" className="mt-8">
            <h2 id="indicators" className="text-lg font-semibold">{t.actions.indicatorsHeading}</h2>
            <ul className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
              {inds.map((i) => {
                const target = describeIndicatorTarget(i, i.city.target, ctx.campaign.year, t.target, locale);
                return (
                  <li key={i.code} data-indicator={i.code} className="rounded-lg border border-slate-200 bg-white p-4">
                    <h3 className="text-sm font-medium">
                      <a href={localePath(locale, `/indicators/${encodeURIComponent(i.code)}`)} className="text-slate-900 hover:text-brand-700 hover:underline">
                        {pickName(locale, i.name, i.nameEn)}
                      </a>
                    </h3>
                    <p className="mt-2 flex flex-wrap items-baseline gap-x-2">
                      <span data-actual className="tabular break-keep text-2xl font-bold text-slate-900">{formatValue(i, i.city.actual, locale)}</span>
                      <span className="text-sm text-slate-600">/ {target.main}</span>
                    </p>
                    {target.conditions.map((c) => (
                      <p key={c} className="text-xs text-slate-600">{c}</p>
                    ))}
                    <PaceBar pace={i.city.pace} isRate={i.aggregation === "ratio"} locale={locale} rate={i.aggregation === "ratio" ? i.city.actual : null} />
                  </li>
                );
              })}
            </ul>
          </section>

          <section aria-labelledby="trend" className="mt-8">
            <h2 id="trend" className="text-lg font-semibold">{t.actions.trendHeading}</h2>
            <div className="mt-3 grid gap-6 lg:grid-cols-2">
              {charted.map((i) => (
                <div key={i.code} className="rounded-lg border border-slate-200 bg-white p-3">
                  <h3 className="text-sm font-medium">{pickName(locale, i.name, i.nameEn)}</h3>
                  <IndicatorChart locale={locale} ind={i} area={i.city} title={t.actions.chartTitle(pickName(locale, i.name, i.nameEn), ytd)} year={ctx.campaign.year} />
                </div>
              ))}
            </div>
          </section>

          <section aria-labelledby="by-district" className="mt-8">
            <h2 id="by-district" className="mb-3 text-lg font-semibold">{t.actions.byDistrictHeading}</h2>
            <DistrictMatrix locale={locale} ctx={ctx} indicators={charted} caption={t.actions.byDistrictCaption(name, ytd)} />
          </section>
        </>
      )}
    </PublicShell>
  );
}
