import type { Metadata } from "next";
import { getDict, pickName } from "@/app/_lib/i18n";
import { localePath } from "@/app/_lib/locale";
import { PublicShell } from "@/app/(public)/_components/public-shell";
import { countPublicProjectsByDistrict } from "@/db/queries/public-projects";
import { getPublicContext } from "../../../_lib/public/public-data";
import { getPublicOrderCounts } from "../../../_lib/public/order-counts";
import { pageLocale, pageMetadata } from "../../../_lib/public/page";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const locale = await pageLocale(params);
  return pageMetadata(locale, getDict(locale).districts.title, "/districts");
}

export default async function DistrictsPage({ params }: { params: Promise<{ locale: string }> }) {
  const locale = await pageLocale(params);
  const t = getDict(locale);
  const ctx = await getPublicContext();
  const [counts, orders] = ctx ? await Promise.all([countPublicProjectsByDistrict(ctx.campaign.id), getPublicOrderCounts(ctx.campaign.id)]) : [new Map<number, number>(), null];
  return (
    <PublicShell locale={locale} path="/districts" section="districts" ctx={ctx}>
      <h1 className="mt-6 text-2xl font-bold text-slate-900">{t.districts.title}</h1>
      <p className="mt-1 text-slate-600">{t.districts.intro(ctx?.districts.length ?? 0)}</p>
      {ctx && (
        <div className="mt-4 overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-sm">
            <caption className="sr-only">{t.districts.caption}</caption>
            <thead>
              <tr className="border-b border-slate-200 bg-slate-50 text-left text-xs text-slate-600">
                <th scope="col" className="px-3 py-2 font-medium">{t.common.district}</th>
                <th scope="col" className="hidden px-3 py-2 font-medium sm:table-cell">{t.districts.kind}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t.districts.latestApproved}</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">{t.projects.title}</th>
                {orders && (
                  <>
                    <th scope="col" className="px-3 py-2 text-right font-medium">{t.districts.ordersIssued}</th>
                    <th scope="col" className="px-3 py-2 text-right font-medium">{t.districts.ordersClosed}</th>
                  </>
                )}
              </tr>
            </thead>
            <tbody>
              {ctx.districts.map((d) => {
                const m = ctx.approvedThrough.get(d.id) ?? 0;
                return (
                  <tr key={d.code} data-district={d.code} className="border-b border-slate-100 last:border-0">
                    <th scope="row" className="px-3 py-2 text-left font-normal">
                      <a href={localePath(locale, `/districts/${encodeURIComponent(d.code)}`)} className="font-medium text-brand-700 underline">
                        {pickName(locale, d.name, d.nameEn)}
                      </a>
                      <span className="block text-xs text-slate-600 sm:hidden">{t.districtKind[d.kind]}</span>
                    </th>
                    <td className="hidden px-3 py-2 sm:table-cell">{t.districtKind[d.kind]}</td>
                    <td className="px-3 py-2">{m > 0 ? t.months.label(`${ctx.campaign.year}-${String(m).padStart(2, "0")}`) : t.districts.notYet}</td>
                    <td className="tabular break-keep px-3 py-2 text-right">{counts.get(d.id) ?? 0}</td>
                    {orders && (
                      <>
                        <td className="tabular px-3 py-2 text-right" data-orders-issued>{orders.get(d.id)?.issued ?? 0}</td>
                        <td className="tabular px-3 py-2 text-right" data-orders-closed>{orders.get(d.id)?.closed ?? 0}</td>
                      </>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {orders && <p className="mt-2 text-xs text-slate-600">{t.districts.ordersNote}</p>}
    </PublicShell>
  );
}
