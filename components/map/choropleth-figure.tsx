/**
 * A district map coloured by pace, with everything it shows also in words: a legend, a caption
 * naming the indicator, month and boundary source, and a table beside it (the screen-reader and
 * no-colour fallback). The indicator select is a plain GET form: it works without JavaScript.
 * No hooks: a server component.
 */
import type { ChoroplethMap, ChoroplethRow } from "@/app/_lib/map";
import type { PaceStatus } from "@/domain/pace";
import { PACE_FILL } from "@/domain/map/svg";
import { MAP_TEXT, type MapLocale } from "./text";
import { DataTable } from "@/components/ui/data-table";
import { Picker, PickerSelect } from "@/components/ui/picker";

export interface MapSelector {
  /** Where the GET form goes, and the parameters it keeps (month, data mode). */
  action: string;
  hidden: Record<string, string>;
  param: string;
  options: { value: string; label: string }[];
  selected: string;
}

const LEGEND: PaceStatus[] = ["ahead", "behind", "lagging", "no_target", "no_data"];

export function ChoroplethFigure(props: {
  id: string;
  locale?: MapLocale;
  heading: string;
  /** "晋江市等 13 个区县 · 全年项目投资 · 1—10月" */
  caption: string;
  map: ChoroplethMap;
  rows: readonly ChoroplethRow[];
  labels: Record<PaceStatus, string>;
  selector?: MapSelector;
  districtHref?: (code: string) => string;
}) {
  const t = MAP_TEXT[props.locale ?? "zh"];
  const { map, rows } = props;
  return (
    <section aria-labelledby={`${props.id}-heading`} data-district-map className="rounded-lg border border-slate-200 bg-white p-3 sm:p-4">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <h2 id={`${props.id}-heading`} className="text-lg font-semibold">{props.heading}</h2>
        {props.selector && <IndicatorSelect id={props.id} selector={props.selector} label={t.indicator} submit={t.show} />}
      </div>
      <div className="mt-3 grid gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <figure className="min-w-0">
          {map.svg ? (
            <div data-map-svg className="overflow-hidden" dangerouslySetInnerHTML={{ __html: map.svg }} />
          ) : (
            <p className="rounded border border-dashed border-slate-300 px-3 py-6 text-center text-sm text-slate-600">{t.noBoundaries}</p>
          )}
          <ul aria-label={t.legend} data-map-legend className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700">
            {LEGEND.map((s) => (
              <li key={s} data-legend={s} className="inline-flex items-center gap-1.5">
                <svg aria-hidden="true" width="14" height="14" viewBox="0 0 14 14"><rect data-swatch width="14" height="14" rx="2" fill={PACE_FILL[s]} /></svg>
                <span data-legend-label>{props.labels[s]}</span>
              </li>
            ))}
          </ul>
          <figcaption className="mt-2 text-xs text-slate-600">
            <span data-map-caption>{props.caption}</span>
            {map.missing.length > 0 && <span className="block">{t.missing(map.missing.map((d) => d.name))}</span>}
            {map.source && <span className="block">{t.source(map.source)}</span>}
          </figcaption>
        </figure>
        <DataTable caption={t.tableCaption(props.caption)} density="compact" wrapClassName="min-w-0" attrs={{ "data-map-table": true }} head={<>
              <tr>
                <th scope="col">{t.district}</th>
                <th scope="col">{t.status}</th>
              </tr>
        </>}>
              {rows.map((r) => (
                <tr key={r.code} data-district={r.code}>
                  <th scope="row">
                    {props.districtHref ? <a href={props.districtHref(r.code)} className="hover:text-brand-700 hover:underline">{r.name}</a> : r.name}
                  </th>
                  <td>
                    <span className="inline-flex items-center gap-1.5">
                      <svg aria-hidden="true" width="10" height="10" viewBox="0 0 10 10"><rect width="10" height="10" rx="2" fill={PACE_FILL[r.status]} /></svg>
                      <span data-status-label className="font-medium">{r.statusLabel}</span>
                    </span>
                    {r.reason !== r.statusLabel && <span className="block text-xs text-slate-600">{r.reason}</span>}
                  </td>
                </tr>
              ))}
        </DataTable>
      </div>
    </section>
  );
}

function IndicatorSelect({ id, selector, label, submit }: { id: string; selector: MapSelector; label: string; submit: string }) {
  return (
    <Picker action={selector.action} hiddenFirst hidden={selector.hidden} submitLabel={submit} data={{ "data-map-form": "" }}>
      <PickerSelect id={`${id}-indicator`} name={selector.param} label={label} value={selector.selected} options={selector.options} className="max-w-[16rem]" />
    </Picker>
  );
}
