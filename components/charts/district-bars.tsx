import { renderSvg } from "./render";

/** Districts side by side: a horizontal bar per district (e.g. % of target), with a reference line. */
export function DistrictBars(props: {
  title: string;
  names: string[];
  values: (number | null)[];
  unit: string;
  reference?: { value: number; label: string };
  width?: number;
}) {
  const height = 40 + props.names.length * 26;
  const svg = renderSvg(
    {
      grid: { left: 130, right: 48, top: 16, bottom: 24 },
      xAxis: { type: "value", name: props.unit },
      yAxis: { type: "category", data: props.names, inverse: true, axisTick: { show: false } },
      series: [
        {
          type: "bar",
          data: props.values,
          itemStyle: { color: "#a11d23" },
          barMaxWidth: 16,
          label: { show: true, position: "right", formatter: (p: { value: number | null }) => (p.value == null ? "—" : String(p.value)) },
          markLine: props.reference
            ? { symbol: "none", data: [{ xAxis: props.reference.value, label: { formatter: props.reference.label } }], lineStyle: { type: "dashed", color: "#475569" } }
            : undefined,
        },
      ],
    },
    props.width ?? 640,
    height,
  );
  return <figure role="img" aria-label={props.title} className="max-w-full overflow-x-auto" dangerouslySetInnerHTML={{ __html: svg }} />;
}
