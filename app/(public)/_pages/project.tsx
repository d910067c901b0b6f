import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getDict, pickName } from "@/app/_lib/i18n";
import { localePath, type Locale } from "@/app/_lib/locale";
import { PublicShell } from "@/app/(public)/_components/public-shell";
import { CumulativeChart } from "@/components/charts/cumulative-chart";
import { formatPercentHalfUp, formatWan, formatYi } from "@/domain/format";
import { getPublicProject, listPublicProgress } from "@/db/queries/public-projects";
import { listPublicProjectPhotos } from "@/db/queries/attachments";
import { ProjectPhotos } from "@/app/(public)/_components/project-photos";
import { getPublicContext, type PublicContext } from "@/app/_lib/public/public-data";
import { pageLocale, pageMetadata, segment } from "@/app/_lib/public/page";
import { DataTable } from "@/components/ui/data-table";

type Params = Promise<{ locale: string; code: string }>;

async function load(params: Params): Promise<{ locale: Locale; ctx: PublicContext; code: string }> {
  const locale = await pageLocale(params);
  const { code } = await params;
  const ctx = await getPublicContext();
  if (!ctx) notFound();
  return { locale, ctx, code: segment(code) };
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale, ctx, code } = await load(params);
  const p = await getPublicProject(ctx.campaign.id, ctx.campaign.year, code);
  if (!p) return {};
  return pageMetadata(locale, p.name, `/projects/${encodeURIComponent(p.code)}`);
}

