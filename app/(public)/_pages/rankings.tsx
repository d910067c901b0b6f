import type { Metadata } from "next";
import { getDict, pickName } from "@/app/_lib/i18n";
import { PublicShell } from "@/app/(public)/_components/public-shell";
import { IndicatorRankTable, MethodSection, OverallTable } from "@/app/(public)/_components/ranking-tables";
import { PublicPaceMap } from "@/app/(public)/_components/public-map";
import { getPublicContext } from "@/app/_lib/public/public-data";
import { getPublicRankings } from "@/app/_lib/public/rankings-data";
import { pageLocale, pageMetadata } from "@/app/_lib/public/page";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const locale = await pageLocale(params);
  return pageMetadata(locale, getDict(locale).rankings.title, "/rankings");
}

export default async function RankingsPage({ params }: { params: Promise<{ locale: string }> }) {
  const locale = await pageLocale(params);
  const t = getDict(locale);
  const ctx = await getPublicContext();
  const data = ctx ? await getPublicRankings(ctx) : null;
  return (
    <PublicShell locale={locale} path="/rankings" section="rankings" ctx={ctx}>
      <h1 className="mt-6 text-2xl font-bold text-slate-900">{t.rankings.title}</h1>
      <p className="mt-1 max-w-3xl text-slate-600">{t.rankings.intro}</p>
      {!ctx || !data ? (
        <p className="mt-4 text-slate-700">{t.rankings.pending}</p>
      ) : (
        <>
          <p data-ranking-month={data.month} className="mt-3 text-sm text-slate-700">
            {t.rankings.basis(data.month, data.complete, ctx.asOf?.month === data.month ? ctx.asOf.approved : ctx.districts.length, ctx.districts.length)}{" "}
            {data.previousMonth ? t.rankings.previous(data.previousMonth) : t.rankings.previousNone}
          </p>

          <div className="mt-6 grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
            <section aria-labelledby="overall">
              <h2 id="overall" className="mb-2 text-lg font-semibold">{t.rankings.overallHeading}</h2>
              <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
                <OverallTable locale={locale} ctx={ctx} rows={data.rankings.overall} caption={t.rankings.overallCaption(data.month)} />
              </div>
            </section>
            <MethodSection locale={locale} ctx={ctx} weights={data.rankings.weights} />
          </div>

          <div className="mt-8"><PublicPaceMap locale={locale} ctx={ctx} /></div>

          <section aria-labelledby="groups" className="mt-8">
            <h2 id="groups" className="mb-2 text-lg font-semibold">{t.rankings.groupsHeading}</h2>
            <div className="grid gap-4 md:grid-cols-2">
              {data.rankings.overallByGroup.map((g) => (
                <div key={g.kind}>
                  <h3 className="mb-1 text-sm font-semibold text-slate-700">
                    {t.districtKind[g.kind]}
                    {t.rankings.groupCount(g.rows.length)}
                  </h3>
                  <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
                    <OverallTable locale={locale} ctx={ctx} rows={g.rows} caption={t.rankings.groupCaption(t.districtKind[g.kind])} group />
                  </div>
                </div>
              ))}
            </div>
          </section>

          <section aria-labelledby="by-indicator" className="mt-8">
            <h2 id="by-indicator" className="mb-2 text-lg font-semibold">{t.rankings.byIndicatorHeading}</h2>
            <div className="grid gap-6 lg:grid-cols-2">
              {data.rankings.indicators.map((r) => {
                const ind = ctx.indicators.find((i) => i.code === r.code);
                if (!ind) return null;
                const name = pickName(locale, ind.name, ind.nameEn);
                return (
                  <section key={r.code} aria-labelledby={`rank-${r.code}`} data-indicator={r.code} className="min-w-0">
                    <h3 id={`rank-${r.code}`} className="mb-1 text-sm font-semibold text-slate-800">{name}</h3>
                    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
                      <IndicatorRankTable locale={locale} ctx={ctx} ranking={r} ind={ind} caption={t.rankings.indicatorCaption(name, data.month)} />
                    </div>
                  </section>
                );
              })}
            </div>
          </section>
        </>
      )}
    </PublicShell>
  );
}
