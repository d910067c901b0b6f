import type { Metadata } from "next";
import { getDict, pickName } from "@/app/_lib/i18n";
import { localePath } from "@/app/_lib/locale";
import { PublicShell } from "@/app/(public)/_components/public-shell";
import { countPublicProjectsByDistrict } from "@/db/queries/public-projects";
import { getPublicContext } from "@/app/_lib/public/public-data";
import { getPublicOrderCounts } from "@/app/_lib/public/order-counts";
import { pageLocale, pageMetadata } from "@/app/_lib/public/page";
import { DataTable } from "@/components/ui/data-table";

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
        <DataTable caption={t.districts.caption} look="framed" wrapClassName="mt-4" head={<>
              <tr>
                <th scope="col">{t.common.district}</th>
                <th scope="col" className="hidden sm:table-cell">{t.districts.kind}</th>
                <th scope="col">{t.districts.latestApproved}</th>
                <th scope="col" className="num">{t.projects.title}</th>
                {orders && (
                  <>
                    <th scope="col" className="num">{t.districts.ordersIssued}</th>
                    <th scope="col" className="num">{t.districts.ordersClosed}</th>
                  </>
                )}
              </tr>
        </>}>
              {ctx.districts.map((d) => {
                const m = ctx.approvedThrough.get(d.id) ?? 0;
                return (
                  <tr key={d.code} data-district={d.code}>
                    <th scope="row">
                      <a href={localePath(locale, `/districts/${encodeURIComponent(d.code)}`)} className="font-medium text-brand-700 underline">
                        {pickName(locale, d.name, d.nameEn)}
                      </a>
                      <span className="block text-xs text-slate-600 sm:hidden">{t.districtKind[d.kind]}</span>
                    </th>
                    <td className="hidden sm:table-cell">{t.districtKind[d.kind]}</td>
                    <td>{m > 0 ? t.months.label(`${ctx.campaign.year}-${String(m).padStart(2, "0")}`) : t.districts.notYet}</td>
                    <td className="num">{counts.get(d.id) ?? 0}</td>
                    {orders && (
                      <>
                        <td className="num" data-orders-issued>{orders.get(d.id)?.issued ?? 0}</td>
                        <td className="num" data-orders-closed>{orders.get(d.id)?.closed ?? 0}</td>
                      </>
                    )}
                  </tr>
                );
              })}
        </DataTable>
      )}
      {orders && <p className="mt-2 text-xs text-slate-600">{t.districts.ordersNote}</p>}
    </PublicShell>
  );
}
