import { getDict, pickName } from "@/app/_lib/i18n/index";
import { localePath, type Locale } from "@/app/_lib/locale";
import type { PublicProjectRow } from "@/db/queries/public-projects";
import { formatPct, formatYi } from "./format";

/** Public projects: name and code, district, stage, investment in 亿元 (approved months only). */
export function ProjectTable({ locale, rows, caption, year, showDistrict = true }: { locale: Locale; rows: PublicProjectRow[]; caption: string; year: number; showDistrict?: boolean }) {
  const t = getDict(locale);
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-200 bg-slate-50 text-left align-bottom text-xs text-slate-600">
            <th scope="col" className="px-3 py-2 font-medium sm:min-w-48">{t.projects.name}</th>
            {showDistrict && <th scope="col" className="hidden px-3 py-2 font-medium sm:table-cell">{t.projects.district}</th>}
            <th scope="col" className="hidden px-3 py-2 font-medium sm:table-cell">{t.projects.stage}</th>
            <th scope="col" className="hidden px-3 py-2 text-right font-medium md:table-cell">{t.projects.total}</th>
            <th scope="col" className="hidden px-3 py-2 text-right font-medium md:table-cell">{t.projects.annualPlan}</th>
            <th scope="col" className="px-3 py-2 text-right font-medium">{t.projects.doneApproved(year)}</th>
            <th scope="col" className="px-3 py-2 text-right font-medium">{t.projects.completion}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => (
            <tr key={p.code} data-project={p.code} className="border-b border-slate-100 align-top last:border-0">
              <th scope="row" className="px-3 py-2 text-left font-normal">
                <a href={localePath(locale, `/projects/${encodeURIComponent(p.code)}`)} className="text-brand-700 underline">
                  {p.name}
                </a>
                {/* On a phone the district and stage columns are hidden: say them here. */}
                <span className="block text-xs text-slate-700 sm:hidden">
                  {showDistrict && <>{pickName(locale, p.districtName, p.districtNameEn)} · </>}
                  {t.stage[p.stage]}
                </span>
                <span className="block text-xs text-slate-600">
                  {p.code}
                  {p.isKey && <> · {t.projects.key}</>}
                  {p.sectorName && <> · {pickName(locale, p.sectorName, p.sectorNameEn)}</>}
                </span>
              </th>
              {showDistrict && <td className="hidden px-3 py-2 whitespace-nowrap sm:table-cell">{pickName(locale, p.districtName, p.districtNameEn)}</td>}
              <td className="hidden px-3 py-2 whitespace-nowrap sm:table-cell">{t.stage[p.stage]}</td>
              <td className="tabular break-keep hidden px-3 py-2 text-right md:table-cell">{formatYi(p.totalInvestment, locale)}</td>
              <td className="tabular break-keep hidden px-3 py-2 text-right md:table-cell">{formatYi(p.annualPlannedInvestment, locale)}</td>
              <td className="tabular break-keep px-3 py-2 text-right">{formatYi(p.investmentYtd, locale)}</td>
              <td className="tabular break-keep px-3 py-2 text-right">{p.annualPlannedInvestment > 0 ? formatPct(p.investmentYtd / p.annualPlannedInvestment, locale) : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
