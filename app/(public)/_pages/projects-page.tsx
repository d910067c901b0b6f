import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getDict } from "@/app/_lib/i18n";
import { EMPTY_QUERY, ProjectListPage, projectListPath } from "@/app/(public)/_components/project-list";
import { getPublicContext } from "@/app/_lib/public/public-data";
import { pageLocale, pageMetadata } from "@/app/_lib/public/page";

type Params = Promise<{ locale: string; n: string }>;

async function pageNumber(params: Params): Promise<number> {
  const { n } = await params;
  const page = /^[1-9]\d{0,5}$/.test(n) ? Number(n) : NaN;
  if (!Number.isSafeInteger(page)) notFound();
  return page;
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const locale = await pageLocale(params);
  const page = await pageNumber(params);
  return pageMetadata(locale, `${getDict(locale).projects.title} · ${page}`, projectListPath({ ...EMPTY_QUERY, page }));
}

/**
 * Later pages of the unfiltered list, /projects/page/N: no query string, so each page is cached
 * like every public page and refreshed with them (browsing 20,000 projects costs no query per
 * visit). Filters and search go to /projects/search, rendered per request.
 */
export default async function ProjectsPageN({ params }: { params: Params }) {
  const locale = await pageLocale(params);
  const page = await pageNumber(params);
  const ctx = await getPublicContext();
  const query = { ...EMPTY_QUERY, page };
  return <ProjectListPage locale={locale} ctx={ctx} query={query} />;
}
