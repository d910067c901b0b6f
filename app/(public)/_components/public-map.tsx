/**
 * The public district map: approved figures only (the public context), one indicator's pace by
 * district. On cached pages (home, rankings) it shows `selected` or the first headline
 * indicator, and its GET form leads to /map, the one page that reads the query string.
 */
import { getDict, pickName } from "@/app/_lib/i18n/index";
import { localePath, type Locale } from "@/app/_lib/locale";
import { choroplethMap, type ChoroplethRow } from "@/app/_lib/map";
import type { PublicContext, PublicIndicator } from "@/app/_lib/public/public-data";
import { ChoroplethFigure } from "@/components/map/choropleth-figure";
import { paceReason } from "./pace-bar";

export function defaultMapIndicator(ctx: PublicContext): PublicIndicator | undefined {
  return ctx.indicators.find((i) => i.isHeadline && [...i.districts.values()].some((a) => a.target != null)) ?? ctx.indicators[0];
}

export async function PublicPaceMap({ locale, ctx, selected }: { locale: Locale; ctx: PublicContext; selected?: string }) {
  const t = getDict(locale);
  const ind = ctx.indicators.find((i) => i.code === selected) ?? defaultMapIndicator(ctx);
  if (!ind) return null;
  const isRate = ind.aggregation === "ratio";
  const labels = isRate ? t.pace.rateStatus : t.pace.status;
  const rows: ChoroplethRow[] = ctx.districts.map((d) => {
    const a = ind.districts.get(d.id);
    const status = a?.pace.status ?? "no_data";
    return { id: d.id, code: d.code, name: pickName(locale, d.name, d.nameEn), status, statusLabel: labels[status], reason: a ? paceReason(a.pace, isRate, locale) : labels.no_data };
  });
  const name = pickName(locale, ind.name, ind.nameEn);
  const zh = locale === "zh";
  const caption = zh
    ? `${name} · ${t.months.ytd(ctx.month)}进度（已审核数据，各区县截至其最新审核月份）· 来源：各区县月报，经市专项办审核`
    : `${name} · ${t.months.ytd(ctx.month)} progress (approved figures, each district through its latest approved month) · Source: district monthly reports approved by the campaign office`;
  const map = await choroplethMap(`${ctx.campaign.id}|${ctx.month}|${ind.code}|public|${locale}`, rows, zh ? `${ctx.campaign.cityName}各区县${name}进度地图` : `${name} by district`);
  return (
    <ChoroplethFigure
      id="district-map"
      locale={locale}
      heading={zh ? "区县进度地图" : "Progress by district"}
      caption={caption}
      map={map}
      rows={rows}
      labels={labels}
      selector={{ action: localePath(locale, "/map"), hidden: {}, param: "indicator", options: ctx.indicators.map((i) => ({ value: i.code, label: pickName(locale, i.name, i.nameEn) })), selected: ind.code }}
      districtHref={(code) => localePath(locale, `/districts/${encodeURIComponent(code)}`)}
    />
  );
}
