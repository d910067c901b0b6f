import type { Metadata } from "next";
import { getDict } from "@/app/_lib/i18n";
import { PublicShell } from "@/components/public/public-shell";
import { EMPTY_QUERY, ProjectList } from "@/components/public/project-list";
import { getPublicContext } from "../../_lib/public-data";
import { pageLocale, pageMetadata } from "../../_lib/page";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const locale = await pageLocale(params);
  return pageMetadata(locale, getDict(locale).projects.title, "/projects");
}

/**
 * The unfiltered first page: reads no query string, so it is cached like every public page.
 * The filter form and the page links go to /projects/search, which is rendered per request.
 */
export default async function ProjectsPage({ params }: { params: Promise<{ locale: string }> }) {
  const locale = await pageLocale(params);
  const t = getDict(locale);
  const ctx = await getPublicContext();
  return (
    <PublicShell locale={locale} path="/projects" section="projects" ctx={ctx}>
      <h1 className="mt-6 text-2xl font-bold text-slate-900">{t.projects.title}</h1>
      <p className="mt-1 text-slate-600">{t.projects.intro}</p>
      {ctx && <ProjectList locale={locale} ctx={ctx} query={EMPTY_QUERY} />}
    </PublicShell>
  );
}
