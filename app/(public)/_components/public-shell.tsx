import { getDict, pickName } from "@/app/_lib/i18n/index";
import { localePath, type Locale } from "@/app/_lib/locale";
import type { PublicContext } from "@/app/_lib/public/public-data";
import { formatDateTime } from "@/domain/format";

/** A full page load into the signed-in part of the app (its own layout, per-request CSP). */
const STAFF_LOGIN = "/login";

export type Section = "home" | "actions" | "projects" | "districts" | "rankings" | "open-data";

const NAV: { section: Section; path: string; key: keyof ReturnType<typeof getDict>["nav"] }[] = [
  { section: "home", path: "/", key: "home" },
  { section: "actions", path: "/actions", key: "actions" },
  { section: "projects", path: "/projects", key: "projects" },
  { section: "districts", path: "/districts", key: "districts" },
  { section: "rankings", path: "/rankings", key: "rankings" },
  { section: "open-data", path: "/open-data", key: "openData" },
];

/**
 * The frame of every public page: header with the main navigation, the language switch (a plain
 * link to the same page in the other language), the as-of line, <main id="main"> and the footer.
 * `path` is the page's locale-free path (with its query, if any) so the switch keeps the place.
 * Links are plain <a>: every public page is a cached document, so client-side navigation and
 * prefetching would only add script work (and Lighthouse blocking time) for no gain.
 */
export function PublicShell({ locale, path, section, ctx, children }: { locale: Locale; path: string; section: Section | null; ctx: PublicContext | null; children: React.ReactNode }) {
  const t = getDict(locale);
  const other: Locale = locale === "zh" ? "en" : "zh";
  const city = ctx ? pickName(locale, ctx.campaign.cityName, ctx.campaign.cityNameEn) : "";
  return (
    <>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 pt-3">
          <a href={localePath(locale, "/")} className="flex min-w-0 items-baseline gap-2 text-slate-900 no-underline">
            <span className="text-xl font-bold tracking-wide text-brand-700">{t.site.name}</span>
            {city && <span className="truncate text-sm text-slate-600">{t.site.tagline(city)}</span>}
          </a>
          <div className="flex items-center gap-3 text-sm">
            <a
              href={localePath(other, path)}
              lang={t.site.otherLanguageTag}
              hrefLang={t.site.otherLanguageTag}
              className="rounded-md border border-slate-300 px-2.5 py-1 font-medium text-slate-800 hover:bg-slate-50"
              data-language-switch
            >
              {t.site.otherLanguage}
            </a>
            <a href={STAFF_LOGIN} className="text-xs text-slate-600 underline-offset-2 hover:underline">
              {t.site.staffLogin}
            </a>
          </div>
        </div>
        <nav aria-label={t.site.navLabel} className="mx-auto max-w-6xl px-2">
          <ul className="flex flex-wrap gap-x-1 text-[15px]">
            {NAV.map((n) => {
              const current = n.section === section;
              return (
                <li key={n.section}>
                  <a
                    href={localePath(locale, n.path)}
                    aria-current={current ? "page" : undefined}
                    className={`inline-block border-b-2 px-2 py-2.5 ${current ? "border-brand-700 font-semibold text-brand-800" : "border-transparent text-slate-700 hover:text-brand-700"}`}
                  >
                    {t.nav[n.key]}
                  </a>
                </li>
              );
            })}
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-4 pb-16 focus:outline-none">
        {ctx && <AsOfLine locale={locale} ctx={ctx} />}
        {children}
      </main>
      <footer className="border-t border-slate-200 bg-white">
        <div className="mx-auto max-w-6xl space-y-1 px-4 py-6 text-sm text-slate-600">
          <p>{t.site.footerSource}</p>
          {ctx?.campaign.sourceNote && locale === "zh" && <p>{ctx.campaign.sourceNote}</p>}
          <p>
            <a href={localePath(locale, "/open-data")} className="text-brand-700 underline">
              {t.site.footerOpenData}
            </a>
            {" · "}
            <a href={localePath(locale, "/corrections")} className="text-brand-700 underline">
              {t.corrections.title}
            </a>
          </p>
        </div>
      </footer>
    </>
  );
}

/** "数据截至 2023年10月，已审核（13个区县中8个）" — on every page. */
export function AsOfLine({ locale, ctx }: { locale: Locale; ctx: PublicContext }) {
  const t = getDict(locale);
  return (
    <p data-as-of className="mt-4 rounded-md border border-slate-200 bg-white px-3 py-2 text-sm text-slate-700">
      <span className="font-medium text-slate-900">{ctx.asOf ? t.asOf.line(ctx.asOf.month, ctx.asOf.approved, ctx.asOf.total) : t.asOf.none}</span>
      {ctx.lastApprovalAt && <span className="ml-2 text-slate-600">· {t.asOf.lastApproval(formatDateTime(ctx.lastApprovalAt, locale))}</span>}
    </p>
  );
}
