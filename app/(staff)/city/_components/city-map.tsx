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

type Rollups = CityContext["rollups"];

/** One indicator's district pace as map rows (the table beside the map shows the same words). */
function paceRows(rollups: Rollups, ind: Rollups["indicators"][number]): ChoroplethRow[] {
  return rollups.districts.map((d) => {
    const pace = ind.rollup.districts.get(d.id)?.pace;
    const status = pace?.status ?? "no_data";
    return { id: d.id, code: d.code, name: d.name, status, statusLabel: PACE_LABELS[status], reason: pace?.reason ?? PACE_LABELS.no_data };
  });
}

/**
 * A district map of one indicator's pace for a month and data mode. `selector` adds the indicator
 * GET form (the dashboard); without it the page chooses the indicator (the rankings' 分项).
 */
export async function PaceMap(props: {
  id: string;
  campaign: CityContext["campaign"];
  month: string;
  mode: CityContext["view"]["mode"];
  rollups: Rollups;
  indicatorCode: string | undefined;
  selector?: { action: string; param: string; hidden: Record<string, string> };
}) {
  const { campaign, month, mode, rollups } = props;
  if (rollups.indicators.length === 0) return null;
  const named = rollups.indicators.find((i) => i.code === props.indicatorCode);
  // Without a selector the page has chosen the indicator: show its map or none, never another's.
  if (!named && !props.selector) return null;
  const ind = named ?? rollups.indicators[0]!;
  const rows = paceRows(rollups, ind);
  const include = mode === "all";
  const caption = `${ind.name} · ${ytdLabel(month)}进度（${include ? "含未审核数据" : "已审核数据"}，截至${monthLabel(month)}）· 来源：各区县月报`;
  const map = await choroplethMap(`${campaign.id}|${month}|${ind.code}|${mode}|staff`, rows, `${campaign.cityName}各区县${ind.name}进度地图`);
  return (
    <ChoroplethFigure
      id={props.id}
      heading={props.selector ? "区县进度地图" : `区县进度地图：${ind.name}`}
      caption={caption}
      map={map}
      rows={rows}
      labels={PACE_LABELS}
      selector={
        props.selector && {
          ...props.selector,
          options: rollups.indicators.map((i) => ({ value: i.code, label: i.name })),
          selected: ind.code,
        }
      }
      districtHref={(code) => `/city/districts/${encodeURIComponent(code)}?month=${month}${include ? "&include=unapproved" : ""}`}
    />
  );
}

export async function CityPaceMap({ ctx, sp }: { ctx: CityContext; sp: SearchParams }) {
  const { campaign, view, rollups } = ctx;
  return (
    <PaceMap
      id="city-map"
      campaign={campaign}
      month={view.month}
      mode={view.mode}
      rollups={rollups}
      indicatorCode={firstParam(sp.map)}
      selector={{ action: "/city#city-map-heading", param: "map", hidden: { month: view.month, ...(view.include ? { include: "unapproved" } : {}) } }}
    />
  );
}
