import type { Metadata } from "next";
import { getDict } from "@/app/_lib/i18n";
import { ProjectListPage, parseProjectQuery } from "@/app/(public)/_components/project-list";
import { getPublicContext } from "@/app/_lib/public/public-data";
import { pageLocale, pageMetadata } from "@/app/_lib/public/page";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const locale = await pageLocale(params);
  return { ...pageMetadata(locale, getDict(locale).projects.title, "/projects"), robots: { index: false } };
}

/**
 * Filtered or later pages of the project list. Reading the query string makes this page
 * dynamic (rendered per request: one indexed query of 50 rows); the unfiltered first page,
 * /projects, stays cached. Public data only, no cookies or headers.
 */
export default async function ProjectSearchPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: SearchParams }) {
  const locale = await pageLocale(params);
  const query = parseProjectQuery(await searchParams);
  const ctx = await getPublicContext();
  return <ProjectListPage locale={locale} ctx={ctx} query={query} />;
}
