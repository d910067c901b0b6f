import { getDict, pickName } from "@/app/_lib/i18n/index";
import { localePath, type Locale } from "@/app/_lib/locale";
import type { PublicContext } from "@/app/_lib/public/public-data";
import { listPublicProjects, type PublicStage } from "@/db/queries/public-projects";
import { PROJECT_STAGES } from "@/domain/codes";
import { ProjectTable } from "./project-table";
import { FilterBar, FilterSearch, FilterSelect } from "@/components/ui/filter-bar";
import { PublicShell } from "./public-shell";

export const PAGE_SIZE = 50;

/** The list's filters as they appear in the URL (codes, never ids). */
export interface ProjectQuery {
  q: string;
  district: string;
  action: string;
  stage: PublicStage | "";
  key: "" | "1" | "0";
  page: number;
}

export const EMPTY_QUERY: ProjectQuery = { q: "", district: "", action: "", stage: "", key: "", page: 1 };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

/** Query parameters → filters; anything unknown is ignored rather than an error. */
export function parseProjectQuery(sp: Record<string, string | string[] | undefined>): ProjectQuery {
  const stage = one(sp.stage);
  const key = one(sp.key);
  const page = Number.parseInt(one(sp.page), 10);
  return {
    q: one(sp.q).trim().slice(0, 100),
    district: one(sp.district).slice(0, 60),
    action: one(sp.action).slice(0, 60),
    stage: (PROJECT_STAGES as readonly string[]).includes(stage) ? (stage as PublicStage) : "",
    key: key === "1" || key === "0" ? key : "",
    page: Number.isSafeInteger(page) && page >= 1 ? Math.min(page, 1_000_000) : 1,
  };
}

/**
 * The URL of a query: unfiltered pages are the cached "/projects" and "/projects/page/N";
 * anything filtered is "/projects/search?…", rendered per request.
 */
export function projectListPath(q: ProjectQuery): string {
  if (!(q.q || q.district || q.action || q.stage || q.key)) return q.page > 1 ? `/projects/page/${q.page}` : "/projects";
  const p = new URLSearchParams();
  if (q.q) p.set("q", q.q);
  if (q.district) p.set("district", q.district);
  if (q.action) p.set("action", q.action);
  if (q.stage) p.set("stage", q.stage);
  if (q.key) p.set("key", q.key);
  if (q.page > 1) p.set("page", String(q.page));
  return `/projects/search?${p.toString()}`;
}

function pageWindow(page: number, pages: number): (number | null)[] {
  const out: (number | null)[] = [];
  const add = (n: number) => {
    if (n >= 1 && n <= pages && !out.includes(n)) out.push(n);
  };
  add(1);
  if (page - 2 > 2) out.push(null);
  for (let n = page - 2; n <= page + 2; n++) add(n);
  if (page + 2 < pages - 1) out.push(null);
  add(pages);
  return out;
}

