/**
 * One district's map: its boundary among its neighbours, its projects (blue dots) and parks
 * (purple squares) with a <title> each, and the same places listed in a table. Server component.
 */
import type { PointMap } from "@/app/_lib/map";
import type { MapPointRow } from "@/db/queries/map";
import { MAP_POINT_KIND_LABELS } from "@/domain/labels";
import { POINT_FILL } from "@/domain/map/svg";
import { MAP_TEXT, type MapLocale } from "./text";
import { DataTable } from "@/components/ui/data-table";

const KIND = {
  zh: { ...MAP_POINT_KIND_LABELS.zh, lon: "经度", lat: "纬度", name: "名称", kind: "类别" },
  en: { ...MAP_POINT_KIND_LABELS.en, lon: "Longitude", lat: "Latitude", name: "Name", kind: "Kind" },
} as const;

export function PointMapFigure({ id, locale = "zh", heading, map, points }: { id: string; locale?: MapLocale; heading: string; map: PointMap; points: readonly MapPointRow[] }) {
  const t = MAP_TEXT[locale];
  const k = KIND[locale];
  const projects = points.filter((p) => p.kind === "project").length;
  return (
    <section aria-labelledby={`${id}-heading`} data-point-map className="rounded-lg border border-slate-200 bg-white p-3 sm:p-4">
      <h2 id={`${id}-heading`} className="text-lg font-semibold">{heading}</h2>
      <div className="mt-3 grid gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <figure className="min-w-0">
          {map.svg ? <div data-map-svg className="overflow-hidden" dangerouslySetInnerHTML={{ __html: map.svg }} /> : <p className="rounded border border-dashed border-slate-300 px-3 py-6 text-center text-sm text-slate-600">{t.noPoints}</p>}
          <figcaption className="mt-2 space-y-0.5 text-xs text-slate-600">
            {points.length > 0 ? (
              <span className="flex flex-wrap items-center gap-x-3">
                <span className="inline-flex items-center gap-1"><svg aria-hidden="true" width="10" height="10"><circle cx="5" cy="5" r="4.5" fill={POINT_FILL.project} /></svg>{k.project}</span>
                <span className="inline-flex items-center gap-1"><svg aria-hidden="true" width="10" height="10"><rect width="10" height="10" fill={POINT_FILL.park} /></svg>{k.park}</span>
                <span>{t.points(projects, points.length - projects)}</span>
              </span>
            ) : map.svg ? <span className="block">{t.noPoints}</span> : null}
            {!map.hasBoundary && map.svg && <span className="block">{t.noDistrictBoundary}</span>}
            {map.source && map.hasBoundary && <span className="block">{t.source(map.source)}</span>}
          </figcaption>
        </figure>
        {points.length > 0 && (
          <DataTable caption={heading} density="compact" wrapClassName="min-w-0" attrs={{ "data-point-table": true }} head={<>
                <tr>
                  <th scope="col">{k.name}</th>
                  <th scope="col">{k.kind}</th>
                  <th scope="col" className="num">{k.lon}</th>
                  <th scope="col" className="num">{k.lat}</th>
                </tr>
          </>}>
                {points.map((p) => (
                  <tr key={`${p.kind}-${p.code}`} data-point-row={p.kind}>
                    <th scope="row">{p.name}</th>
                    <td className="whitespace-nowrap">{p.kind === "project" ? k.project : p.isPilot ? k.pilot : k.park}</td>
                    <td className="num">{p.longitude.toFixed(4)}</td>
                    <td className="num">{p.latitude.toFixed(4)}</td>
                  </tr>
                ))}
          </DataTable>
        )}
      </div>
    </section>
  );
}
