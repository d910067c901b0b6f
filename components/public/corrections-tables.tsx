import { getDict, pickName } from "@/app/_lib/i18n";
import { localePath, type Locale } from "@/app/_lib/locale";
import type { FigureParts, PublicCorrection } from "@/app/(public)/_lib/corrections-data";
import type { PublicContext, PublicIndicator } from "@/app/(public)/_lib/public-data";
import type { PublicProjectCorrectionRow } from "@/db/queries/corrections";
import { formatAmount, formatPct } from "./format";

/*
 * The public history of corrections of approved months: original → revised, when and why, newest
 * first. Values are shown exactly (every stored digit), since a correction may be small. The
 * public pages name the campaign office, never a person.
 */

const exact = (scale: number) => Math.max(0, Math.round(Math.log10(scale)));

function shownValue(ind: PublicIndicator, v: FigureParts, locale: Locale): string {
  if (ind.aggregation === "ratio") return v.numerator != null && v.denominator ? formatPct(v.numerator / v.denominator, locale) : "—";
  return v.value == null ? "—" : formatAmount(v.value, ind.unit, exact(ind.unit.scale), locale);
}

function change(ind: PublicIndicator, c: PublicCorrection, locale: Locale): string {
  if (ind.aggregation === "ratio" || c.original.value == null || c.revised.value == null) return "";
  const d = c.revised.value - c.original.value;
  return `${d > 0 ? "+" : d < 0 ? "−" : "±"}${formatAmount(Math.abs(d), ind.unit, exact(ind.unit.scale), locale)}`;
}

const th = "px-3 py-2 font-medium";
const td = "px-3 py-2 align-top";

function Head({ locale, first }: { locale: Locale; first: string }) {
  const t = getDict(locale).corrections;
  const common = getDict(locale).common;
  return (
    <thead>
      <tr className="border-b border-slate-200 bg-slate-50 text-left text-xs text-slate-600">
        <th scope="col" className={th}>{first}</th>
        <th scope="col" className={th}>{first === common.district ? t.monthCol : `${common.district} · ${t.monthCol}`}</th>
        <th scope="col" className={`${th} text-right`}>{t.original}</th>
        <th scope="col" className={`${th} text-right`}>{t.revised}</th>
        <th scope="col" className={th}>{t.correctedAt}</th>
        <th scope="col" className={th}>{t.reason}</th>
      </tr>
    </thead>
  );
}

/** One indicator's corrections, one row per corrected district-month. */
export function IndicatorCorrectionsTable({ locale, ctx, ind }: { locale: Locale; ctx: PublicContext; ind: PublicIndicator }) {
  const t = getDict(locale);
  const name = pickName(locale, ind.name, ind.nameEn);
  const rows = [...ind.corrections].reverse();
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-sm" data-corrections={ind.code}>
        <caption className="sr-only">{t.corrections.indicatorCaption(name)}</caption>
        <Head locale={locale} first={t.common.district} />
        <tbody>
          {rows.map((c) => {
            const d = ctx.districts.find((x) => x.id === c.districtId);
            return (
              <tr key={`${c.districtId}|${c.month}|${c.correctedAt}`} data-correction={`${d?.code ?? c.districtId}|${c.month}`} className="border-b border-slate-100 last:border-0">
                <th scope="row" className={`${td} text-left font-normal`}>
                  {d ? (
                    <a href={localePath(locale, `/districts/${encodeURIComponent(d.code)}`)} className="text-slate-900 hover:text-brand-700 hover:underline">
                      {pickName(locale, d.name, d.nameEn)}
                    </a>
                  ) : (
                    "—"
                  )}
                </th>
                <td className={`${td} whitespace-nowrap`}>{t.months.label(c.month)}</td>
                <td data-original className={`${td} tabular break-keep text-right text-slate-600 line-through decoration-slate-400`}>{shownValue(ind, c.original, locale)}</td>
                <td className={`${td} tabular break-keep text-right`}>
                  <span data-revised className="font-semibold text-slate-900">{shownValue(ind, c.revised, locale)}</span>
                  {change(ind, c, locale) && <span className="block text-xs text-slate-600">{change(ind, c, locale)}</span>}
                </td>
                <td className={`${td} whitespace-nowrap`}>
                  {t.corrections.day(c.correctedAt)}
                  <span className="block text-xs text-slate-600">{t.corrections.byOffice}</span>
                </td>
                <td className={`${td} min-w-48`}>{c.reason}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** Corrections of public projects' monthly investment (万元, shown in 亿元 exactly). */
export function ProjectCorrectionsTable({ locale, ctx, rows }: { locale: Locale; ctx: PublicContext; rows: PublicProjectCorrectionRow[] }) {
  const t = getDict(locale);
  const yi = { symbol: "亿元", symbolEn: "100m yuan", scale: 10000 };
  const money = (v: number | null) => (v == null ? "—" : formatAmount(v, yi, 4, locale));
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-sm" data-project-corrections>
        <caption className="sr-only">{t.corrections.projectsCaption}</caption>
        <Head locale={locale} first={t.corrections.project} />
        <tbody>
          {[...rows].reverse().map((c) => {
            const d = ctx.districts.find((x) => x.id === c.districtId);
            return (
              <tr key={c.id} data-correction={`${c.projectCode}|${c.month}`} className="border-b border-slate-100 last:border-0">
                <th scope="row" className={`${td} text-left font-normal`}>
                  <a href={localePath(locale, `/projects/${encodeURIComponent(c.projectCode)}`)} className="text-slate-900 hover:text-brand-700 hover:underline">
                    {c.projectName}
                  </a>
                  <span className="block font-mono text-xs text-slate-600">{c.projectCode}</span>
                </th>
                <td className={`${td} whitespace-nowrap`}>
                  {d ? pickName(locale, d.name, d.nameEn) : "—"}
                  <span className="block">{t.months.label(c.month)}</span>
                </td>
                <td data-original className={`${td} tabular break-keep text-right text-slate-600 line-through decoration-slate-400`}>{money(c.oldValue)}</td>
                <td data-revised className={`${td} tabular break-keep text-right font-semibold text-slate-900`}>{money(c.newValue)}</td>
                <td className={`${td} whitespace-nowrap`}>
                  {t.corrections.day(c.correctedAt)}
                  <span className="block text-xs text-slate-600">{t.corrections.byOffice}</span>
                </td>
                <td className={`${td} min-w-48`}>{c.reason}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
