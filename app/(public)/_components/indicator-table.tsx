import { getDict, pickName } from "@/app/_lib/i18n/index";
import { localePath, type Locale } from "@/app/_lib/locale";
import { monthNumber } from "@/domain/months";
import type { PublicArea, PublicContext, PublicIndicator } from "@/app/_lib/public/public-data";
import { describeIndicatorTarget, formatValue } from "@/domain/format";
import { PaceBar } from "./pace-bar";
import { CorrectedMark } from "./corrected-mark";
import { DataTable } from "@/components/ui/data-table";

/**
 * Indicators with their year-to-date figure, annual target and pace, for the city (default) or
 * one district (`districtId`). Rows carry data-indicator; the target cell data-target.
 * Cell type comes from the `.pub` rules in app/globals.css, not a class list on every row.
 */
export function IndicatorTable({ locale, ctx, indicators, caption, districtId }: { locale: Locale; ctx: PublicContext; indicators: PublicIndicator[]; caption: string; districtId?: number }) {
  const t = getDict(locale);
  // A district's figures run to its own latest approved month: say so in the column heading.
  const through = districtId == null ? monthNumber(ctx.month) : ctx.approvedThrough.get(districtId) || monthNumber(ctx.month);
  const ytd = t.months.ytd(`${ctx.campaign.year}-${String(through).padStart(2, "0")}`);
  return (
    <DataTable caption={caption} density="flush" className="pub" wrapClassName="mt-4" columns={[t.common.indicator, { label: t.home.doneCol(ytd), num: true }, { label: t.home.targetCol(ctx.campaign.year), num: true }]}>
          {indicators.map((ind) => {
            const area: PublicArea | undefined = districtId == null ? ind.city : ind.districts.get(districtId);
            if (!area) return null;
            const target = districtId == null ? describeIndicatorTarget(ind, area.target, ctx.campaign.year, t.target, locale) : { main: area.target == null ? t.common.dash : describeIndicatorTarget({ ...ind, cityTarget: null }, area.target, ctx.campaign.year, t.target, locale).main, conditions: [] };
            const isRate = ind.aggregation === "ratio";
            return (
              <tr key={ind.code} data-indicator={ind.code}>
                <th scope="row">
                  <a href={localePath(locale, `/indicators/${encodeURIComponent(ind.code)}`)} className={ind.isHeadline ? "font-medium" : undefined}>
                    {pickName(locale, ind.name, ind.nameEn)}
                  </a>
                  <small>{t.common.paren(t.kind[ind.kind])}</small>
                  <PaceBar pace={area.pace} isRate={isRate} locale={locale} rate={isRate ? area.actual : null} />
                </th>
                <td className="num">
                  <span data-actual>{formatValue(ind, area.actual, locale)}</span>
                  {area.actual != null && area.month < through && <span className="sub">{t.common.through(area.month)}</span>}
                  {area.month > 0 && <CorrectedMark locale={locale} at={area.correctedAt[area.month - 1]} indicatorCode={ind.code} block />}
                </td>
                <td className="num">
                  <span data-target>{target.main}</span>
                  {target.conditions.map((c) => (
                    <span key={c} className="sub">{c}</span>
                  ))}
                </td>
              </tr>
            );
          })}
    </DataTable>
  );
}
