import type { Metadata } from "next";
import { SiteHeader } from "@/components/site-header";
import { getCurrentCampaign, listActionOverview, type ActionOverview } from "@/db/queries/campaigns";
import { describeTarget } from "@/app/_lib/target-text";

export const metadata: Metadata = { title: "首页" };

const GROUP_TITLES: Record<string, string> = { "1": "“1”：项目奋战年", "3": "“3”：三项专项行动", "2": "“2”：两项专项行动" };
const KIND_LABELS = { reported: "填报", derived: "据项目台账计算", milestone: "里程碑" } as const;

export default async function HomePage({ params }: { params: Promise<{ locale: string }> }) {
  await params;
  const campaign = await getCurrentCampaign();
  if (!campaign) {
    return (
      <>
        <SiteHeader />
        <main id="main" className="mx-auto max-w-6xl px-4 py-10">
          <h1 className="text-2xl font-bold">尚未设置专项行动</h1>
          <p className="mt-2 text-slate-600">专项办尚未建立任何专项行动。</p>
        </main>
      </>
    );
  }
  const overview = await listActionOverview(campaign.id);
  const groups = [...new Set(overview.map((a) => a.groupLabel))];
  return (
    <>
      <SiteHeader cityName={campaign.cityName} />
      <main id="main" className="mx-auto max-w-6xl px-4 pb-16">
        <section aria-labelledby="campaign-title" className="py-8">
          <p className="text-sm font-medium text-brand-700">
            {campaign.cityName} · {campaign.year}年
          </p>
          <h1 id="campaign-title" className="mt-1 text-3xl font-bold tracking-tight text-slate-900 sm:text-4xl">
            “{campaign.title}”{campaign.subtitle}
          </h1>
          {campaign.sourceNote && <p className="mt-3 max-w-3xl text-slate-600">{campaign.sourceNote}</p>}
          <p className="mt-2 text-sm text-slate-500">共 {overview.length} 项专项行动。</p>
        </section>
        {groups.map((g) => (
          <section key={g} aria-labelledby={`group-${g}`} className="mt-6">
            <h2 id={`group-${g}`} className="mb-3 text-lg font-semibold text-slate-800">
              {GROUP_TITLES[g] ?? g}
            </h2>
            <div className="grid gap-4 md:grid-cols-2">
              {overview.filter((a) => a.groupLabel === g).map((a, _, inGroup) => (
                <ActionCard key={a.code} action={a} year={campaign.year} wide={inGroup.length === 1} />
              ))}
            </div>
          </section>
        ))}
      </main>
    </>
  );
}

function ActionCard({ action, year, wide }: { action: ActionOverview; year: number; wide: boolean }) {
  return (
    <article
      aria-labelledby={`action-${action.code}`}
      data-action={action.code}
      className={`rounded-lg border border-slate-200 bg-white p-5 shadow-sm ${wide ? "md:col-span-2" : ""}`}
    >
      <h3 id={`action-${action.code}`} className="text-lg font-semibold text-slate-900">
        {action.name}
      </h3>
      {action.leadDepartment && <p className="mt-0.5 text-xs text-slate-500">牵头单位：{action.leadDepartment}</p>}
      <p className="mt-2 text-sm leading-relaxed text-slate-700">{action.summary}</p>
      {action.subActions.length > 0 && (
        <ul aria-label="子行动" className="mt-3 flex flex-wrap gap-1.5">
          {action.subActions.map((s) => (
            <li key={s.code} className="rounded-full bg-slate-100 px-2.5 py-0.5 text-xs text-slate-700">
              {s.name}
            </li>
          ))}
        </ul>
      )}
      {action.indicators.length === 0 ? (
        <p className="mt-4 rounded border border-dashed border-slate-300 px-3 py-2 text-sm text-slate-500">指标待专项办设定</p>
      ) : (
        <table className="mt-4 w-full text-sm">
          <caption className="sr-only">{action.name}的年度目标</caption>
          <thead>
            <tr className="border-b border-slate-200 text-left text-xs text-slate-500">
              <th scope="col" className="py-1.5 font-medium">指标</th>
              <th scope="col" className="py-1.5 text-right font-medium">{year}年目标</th>
            </tr>
          </thead>
          <tbody>
            {action.indicators.map((i) => {
              const t = describeTarget(i, year);
              return (
                <tr key={i.code} data-indicator={i.code} className="border-b border-slate-100 align-top last:border-0">
                  <th scope="row" className="py-2 pr-3 text-left font-normal text-slate-800">
                    {i.name}
                    <span className="ml-1.5 text-xs text-slate-500">（{KIND_LABELS[i.kind]}）</span>
                  </th>
                  <td className="tabular py-2 text-right">
                    <span data-target className="font-semibold text-slate-900">{t.main}</span>
                    {t.conditions.map((c) => (
                      <span key={c} className="block text-xs text-slate-500">{c}</span>
                    ))}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </article>
  );
}
