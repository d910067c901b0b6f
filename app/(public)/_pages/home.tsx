import type { Metadata } from "next";
import { getDict, pickName } from "@/app/_lib/i18n";
import { localePath, type Locale } from "@/app/_lib/locale";
import { PublicShell } from "@/app/(public)/_components/public-shell";
import { IndicatorTable } from "@/app/(public)/_components/indicator-table";
import { PublicPaceMap } from "@/app/(public)/_components/public-map";
import { getPublicContext, type PublicContext } from "@/app/_lib/public/public-data";
import { pageLocale, pageMetadata } from "@/app/_lib/public/page";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const locale = await pageLocale(params);
  const ctx = await getPublicContext();
  const t = getDict(locale);
  const title = ctx ? campaignTitle(ctx, locale) : t.home.title;
  return pageMetadata(locale, title, "/");
}

function campaignTitle(ctx: PublicContext, locale: Locale): string {
  const c = ctx.campaign;
  if (locale === "en" && c.titleEn) return `“${c.titleEn}” ${c.subtitleEn}`.trim();
  return `“${c.title}”${c.subtitle}`;
}

export default async function HomePage({ params }: { params: Promise<{ locale: string }> }) {
  const locale = await pageLocale(params);
  const t = getDict(locale);
  const ctx = await getPublicContext();
  if (!ctx) {
    return (
      <PublicShell locale={locale} path="/" section="home" ctx={null}>
        <h1 className="mt-8 text-2xl font-bold">{t.common.noCampaign}</h1>
        <p className="mt-2 text-slate-600">{t.common.noCampaignBody}</p>
      </PublicShell>
    );
  }
  const c = ctx.campaign;
  const groups = [...new Set(ctx.topActions.map((a) => a.groupLabel))];
  return (
    <PublicShell locale={locale} path="/" section="home" ctx={ctx}>
      <section aria-labelledby="campaign-title" className="pt-6 pb-2">
        <p className="text-sm font-medium text-brand-700">
          {locale === "en" ? `${pickName(locale, c.cityName, c.cityNameEn)} · ${c.year}` : `${c.cityName} · ${c.year}年`}
        </p>
        <h1 id="campaign-title" className="mt-1 text-3xl font-bold tracking-tight text-slate-900 sm:text-4xl">
          {campaignTitle(ctx, locale)}
        </h1>
        {c.sourceNote && locale === "zh" && <p className="mt-3 max-w-3xl text-slate-600">{c.sourceNote}</p>}
        <p className="mt-2 text-sm text-slate-600">{t.common.actionsCount(ctx.topActions.length)}</p>
      </section>
      <div className="mt-4"><PublicPaceMap locale={locale} ctx={ctx} /></div>
      {groups.map((g) => (
        <section key={g} aria-labelledby={`group-${g}`} className="mt-6">
          <h2 id={`group-${g}`} className="mb-3 text-lg font-semibold text-slate-800">
            {t.home.groupTitles[g] ?? g}
          </h2>
          <div className="grid gap-4 lg:grid-cols-2">
            {ctx.topActions
              .filter((a) => a.groupLabel === g)
              .map((a, _, inGroup) => {
                const name = pickName(locale, a.name, a.nameEn);
                const subs = ctx.actions.filter((s) => s.parentId === a.id);
                const inds = ctx.indicators.filter((i) => i.topActionId === a.id);
                return (
                  <article
                    key={a.code}
                    aria-labelledby={`action-${a.code}`}
                    data-action={a.code}
                    className={`min-w-0 rounded-lg border border-slate-200 bg-white p-3 shadow-sm sm:p-5 ${inGroup.length === 1 ? "lg:col-span-2" : ""}`}
                  >
                    <h3 id={`action-${a.code}`} className="text-lg font-semibold text-slate-900">
                      <a href={localePath(locale, `/actions/${encodeURIComponent(a.code)}`)} className="hover:text-brand-700 hover:underline">
                        {name}
                      </a>
                    </h3>
                    {a.leadDepartment && <p className="mt-0.5 text-xs text-slate-600">{t.common.leadDepartment(pickName(locale, a.leadDepartment, a.leadDepartmentEn))}</p>}
                    <p className="mt-2 text-sm leading-relaxed text-slate-700">{pickName(locale, a.summary, a.summaryEn)}</p>
                    {subs.length > 0 && (
                      <ul aria-label={t.common.subActions} className="mt-3 flex flex-wrap gap-1.5">
                        {subs.map((s) => (
                          <li key={s.code} className="rounded-full bg-slate-100 px-2.5 py-0.5 text-xs text-slate-700">
                            {pickName(locale, s.name, s.nameEn)}
                          </li>
                        ))}
                      </ul>
                    )}
                    {inds.length === 0 ? (
                      <p className="mt-4 rounded border border-dashed border-slate-300 px-3 py-2 text-sm text-slate-600">{t.common.noIndicators}</p>
                    ) : (
                      <IndicatorTable locale={locale} ctx={ctx} indicators={inds} caption={t.home.tableCaption(name)} />
                    )}
                  </article>
                );
              })}
          </div>
        </section>
      ))}
    </PublicShell>
  );
}
