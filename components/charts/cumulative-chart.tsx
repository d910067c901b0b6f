import { renderSvg } from "./render";

/**
 * Cumulative actual by month against the plan (序时) line. Values are in display units.
 * `title` is the accessible name; the numbers are also given as a table by the page.
 */
export function CumulativeChart(props: {
  title: string;
  months: string[];
  actual: (number | null)[];
  plan: (number | null)[];
  unit: string;
  actualLabel?: string;
  planLabel?: string;
  width?: number;
  height?: number;
}) {
  const svg = renderSvg(
    {
      grid: { left: 56, right: 16, top: 36, bottom: 28 },
      legend: { top: 4, data: [props.actualLabel ?? "累计完成", props.planLabel ?? "序时进度"] },
      xAxis: { type: "category", data: props.months, axisTick: { alignWithLabel: true } },
      yAxis: { type: "value", name: props.unit, nameTextStyle: { align: "right" } },
      series: [
        { name: props.actualLabel ?? "累计完成", type: "bar", data: props.actual, itemStyle: { color: "#a11d23" }, barMaxWidth: 28 },
        { name: props.planLabel ?? "序时进度", type: "line", data: props.plan, symbol: "circle", symbolSize: 5, lineStyle: { type: "dashed", color: "#475569" }, itemStyle: { color: "#475569" } },
      ],
    },
    props.width ?? 640,
    props.height ?? 280,
  );
  return <figure role="img" aria-label={props.title} className="max-w-full overflow-x-auto" dangerouslySetInnerHTML={{ __html: svg }} />;
}
