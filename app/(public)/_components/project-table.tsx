import { getDict, pickName } from "@/app/_lib/i18n/index";
import { localePath, type Locale } from "@/app/_lib/locale";
import type { PublicProjectRow } from "@/db/queries/public-projects";
import { formatPercentHalfUp, formatYi } from "@/domain/format";
import { DataTable } from "@/components/ui/data-table";

/** Public projects: name and code, district, stage, investment in 亿元 (approved months only). */
export function ProjectTable({ locale, rows, caption, year, showDistrict = true }: { locale: Locale; rows: PublicProjectRow[]; caption: string; year: number; showDistrict?: boolean }) {
  const t = getDict(locale);
  return (
    <DataTable look="framed" caption={caption} columns={[
      { label: t.projects.name, className: "sm:min-w-48" },
      showDistrict && { label: t.projects.district, className: "hidden sm:table-cell" },
      { label: t.projects.stage, className: "hidden sm:table-cell" },
      { label: t.projects.total, num: true, className: "hidden md:table-cell" },
      { label: t.projects.annualPlan, num: true, className: "hidden md:table-cell" },
      { label: t.projects.doneApproved(year), num: true },
      { label: t.projects.completion, num: true },
    ]}>
          {rows.map((p) => (
            <tr key={p.code} data-project={p.code}>
              <th scope="row">
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
              {showDistrict && <td className="hidden whitespace-nowrap sm:table-cell">{pickName(locale, p.districtName, p.districtNameEn)}</td>}
              <td className="hidden whitespace-nowrap sm:table-cell">{t.stage[p.stage]}</td>
              <td className="num hidden md:table-cell">{formatYi(p.totalInvestment, locale)}</td>
              <td className="num hidden md:table-cell">{formatYi(p.annualPlannedInvestment, locale)}</td>
              <td className="num">{formatYi(p.investmentYtd, locale)}</td>
              <td className="num">{p.annualPlannedInvestment > 0 ? formatPercentHalfUp(p.investmentYtd / p.annualPlannedInvestment, locale) : "—"}</td>
            </tr>
          ))}
    </DataTable>
  );
}
