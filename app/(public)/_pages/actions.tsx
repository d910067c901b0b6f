import type { Metadata } from "next";
import { getDict, pickName } from "@/app/_lib/i18n";
import { localePath } from "@/app/_lib/locale";
import { PublicShell } from "@/app/(public)/_components/public-shell";
import { formatValue } from "@/domain/format";
import { PaceBadge } from "@/app/(public)/_components/pace-bar";
import { getPublicContext } from "@/app/_lib/public/public-data";
import { pageLocale, pageMetadata } from "@/app/_lib/public/page";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const locale = await pageLocale(params);
  return pageMetadata(locale, getDict(locale).actions.title, "/actions");
}

export default async function ActionsPage({ params }: { params: Promise<{ locale: string }> }) {
  const locale = await pageLocale(params);
  const t = getDict(locale);
  const ctx = await getPublicContext();
  return (
    <PublicShell locale={locale} path="/actions" section="actions" ctx={ctx}>
      <h1 className="mt-6 text-2xl font-bold text-slate-900">{t.actions.title}</h1>
      <p className="mt-1 text-slate-600">{t.actions.intro(ctx ? pickName(locale, ctx.campaign.subtitle, ctx.campaign.subtitleEn) : "")}</p>
      {ctx && (
        <ul className="mt-6 grid gap-4 md:grid-cols-2">
          {ctx.topActions.map((a) => {
            const name = pickName(locale, a.name, a.nameEn);
            const headline = ctx.indicators.filter((i) => i.topActionId === a.id && i.isHeadline);
            return (
              <li key={a.code} data-action={a.code} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
                <h2 className="text-lg font-semibold">
                  <a href={localePath(locale, `/actions/${encodeURIComponent(a.code)}`)} className="text-slate-900 hover:text-brand-700 hover:underline">
                    {name}
                  </a>
                </h2>
                <p className="mt-1 text-sm text-slate-700">{pickName(locale, a.summary, a.summaryEn)}</p>
                {headline.length === 0 ? (
                  <p className="mt-3 text-sm text-slate-600">{t.common.noIndicators}</p>
                ) : (
                  <ul className="mt-3 space-y-1.5 text-sm">
                    {headline.map((i) => (
                      <li key={i.code} className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
                        <span className="text-slate-800">{pickName(locale, i.name, i.nameEn)}</span>
                        <span className="flex items-center gap-2">
                          <span className="tabular break-keep font-semibold">{formatValue(i, i.city.actual, locale)}</span>
                          <PaceBadge pace={i.city.pace} isRate={i.aggregation === "ratio"} locale={locale} />
                        </span>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </PublicShell>
  );
}
