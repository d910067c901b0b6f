/**
 * The city dashboard's map: districts coloured by one indicator's pace (chosen with ?map=, a
 * plain GET form), for the month and data mode the page shows. Callers have checked city.read.
 */
import { choroplethMap, type ChoroplethRow } from "@/app/_lib/map";
import { ChoroplethFigure } from "@/components/map/choropleth-figure";
import { monthLabel, ytdLabel } from "@/domain/months";
import { firstParam, type SearchParams } from "./city-params";
import type { CityContext } from "./load";
import { PACE_LABELS } from "./pace-badge";

export async function CityPaceMap({ ctx, sp }: { ctx: CityContext; sp: SearchParams }) {
  const { campaign, view, rollups } = ctx;
  if (rollups.indicators.length === 0) return null;
  const wanted = firstParam(sp.map);
  const ind = rollups.indicators.find((i) => i.code === wanted) ?? rollups.indicators[0]!;
  const rows: ChoroplethRow[] = rollups.districts.map((d) => {
    const pace = ind.rollup.districts.get(d.id)?.pace;
    const status = pace?.status ?? "no_data";
    return { id: d.id, code: d.code, name: d.name, status, statusLabel: PACE_LABELS[status], reason: pace?.reason ?? PACE_LABELS.no_data };
  });
  const data = view.include ? "含未审核数据" : "已审核数据";
  const caption = `${ind.name} · ${ytdLabel(view.month)}进度（${data}，截至${monthLabel(view.month)}）· 来源：各区县月报`;
  const map = await choroplethMap(`${campaign.id}|${view.month}|${ind.code}|${view.mode}|staff`, rows, `${campaign.cityName}各区县${ind.name}进度地图`);
  return (
    <ChoroplethFigure
      id="city-map"
      heading="区县进度地图"
      caption={caption}
      map={map}
      rows={rows}
      labels={PACE_LABELS}
      selector={{
        action: "/city#city-map-heading",
        hidden: { month: view.month, ...(view.include ? { include: "unapproved" } : {}) },
        param: "map",
        options: rollups.indicators.map((i) => ({ value: i.code, label: i.name })),
        selected: ind.code,
      }}
      districtHref={(code) => `/city/districts/${encodeURIComponent(code)}?month=${view.month}${view.include ? "&include=unapproved" : ""}`}
    />
  );
}
