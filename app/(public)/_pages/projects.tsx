import type { Metadata } from "next";
import { getDict } from "@/app/_lib/i18n";
import { EMPTY_QUERY, ProjectListPage } from "@/app/(public)/_components/project-list";
import { getPublicContext } from "@/app/_lib/public/public-data";
import { pageLocale, pageMetadata } from "@/app/_lib/public/page";

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
  const ctx = await getPublicContext();
  return <ProjectListPage locale={locale} ctx={ctx} query={EMPTY_QUERY} />;
}
