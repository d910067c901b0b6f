import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getDict, pickName } from "@/app/_lib/i18n";
import { localePath } from "@/app/_lib/locale";
import { monthNumber } from "@/domain/months";
import { PublicShell } from "@/app/(public)/_components/public-shell";
import { IndicatorTable } from "@/app/(public)/_components/indicator-table";
import { ProjectTable } from "@/app/(public)/_components/project-table";
import { DistrictRank } from "@/app/(public)/_components/ranking-tables";
import { listPublicProjects } from "@/db/queries/public-projects";
import { loadDistrictPointMap } from "@/app/_lib/map";
import { PointMapFigure } from "@/components/map/point-map-figure";
import { getPublicRankings } from "@/app/_lib/public/rankings-data";
import { loadCodePage, pageMetadata } from "@/app/_lib/public/page";
import { getPublicOrderCounts } from "@/app/_lib/public/order-counts";

type Params = Promise<{ locale: string; code: string }>;

const PROJECTS_SHOWN = 50;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale, ctx, code } = await loadCodePage(params);
  const d = ctx.districts.find((x) => x.code === code);
  if (!d) return {};
  return pageMetadata(locale, pickName(locale, d.name, d.nameEn), `/districts/${encodeURIComponent(d.code)}`);
}

export default async function DistrictPage({ params }: { params: Params }) {
  const { locale, ctx, code } = await loadCodePage(params);
  const t = getDict(locale);
  const district = ctx.districts.find((x) => x.code === code);
  if (!district) notFound();
  const name = pickName(locale, district.name, district.nameEn);
  const through = ctx.approvedThrough.get(district.id) ?? 0;
  const [projects, rankings, orderCounts, located] = await Promise.all([
    listPublicProjects(ctx.campaign.id, ctx.campaign.year, { districtId: district.id }, { page: 1, pageSize: PROJECTS_SHOWN }),
    getPublicRankings(ctx),
    getPublicOrderCounts(ctx.campaign.id),
    loadDistrictPointMap({ campaignId: ctx.campaign.id, district, districts: ctx.districts, publicOnly: true, locale, title: locale === "zh" ? `${name}项目和园区位置图` : `${name}: project and park locations` }),
  ]);
  const orders = orderCounts ? (orderCounts.get(district.id) ?? { issued: 0, closed: 0 }) : null;
  // The tables run to the district's own latest approved month (as IndicatorTable's column says).
  const ytd = t.months.ytd(`${ctx.campaign.year}-${String(through || monthNumber(ctx.month)).padStart(2, "0")}`);
  const listHref = localePath(locale, `/projects/search?district=${encodeURIComponent(district.code)}`);
  return (
    <PublicShell locale={locale} path={`/districts/${encodeURIComponent(district.code)}`} section="districts" ctx={ctx}>
      <p className="mt-6 text-sm">
        <a href={localePath(locale, "/districts")} className="text-brand-700 underline">{t.districts.title}</a>
      </p>
      <h1 className="mt-1 text-2xl font-bold text-slate-900 sm:text-3xl">{name}</h1>
      <p className="mt-1 text-sm text-slate-600">
        {t.districtKind[district.kind]} · {through > 0 ? t.districts.approvedThrough(`${ctx.campaign.year}-${String(through).padStart(2, "0")}`) : t.districts.notYet}
      </p>

      <section aria-labelledby="rank" className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="rank" className="text-lg font-semibold">{t.districts.rankHeading}</h2>
        <DistrictRank locale={locale} ctx={ctx} rankings={rankings} districtId={district.id} />
      </section>

      <div className="mt-6"><PointMapFigure id="district-map" locale={locale} heading={locale === "zh" ? `${name}项目和园区位置` : "Project and park locations"} map={located.map} points={located.points} /></div>

      {orders && (
        <section aria-labelledby="orders" data-public-orders className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="orders" className="text-lg font-semibold">{t.districts.ordersHeading}</h2>
          <p className="mt-1">{t.districts.ordersLine(orders.issued, orders.closed)}</p>
          <p className="mt-1 text-xs text-slate-600">{t.districts.ordersNote}</p>
        </section>
      )}

      {ctx.topActions.map((a) => {
        const inds = ctx.indicators.filter((i) => i.topActionId === a.id);
        if (inds.length === 0) return null;
        const actionName = pickName(locale, a.name, a.nameEn);
        return (
          <section key={a.code} aria-labelledby={`action-${a.code}`} className="mt-6 rounded-lg border border-slate-200 bg-white p-3 sm:p-4">
            <h2 id={`action-${a.code}`} className="text-lg font-semibold">{actionName}</h2>
            <IndicatorTable locale={locale} ctx={ctx} indicators={inds} districtId={district.id} caption={t.districts.figuresCaption(`${name} · ${actionName}`, ytd)} />
          </section>
        );
      })}

      <section aria-labelledby="projects" className="mt-8">
        <h2 id="projects" className="mb-3 text-lg font-semibold">{t.districts.projectsHeading(projects.total)}</h2>
        {projects.total === 0 ? (
          <p className="text-sm text-slate-600">{t.projects.none}</p>
        ) : (
          <ProjectTable locale={locale} rows={projects.rows} caption={t.districts.projectsCaption(name)} year={ctx.campaign.year} showDistrict={false} />
        )}
        {projects.total > 0 && (
          <p className="mt-2 text-sm">
            <a href={listHref} className="text-brand-700 underline">{t.districts.allProjects}</a>
          </p>
        )}
      </section>
    </PublicShell>
  );
}
