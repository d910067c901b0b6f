import type { Metadata } from "next";
import { getDict, pickName } from "@/app/_lib/i18n";
import { localePath } from "@/app/_lib/locale";
import { PublicShell } from "@/app/(public)/_components/public-shell";
import { IndicatorCorrectionsTable, ProjectCorrectionsTable } from "@/app/(public)/_components/corrections-tables";
import { listPublicProjectCorrections } from "@/db/queries/corrections";
import { getPublicContext } from "@/app/_lib/public/public-data";
import { pageLocale, pageMetadata } from "@/app/_lib/public/page";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const locale = await pageLocale(params);
  return pageMetadata(locale, getDict(locale).corrections.title, "/corrections");
}

/**
 * Every correction of an approved month, public indicators and public projects: cached like every
 * public page and refreshed on approval (revalidatePublic), which is when a correction appears.
 */
export default async function CorrectionsPage({ params }: { params: Promise<{ locale: string }> }) {
  const locale = await pageLocale(params);
  const t = getDict(locale);
  const ctx = await getPublicContext();
  const projects = ctx ? await listPublicProjectCorrections(ctx.campaign.id) : [];
  const corrected = ctx?.indicators.filter((i) => i.corrections.length > 0) ?? [];
  return (
    <PublicShell locale={locale} path="/corrections" section={null} ctx={ctx}>
      <h1 className="mt-6 text-2xl font-bold text-slate-900">{t.corrections.title}</h1>
      <p className="mt-1 max-w-3xl text-slate-700">{t.corrections.intro}</p>
      {ctx && corrected.length === 0 && projects.length === 0 && <p className="mt-6 text-slate-600">{t.corrections.none}</p>}

      {ctx && corrected.length > 0 && (
        <section aria-labelledby="indicators" className="mt-6">
          <h2 id="indicators" className="text-lg font-semibold">{t.corrections.indicatorsHeading}</h2>
          {corrected.map((ind) => (
            <div key={ind.code} className="mt-4">
              <h3 className="mb-2 font-semibold">
                <a href={localePath(locale, `/indicators/${encodeURIComponent(ind.code)}`)} className="text-brand-700 underline">
                  {pickName(locale, ind.name, ind.nameEn)}
                </a>
              </h3>
              {ind.corrections.some((c) => c.basis === "projects") && <p className="mb-2 text-xs text-slate-600">{t.corrections.fromProjects}</p>}
              <IndicatorCorrectionsTable locale={locale} ctx={ctx} ind={ind} />
            </div>
          ))}
        </section>
      )}

      {ctx && projects.length > 0 && (
        <section aria-labelledby="projects" className="mt-8">
          <h2 id="projects" className="mb-2 text-lg font-semibold">{t.corrections.projectsHeading}</h2>
          <ProjectCorrectionsTable locale={locale} ctx={ctx} rows={projects} />
        </section>
      )}

      <p className="mt-6 text-sm">
        <a href="/api/v1/corrections.csv" className="text-brand-700 underline">{t.corrections.openData}</a>{" "}
        <span className="text-slate-600">(CSV · </span>
        <a href="/api/v1/corrections.json" className="text-brand-700 underline">JSON</a>
        <span className="text-slate-600">)</span>
      </p>
    </PublicShell>
  );
}
