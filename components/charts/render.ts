import "server-only";
import * as echarts from "echarts";

/**
 * ECharts rendered to an SVG string on the server: no chart library reaches the browser.
 * Rendering costs ~10 ms, so callers render charts only on cached or staff pages.
 */
export function renderSvg(option: echarts.EChartsCoreOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width, height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: "PingFang SC, Microsoft YaHei, Noto Sans CJK SC, sans-serif" }, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
