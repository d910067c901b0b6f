import { getDict, pickName } from "@/app/_lib/i18n/index";
import { localePath, type Locale } from "@/app/_lib/locale";
import { monthNumber } from "@/domain/months";
import type { PublicContext, PublicIndicator } from "@/app/_lib/public/public-data";
import { formatPct, formatTarget, formatValue } from "./format";
import { PaceBadge, paceReason } from "./pace-bar";
import { CorrectedMark } from "./corrected-mark";

function DistrictLink({ locale, code, name }: { locale: Locale; code: string; name: string }) {
  return (
    <a href={localePath(locale, `/districts/${encodeURIComponent(code)}`)} className="text-slate-900 hover:text-brand-700 hover:underline">
      {name}
    </a>
  );
}

/** One indicator by district: year-to-date, target, completion and pace in words. */
export function IndicatorByDistrict({ locale, ctx, ind, caption }: { locale: Locale; ctx: PublicContext; ind: PublicIndicator; caption: string }) {
  const t = getDict(locale);
  const isRate = ind.aggregation === "ratio";
  const m = monthNumber(ctx.month);
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-200 bg-slate-50 text-left text-xs text-slate-600">
            <th scope="col" className="px-3 py-2 font-medium">{t.common.district}</th>
            <th scope="col" className="px-3 py-2 text-right font-medium">{isRate ? t.indicator.currentLevel(t.months.ytd(ctx.month)) : t.indicator.ytdDone(t.months.ytd(ctx.month))}</th>
            <th scope="col" className="px-3 py-2 text-right font-medium">{t.indicator.districtTarget}</th>
            <th scope="col" className="px-3 py-2 text-right font-medium">{t.indicator.share}</th>
            <th scope="col" className="px-3 py-2 font-medium">{t.indicator.status}</th>
          </tr>
        </thead>
        <tbody>
          {ctx.districts.map((d) => {
            const a = ind.districts.get(d.id);
            if (!a) return null;
            return (
              <tr key={d.code} data-district={d.code} className="border-b border-slate-100 align-top last:border-0">
                <th scope="row" className="px-3 py-2 text-left font-normal">
                  <DistrictLink locale={locale} code={d.code} name={pickName(locale, d.name, d.nameEn)} />
                </th>
                <td className="tabular break-keep px-3 py-2 text-right">
                  <span data-actual className="font-medium">{formatValue(ind, a.actual, locale)}</span>
                  {a.actual != null && a.month < m && <span className="block text-xs text-slate-600">{t.common.through(a.month)}</span>}
                  {a.month > 0 && <CorrectedMark locale={locale} at={a.correctedAt[a.month - 1]} indicatorCode={ind.code} block />}
                </td>
                <td className="tabular break-keep px-3 py-2 text-right">{formatTarget(ind, a.target, locale)}</td>
                <td className="tabular break-keep px-3 py-2 text-right">{a.pace.share == null ? "—" : formatPct(a.pace.share, locale)}</td>
                <td className="px-3 py-2">
                  <PaceBadge pace={a.pace} isRate={isRate} locale={locale} />
                  <span className="mt-0.5 block text-xs text-slate-600">{paceReason(a.pace, isRate, locale)}</span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** Several indicators side by side, one row per district (an action's headline indicators). */
export function DistrictMatrix({ locale, ctx, indicators, caption }: { locale: Locale; ctx: PublicContext; indicators: PublicIndicator[]; caption: string }) {
  const t = getDict(locale);
  const m = monthNumber(ctx.month);
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-200 bg-slate-50 text-left align-bottom text-xs text-slate-600">
            <th scope="col" className="px-3 py-2 font-medium">{t.common.district}</th>
            {indicators.map((i) => (
              <th key={i.code} scope="col" className="min-w-32 px-3 py-2 text-right font-medium">
                {pickName(locale, i.name, i.nameEn)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {ctx.districts.map((d) => {
            const through = ctx.approvedThrough.get(d.id) ?? 0;
            return (
              <tr key={d.code} data-district={d.code} className="border-b border-slate-100 align-top last:border-0">
                <th scope="row" className="px-3 py-2 text-left font-normal">
                  <DistrictLink locale={locale} code={d.code} name={pickName(locale, d.name, d.nameEn)} />
                  {through > 0 && through < m && <span className="block text-xs text-slate-600">{t.common.through(through)}</span>}
                </th>
                {indicators.map((i) => {
                  const a = i.districts.get(d.id);
                  const isRate = i.aggregation === "ratio";
                return (
                    <td key={i.code} data-indicator={i.code} className="tabular break-keep px-3 py-2 text-right">
                      <span className="font-medium">{a ? formatValue(i, a.actual, locale) : "—"}</span>
                      {a && a.month > 0 && <CorrectedMark locale={locale} at={a.correctedAt[a.month - 1]} indicatorCode={i.code} block />}
                      {a && !isRate && a.pace.share != null && <span className="block text-xs text-slate-600">{t.pace.completion} {formatPct(a.pace.share, locale)}</span>}
                      {a && (
                        <span className="mt-0.5 block">
                          <PaceBadge pace={a.pace} isRate={isRate} locale={locale} />
                        </span>
                      )}
                    </td>
                );
              })}
            </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
