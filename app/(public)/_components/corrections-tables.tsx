import { getDict, pickName } from "@/app/_lib/i18n/index";
import { localePath, type Locale } from "@/app/_lib/locale";
import type { FigureParts, PublicCorrection } from "@/app/_lib/public/corrections-data";
import type { PublicContext, PublicIndicator } from "@/app/_lib/public/public-data";
import type { PublicProjectCorrectionRow } from "@/db/queries/corrections";
import { formatAmount, formatPercentHalfUp } from "@/domain/format";
import { DataTable } from "@/components/ui/data-table";

/*
 * The public history of corrections of approved months: original → revised, when and why, newest
 * first. Values are shown exactly (every stored digit), since a correction may be small. The
 * public pages name the campaign office, never a person.
 */

const exact = (scale: number) => Math.max(0, Math.round(Math.log10(scale)));

function shownValue(ind: PublicIndicator, v: FigureParts, locale: Locale): string {
  if (ind.aggregation === "ratio") return v.numerator != null && v.denominator ? formatPercentHalfUp(v.numerator / v.denominator, locale) : "—";
  return v.value == null ? "—" : formatAmount(v.value, ind.unit, exact(ind.unit.scale), locale);
}

function change(ind: PublicIndicator, c: PublicCorrection, locale: Locale): string {
  if (ind.aggregation === "ratio" || c.original.value == null || c.revised.value == null) return "";
  const d = c.revised.value - c.original.value;
  return `${d > 0 ? "+" : d < 0 ? "−" : "±"}${formatAmount(Math.abs(d), ind.unit, exact(ind.unit.scale), locale)}`;
}

/**
 * Where (district or project, and month), original, revised, when: narrow enough for a phone.
 * The reason follows in a row of its own, so each correction is one <tbody>.
 */
function columns(locale: Locale, first: string) {
  const t = getDict(locale).corrections;
  return [first, { label: t.original, num: true }, { label: t.revised, num: true }, t.correctedAt];
}

function Reason({ locale, reason }: { locale: Locale; reason: string }) {
  const t = getDict(locale);
  return (
    <tr>
      <td colSpan={4} data-reason className="pt-1 pb-3 text-slate-700">
        <span className="text-slate-600">{t.corrections.reason}{t.common.colon}</span>
        {reason}
      </td>
    </tr>
  );
}

function When({ locale, at }: { locale: Locale; at: string }) {
  const t = getDict(locale).corrections;
  return (
    <td>
      {t.day(at)}
      <span className="block text-xs text-slate-600">{t.byOffice}</span>
    </td>
  );
}

const oldCls = "num whitespace-nowrap text-slate-600 line-through decoration-slate-400";

/** One indicator's corrections, one row per corrected district-month. */
export function IndicatorCorrectionsTable({ locale, ctx, ind }: { locale: Locale; ctx: PublicContext; ind: PublicIndicator }) {
  const t = getDict(locale);
  const name = pickName(locale, ind.name, ind.nameEn);
  return (
    <DataTable look="framed" bodies="notes" attrs={{ "data-corrections": ind.code }} caption={t.corrections.indicatorCaption(name)} columns={columns(locale, `${t.common.district} · ${t.corrections.monthCol}`)}>
        {[...ind.corrections].reverse().map((c) => {
          const d = ctx.districts.find((x) => x.id === c.districtId);
          const delta = change(ind, c, locale);
          return (
            <tbody key={`${c.districtId}|${c.month}|${c.correctedAt}`} data-correction={`${d?.code ?? c.districtId}|${c.month}`}>
              <tr className="border-0">
                <th scope="row">
                  {d ? (
                    <a data-district-name href={localePath(locale, `/districts/${encodeURIComponent(d.code)}`)} className="text-slate-900 hover:text-brand-700 hover:underline">
                      {pickName(locale, d.name, d.nameEn)}
                    </a>
                  ) : (
                    "—"
                  )}
                  <span className="block whitespace-nowrap text-xs text-slate-600">{t.months.label(c.month)}</span>
                </th>
                <td data-original className={oldCls}>{shownValue(ind, c.original, locale)}</td>
                <td className="num whitespace-nowrap">
                  <span data-revised className="font-semibold text-slate-900">{shownValue(ind, c.revised, locale)}</span>
                  {delta && <span className="block text-xs text-slate-600">{delta}</span>}
                </td>
                <When locale={locale} at={c.correctedAt} />
              </tr>
              <Reason locale={locale} reason={c.reason} />
            </tbody>
          );
        })}
    </DataTable>
  );
}

/** Corrections of public projects' monthly investment (万元, shown in 亿元 exactly). */
export function ProjectCorrectionsTable({ locale, ctx, rows }: { locale: Locale; ctx: PublicContext; rows: PublicProjectCorrectionRow[] }) {
  const t = getDict(locale);
  const yi = { symbol: "亿元", symbolEn: "CNY 100 million", scale: 10000 };
  const money = (v: number | null) => (v == null ? "—" : formatAmount(v, yi, 4, locale));
  return (
    <DataTable look="framed" bodies="notes" attrs={{ "data-project-corrections": true }} caption={t.corrections.projectsCaption} columns={columns(locale, `${t.corrections.project} · ${t.corrections.monthCol}`)}>
        {[...rows].reverse().map((c) => {
          const d = ctx.districts.find((x) => x.id === c.districtId);
          return (
            <tbody key={c.id} data-correction={`${c.projectCode}|${c.month}`}>
              <tr className="border-0">
                <th scope="row">
                  <a href={localePath(locale, `/projects/${encodeURIComponent(c.projectCode)}`)} className="text-slate-900 hover:text-brand-700 hover:underline">
                    {c.projectName}
                  </a>
                  <span className="block text-xs text-slate-600">
                    {d ? pickName(locale, d.name, d.nameEn) : "—"} · {t.months.label(c.month)}
                  </span>
                </th>
                <td data-original className={oldCls}>{money(c.oldValue)}</td>
                <td data-revised className="num font-semibold whitespace-nowrap text-slate-900">{money(c.newValue)}</td>
                <When locale={locale} at={c.correctedAt} />
              </tr>
              <Reason locale={locale} reason={c.reason} />
            </tbody>
          );
        })}
    </DataTable>
  );
}
