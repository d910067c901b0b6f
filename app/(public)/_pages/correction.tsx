import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getDict, pickName } from "@/app/_lib/i18n";
import { localePath } from "@/app/_lib/locale";
import { PublicShell } from "@/app/(public)/_components/public-shell";
import { IndicatorCorrectionsTable } from "@/app/(public)/_components/corrections-tables";
import { loadCodePage, pageMetadata } from "@/app/_lib/public/page";

type Params = Promise<{ locale: string; code: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale, ctx, code } = await loadCodePage(params);
  const ind = ctx.indicators.find((i) => i.code === code);
  if (!ind) return {};
  return pageMetadata(locale, getDict(locale).corrections.indicatorTitle(pickName(locale, ind.name, ind.nameEn)), `/corrections/${encodeURIComponent(ind.code)}`);
}

/** The corrections of one public indicator (where its "已更正" mark links to). */
export default async function IndicatorCorrectionsPage({ params }: { params: Params }) {
  const { locale, ctx, code } = await loadCodePage(params);
  const t = getDict(locale);
  // Only public indicators are in the context: a private one is simply not found.
  const ind = ctx.indicators.find((i) => i.code === code);
  if (!ind) notFound();
  const name = pickName(locale, ind.name, ind.nameEn);
  return (
    <PublicShell locale={locale} path={`/corrections/${encodeURIComponent(ind.code)}`} section="actions" ctx={ctx}>
      <p className="mt-6 text-sm">
        <a href={localePath(locale, `/indicators/${encodeURIComponent(ind.code)}`)} className="text-brand-700 underline">{t.corrections.indicatorLink}</a>
        {" · "}
        <a href={localePath(locale, "/corrections")} className="text-brand-700 underline">{t.corrections.allLink}</a>
      </p>
      <h1 className="mt-1 text-2xl font-bold text-slate-900">{t.corrections.indicatorTitle(name)}</h1>
      <p className="mt-1 max-w-3xl text-slate-700">{t.corrections.intro}</p>
      {ind.corrections.some((c) => c.basis === "projects") && <p className="mt-2 text-sm text-slate-600">{t.corrections.fromProjects}</p>}
      <div className="mt-4">
        {ind.corrections.length === 0 ? <p className="text-slate-600">{t.corrections.noneForIndicator}</p> : <IndicatorCorrectionsTable locale={locale} ctx={ctx} ind={ind} />}
      </div>
      <p className="mt-6 text-sm">
        <a href={`/api/v1/corrections.csv?indicator=${encodeURIComponent(ind.code)}`} className="text-brand-700 underline">{t.corrections.openData}</a>{" "}
        <span className="text-slate-600">(CSV · </span>
        <a href={`/api/v1/corrections.json?indicator=${encodeURIComponent(ind.code)}`} className="text-brand-700 underline">JSON</a>
        <span className="text-slate-600">)</span>
      </p>
    </PublicShell>
  );
}