/** The searchable, filterable, paginated list of public projects (a plain GET form). */
export async function ProjectList({ locale, ctx, query }: { locale: Locale; ctx: PublicContext; query: ProjectQuery }) {
  const t = getDict(locale);
  const district = ctx.districts.find((d) => d.code === query.district);
  const action = ctx.topActions.find((a) => a.code === query.action);
  const actionIds = action ? ctx.actions.filter((a) => a.id === action.id || a.parentId === action.id).map((a) => a.id) : undefined;
  const unknownFilter = (query.district && !district) || (query.action && !action);
  const { rows, total } = unknownFilter
    ? { rows: [], total: 0 }
    : await listPublicProjects(
        ctx.campaign.id,
        ctx.campaign.year,
        { q: query.q || undefined, districtId: district?.id, actionIds, stage: query.stage || undefined, isKey: query.key === "" ? undefined : query.key === "1" },
        { page: query.page, pageSize: PAGE_SIZE },
      );
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const from = (query.page - 1) * PAGE_SIZE + 1;
  const to = from + rows.length - 1;
  const filtered = Boolean(query.q || query.district || query.action || query.stage || query.key);
  const field = "mt-1 block w-full rounded-md border border-slate-400 bg-white px-2 py-1.5 text-sm";
  const href = (page: number) => localePath(locale, projectListPath({ ...query, page }));
  return (
    <>
      <FilterBar action={localePath(locale, "/projects/search")} label={t.projects.filtersLabel} className="mt-4 sm:grid-cols-2 lg:grid-cols-6" buttonRowClassName="sm:col-span-2 lg:col-span-6"
        submitLabel={t.projects.submit} filtered={filtered} clearHref={localePath(locale, "/projects")} clearLabel={t.projects.reset}>
        <FilterSearch label={t.projects.search} value={query.q} placeholder={t.projects.searchPlaceholder} controlClassName={field} className="sm:col-span-2" />
        <FilterSelect name="district" label={t.projects.district} allLabel={t.projects.any} controlClassName={field} value={district?.code} options={ctx.districts.map((d) => ({ value: d.code, label: pickName(locale, d.name, d.nameEn) }))} />
        <FilterSelect name="action" label={t.projects.action} allLabel={t.projects.any} controlClassName={field} value={action?.code} options={ctx.topActions.map((a) => ({ value: a.code, label: pickName(locale, a.name, a.nameEn) }))} />
        <FilterSelect name="stage" label={t.projects.stage} allLabel={t.projects.any} controlClassName={field} value={query.stage} options={PROJECT_STAGES.map((s) => ({ value: s, label: t.stage[s] }))} />
        <FilterSelect name="key" label={t.projects.key} allLabel={t.projects.any} controlClassName={field} value={query.key} options={[{ value: "1", label: t.projects.keyOnly }, { value: "0", label: t.projects.nonKeyOnly }]} />
      </FilterBar>

      <div className="mt-4">
        {rows.length > 0 ? (
          <>
            {/* The table's caption says the same to screen readers. */}
            <p className="mb-2 text-sm text-slate-700" aria-hidden="true">{t.projects.caption(from, to, total)}</p>
            <ProjectTable locale={locale} rows={rows} caption={t.projects.caption(from, to, total)} year={ctx.campaign.year} />
          </>
        ) : total > 0 ? (
          <p className="rounded-md border border-slate-200 bg-white px-3 py-2 text-sm text-slate-700">
            {t.projects.pageOutOfRange(query.page, pages)}{" "}
            <a href={href(pages)} className="text-brand-700 underline">{t.projects.lastPage}</a>
          </p>
        ) : (
          <p className="rounded-md border border-slate-200 bg-white px-3 py-2 text-sm text-slate-700">{t.projects.none}</p>
        )}
      </div>

      {pages > 1 && (
        <nav aria-label={t.projects.pager} className="mt-4 flex flex-wrap items-center gap-1 text-sm">
          {query.page > 1 && query.page <= pages && (
            <a href={href(query.page - 1)} rel="prev" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50">{t.projects.prev}</a>
          )}
          {pageWindow(Math.min(query.page, pages), pages).map((n, i) =>
            n == null ? (
              <span key={`gap-${i}`} className="px-1 text-slate-600" aria-hidden="true">…</span>
            ) : n === query.page ? (
              <span key={n} aria-current="page" className="rounded-md bg-brand-700 px-3 py-1.5 font-semibold text-white">{n}</span>
            ) : (
              <a key={n} href={href(n)} aria-label={t.projects.pageOf(n, pages)} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50">{n}</a>
            ),
          )}
          {query.page < pages && (
            <a href={href(query.page + 1)} rel="next" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50">{t.projects.next}</a>
          )}
          <span className="ml-2 text-slate-600">{t.projects.pageOf(Math.min(query.page, pages), pages)}</span>
        </nav>
      )}
    </>
  );
}

/** A whole project-list page (/projects, /projects/page/N, /projects/search): the shell, title and the list. */
export function ProjectListPage({ locale, ctx, query }: { locale: Locale; ctx: PublicContext | null; query: ProjectQuery }) {
  const t = getDict(locale);
  return (
    <PublicShell locale={locale} path={projectListPath(query)} section="projects" ctx={ctx}>
      <h1 className="mt-6 text-2xl font-bold text-slate-900">{t.projects.title}</h1>
      <p className="mt-1 text-slate-600">{t.projects.intro}</p>
      {ctx && <ProjectList locale={locale} ctx={ctx} query={query} />}
    </PublicShell>
  );
}
