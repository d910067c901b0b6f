/**
 * The year-end forecast on the city pages: one sentence per indicator (dashboard, bulletin), one
 * per row (lagging list), and the method (测算方法) written out beside them. Server components.
 */
import type { Forecast } from "@/domain/forecast";
import { FORECAST_METHOD, forecastSentence, type ForecastFormat } from "@/domain/forecast-text";
import { monthLabel } from "@/domain/months";
import type { CampaignForecasts } from "./forecast-load";

export const FORECAST_METHOD_ID = "forecast-method";

function FlagBadge() {
  return <span data-forecast-flag className="ml-1 inline-block rounded border border-red-300 bg-red-50 px-1 py-0.5 text-xs whitespace-nowrap text-red-800">超出今年最高月份</span>;
}

/** One area's forecast in words; nothing when the indicator has no target there. */
export function ForecastText({ forecast, fmt, className }: { forecast: Forecast | undefined; fmt: ForecastFormat; className?: string }) {
  const s = forecast ? forecastSentence(forecast, fmt) : null;
  if (!s) return null;
  return (
    <span className={className || undefined}>
      <span data-forecast-text>{s.text}</span>
      {s.flag && <FlagBadge />}
    </span>
  );
}

/** One row's forecast: the city's (districtId null) or a district's. */
export function ForecastCell({ forecasts, code, districtId }: { forecasts: CampaignForecasts; code: string; districtId: number | null }) {
  const ind = forecasts.byCode.get(code);
  if (!ind) return null;
  return <ForecastText forecast={districtId == null ? ind.city : ind.districts.get(districtId)} fmt={ind} />;
}

/** Where the city's forecast stands: the month it runs through, approved figures only. */
export function forecastScopeText(f: CampaignForecasts, includeUnapproved: boolean): string {
  const through = f.cityAsOf ? `按截至${monthLabel(f.cityAsOf)}（全部区县均已审核的最近月份）的已审核数据推算` : "尚无全部区县均已审核的月份，暂不推算";
  return `${through}${includeUnapproved ? "；本页虽含未审核数据，预测仍只用已审核数据" : ""}。`;
}

export function ForecastMethod({ open = false, compact = false }: { open?: boolean; compact?: boolean }) {
  return (
    <details id={FORECAST_METHOD_ID} open={open} className={compact ? "mt-1 text-[11px] text-slate-700" : "mt-3 text-sm text-slate-700"}>
      <summary className="cursor-pointer text-brand-700">测算方法</summary>
      <ol className="mt-1 list-decimal space-y-0.5 pl-5">
        {FORECAST_METHOD["zh-CN"].map((t) => (
          <li key={t}>{t}</li>
        ))}
      </ol>
    </details>
  );
}

/** The dashboard's block: the city's forecast of every indicator with a target. */
export function ForecastSection({ forecasts, includeUnapproved }: { forecasts: CampaignForecasts; includeUnapproved: boolean }) {
  const rows = forecasts.indicators.map((i) => ({ i, s: forecastSentence(i.city, i) })).filter((r) => r.s != null);
  const flagged = rows.filter((r) => r.s!.flag).length;
  return (
    <section aria-labelledby="forecast-heading" data-forecast className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="forecast-heading" className="text-base font-semibold">全市年末预测</h2>
      <p className="mt-1 text-sm text-slate-600">
        {forecastScopeText(forecasts, includeUnapproved)}
        {flagged > 0 && <strong className="font-medium text-red-800">其中 {flagged} 项指标余下月份所需月均高于今年最高月份。</strong>}
      </p>
      {rows.length === 0 ? (
        <p className="mt-2 text-sm text-slate-700">没有设定目标的指标，不作预测。</p>
      ) : (
        <ul className="mt-2 divide-y divide-slate-100 text-sm *:py-1.5 [&_b]:font-medium">
          {rows.map(({ i, s }) => (
            <li key={i.code} data-forecast-indicator={i.code}>
              <b>{i.name}</b>：<span data-forecast-text>{s!.text}</span>
              {s!.flag && <FlagBadge />}
            </li>
          ))}
        </ul>
      )}
      <ForecastMethod />
    </section>
  );
}

/** The bulletin's paragraph: the city's forecast of the bulletin's indicators, and the method in small print. */
export function BulletinForecast({ forecasts, codes, includeUnapproved }: { forecasts: CampaignForecasts; codes: readonly string[]; includeUnapproved: boolean }) {
  const rows = codes.flatMap((code) => {
    const i = forecasts.byCode.get(code);
    const s = i ? forecastSentence(i.city, i) : null;
    return i && s ? [{ i, s }] : [];
  });
  if (rows.length === 0) return null;
  return (
    <div data-forecast className="mt-2 break-inside-avoid">
      <p className="indent-8">年末预测：{forecastScopeText(forecasts, includeUnapproved)}</p>
      <ul className="mt-0.5 space-y-0.5 pl-8">
        {rows.map(({ i, s }) => (
          <li key={i.code} data-forecast-indicator={i.code} className="list-disc">
            {i.name}：<span data-forecast-text>{s.text}</span>
            {s.flag && <FlagBadge />}
          </li>
        ))}
      </ul>
      <ForecastMethod open compact />
    </div>
  );
}
