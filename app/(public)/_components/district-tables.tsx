import { getDict, pickName } from "@/app/_lib/i18n/index";
import { localePath, type Locale } from "@/app/_lib/locale";
import { monthNumber } from "@/domain/months";
import type { PublicContext, PublicIndicator } from "@/app/_lib/public/public-data";
import { formatPercentHalfUp, formatTarget, formatValue } from "@/domain/format";
import { PaceBadge, paceReason } from "./pace-bar";
import { CorrectedMark } from "./corrected-mark";
import { DataTable } from "@/components/ui/data-table";

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
    <DataTable look="framed" caption={caption} columns={[
      t.common.district,
      { label: isRate ? t.indicator.currentLevel(t.months.ytd(ctx.month)) : t.indicator.ytdDone(t.months.ytd(ctx.month)), num: true },
      { label: t.indicator.districtTarget, num: true },
      { label: t.indicator.share, num: true },
      t.indicator.status,
    ]}>
          {ctx.districts.map((d) => {
            const a = ind.districts.get(d.id);
            if (!a) return null;
            return (
              <tr key={d.code} data-district={d.code}>
                <th scope="row">
                  <DistrictLink locale={locale} code={d.code} name={pickName(locale, d.name, d.nameEn)} />
                </th>
                <td className="num">
                  <span data-actual className="font-medium">{formatValue(ind, a.actual, locale)}</span>
                  {a.actual != null && a.month < m && <span className="block text-xs text-slate-600">{t.common.through(a.month)}</span>}
                  {a.month > 0 && <CorrectedMark locale={locale} at={a.correctedAt[a.month - 1]} indicatorCode={ind.code} block />}
                </td>
                <td className="num">{formatTarget(ind, a.target, locale)}</td>
                <td className="num">{a.pace.share == null ? "—" : formatPercentHalfUp(a.pace.share, locale)}</td>
                <td>
                  <PaceBadge pace={a.pace} isRate={isRate} locale={locale} />
                  <span className="mt-0.5 block text-xs text-slate-600">{paceReason(a.pace, isRate, locale)}</span>
                </td>
              </tr>
            );
          })}
    </DataTable>
  );
}

/** Several indicators side by side, one row per district (an action's headline indicators). */
export function DistrictMatrix({ locale, ctx, indicators, caption }: { locale: Locale; ctx: PublicContext; indicators: PublicIndicator[]; caption: string }) {
  const t = getDict(locale);
  const m = monthNumber(ctx.month);
  return (
    <DataTable look="framed" caption={caption} head={
      <tr className="align-bottom">
        <th scope="col">{t.common.district}</th>
        {indicators.map((i) => (
          <th key={i.code} scope="col" className="num min-w-32">{pickName(locale, i.name, i.nameEn)}</th>
        ))}
      </tr>
    }>
          {ctx.districts.map((d) => {
            const through = ctx.approvedThrough.get(d.id) ?? 0;
            return (
              <tr key={d.code} data-district={d.code}>
                <th scope="row">
                  <DistrictLink locale={locale} code={d.code} name={pickName(locale, d.name, d.nameEn)} />
                  {through > 0 && through < m && <span className="block text-xs text-slate-600">{t.common.through(through)}</span>}
                </th>
                {indicators.map((i) => {
                  const a = i.districts.get(d.id);
                  const isRate = i.aggregation === "ratio";
                return (
                    <td key={i.code} data-indicator={i.code} className="num">
                      <span className="font-medium">{a ? formatValue(i, a.actual, locale) : "—"}</span>
                      {a && a.month > 0 && <CorrectedMark locale={locale} at={a.correctedAt[a.month - 1]} indicatorCode={i.code} block />}
                      {a && !isRate && a.pace.share != null && <span className="block text-xs text-slate-600">{t.pace.completion} {formatPercentHalfUp(a.pace.share, locale)}</span>}
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
    </DataTable>
  );
}