export default async function ProjectPage({ params }: { params: Params }) {
  const { locale, ctx, code } = await load(params);
  const t = getDict(locale);
  // Only public projects are found; a non-public one is a plain 404.
  const p = await getPublicProject(ctx.campaign.id, ctx.campaign.year, code);
  if (!p) notFound();
  const [progress, photos] = await Promise.all([listPublicProgress(ctx.campaign.id, ctx.campaign.year, p.id), listPublicProjectPhotos(p.id)]);
  const district = ctx.districts.find((d) => d.code === p.districtCode);
  const through = district ? (ctx.approvedThrough.get(district.id) ?? 0) : 0;
  const months = Array.from({ length: through }, (_, i) => `${ctx.campaign.year}-${String(i + 1).padStart(2, "0")}`);
  const byMonth = new Map(progress.map((g) => [g.month, g.investment]));
  let run = 0;
  const cumulative = months.map((m) => {
    const v = byMonth.get(m);
    if (v != null) run += v;
    return run;
  });
  const top = p.actionParentCode ?? p.actionCode;
  const topAction = ctx.topActions.find((a) => a.code === top);
  // The project's figures run to its district's latest approved month.
  const ytd = t.months.ytd(months[months.length - 1] ?? ctx.month);
  const fact = (label: string, value: React.ReactNode) => (
    <div className="border-b border-slate-100 py-2 sm:grid sm:grid-cols-3 sm:gap-4">
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className="text-sm text-slate-900 sm:col-span-2">{value}</dd>
    </div>
  );
  return (
    <PublicShell locale={locale} path={`/projects/${encodeURIComponent(p.code)}`} section="projects" ctx={ctx}>
      <p className="mt-6 text-sm">
        <a href={localePath(locale, "/projects")} className="text-brand-700 underline">{t.project.backToList}</a>
      </p>
      <h1 className="mt-1 text-2xl font-bold text-slate-900 sm:text-3xl">{p.name}</h1>
      <p className="mt-1 text-sm text-slate-600">
        {p.code} · {t.stage[p.stage]}
        {p.isKey && <> · {t.projects.key}</>}
      </p>
      {p.description && <p className="mt-3 max-w-3xl text-slate-700">{p.description}</p>}

      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="facts" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="facts" className="text-lg font-semibold">{t.project.facts}</h2>
          <dl className="mt-2">
            {fact(t.projects.district, <a href={localePath(locale, `/districts/${encodeURIComponent(p.districtCode)}`)} className="text-brand-700 underline">{pickName(locale, p.districtName, p.districtNameEn)}</a>)}
            {topAction && fact(t.projects.action, <a href={localePath(locale, `/actions/${encodeURIComponent(topAction.code)}`)} className="text-brand-700 underline">{pickName(locale, p.actionName ?? topAction.name, p.actionNameEn ?? topAction.nameEn)}</a>)}
            {p.sectorName && fact(t.projects.sector, pickName(locale, p.sectorName, p.sectorNameEn))}
            {p.owner && fact(t.project.owner, p.owner)}
            {fact(t.projects.stage, t.stage[p.stage])}
            {fact(t.projects.total, <span className="tabular">{formatYi(p.totalInvestment, locale)}</span>)}
            {fact(t.projects.annualPlan, <span className="tabular">{formatYi(p.annualPlannedInvestment, locale)}</span>)}
            {fact(
              t.projects.doneYtd(ytd),
              <span className="tabular">
                <span data-investment-ytd>{formatYi(p.investmentYtd, locale)}</span>
                {p.annualPlannedInvestment > 0 && <> ({t.projects.completion} {formatPercentHalfUp(p.investmentYtd / p.annualPlannedInvestment, locale)})</>}
              </span>,
            )}
          </dl>
        </section>

        <section aria-labelledby="milestones" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="milestones" className="text-lg font-semibold">{t.project.milestonesHeading}</h2>
          <DataTable caption={t.project.milestonesCaption(p.name)} density="flush" wrapClassName="mt-2" head={<>
              <tr>
                <th scope="col">{t.project.milestone}</th>
                <th scope="col">{t.project.planned}</th>
                <th scope="col">{t.project.actual}</th>
              </tr>
          </>}>
              <tr>
                <th scope="row">{t.project.start}</th>
                <td className="tabular break-keep">{p.plannedStartOn ?? "—"}</td>
                <td data-actual-start className="tabular break-keep">{p.actualStartOn ?? "—"}</td>
              </tr>
              <tr>
                <th scope="row">{t.project.completion}</th>
                <td className="tabular break-keep">{p.plannedCompletionOn ?? "—"}</td>
                <td data-actual-completion className="tabular break-keep">{p.actualCompletionOn ?? "—"}</td>
              </tr>
          </DataTable>
          <p className="mt-2 text-xs text-slate-600">{t.project.actualNote}</p>
        </section>
      </div>

      <section aria-labelledby="investment" className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="investment" className="text-lg font-semibold">{t.project.investmentHeading}</h2>
        {months.length === 0 || progress.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">{t.project.noInvestment}</p>
        ) : (
          <div className="mt-2 grid gap-4 lg:grid-cols-2">
            <div className="[&_svg]:h-auto [&_svg]:w-full">
              <CumulativeChart
                title={t.project.chartTitle(p.name)}
                months={months.map((_, i) => t.months.short(i + 1))}
                actual={cumulative.map((v) => Math.round(v / 100) / 100)}
                plan={months.map((_, i) => Math.round((p.annualPlannedInvestment * (i + 1)) / 12 / 100) / 100)}
                unit={t.projects.moneyUnit}
                actualLabel={t.indicator.cumulative}
                planLabel={t.indicator.plan}
                width={520}
                height={260}
              />
            </div>
            <div className="overflow-x-auto">
              <DataTable caption={t.project.investmentCaption(p.name)} density="flush" head={<>
                  <tr>
                    <th scope="col">{t.common.month}</th>
                    <th scope="col" className="num">{t.project.monthly}</th>
                    <th scope="col" className="num">{t.project.cumulative}</th>
                  </tr>
              </>}>
                  {months.map((m, i) => (
                    <tr key={m} data-month={m}>
                      <th scope="row">{t.months.label(m)}</th>
                      <td className="num">{byMonth.has(m) ? formatWan(byMonth.get(m)!, locale) : "—"}</td>
                      <td className="num">{formatWan(cumulative[i]!, locale)}</td>
                    </tr>
                  ))}
              </DataTable>
              <p className="mt-2 text-xs text-slate-600">{t.project.approvedOnly}</p>
            </div>
          </div>
        )}
      </section>
      <ProjectPhotos photos={photos} locale={locale} />
    </PublicShell>
  );
}
