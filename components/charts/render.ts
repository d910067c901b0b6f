import "server-only";
import * as echarts from "echarts";

/** Rendered charts by their whole input (option and size), newest last; bounded in total characters. */
const rendered = new Map<string, string>();
let renderedChars = 0;
const MAX_RENDERED_CHARS = 8 * 1024 * 1024;

/**
 * ECharts rendered to an SVG string on the server: no chart library reaches the browser.
 * Rendering costs ~10 ms, so callers render charts only on cached or staff pages. The SVG depends
 * on the input alone, so a chart drawn before is reused, keyed by its whole input: the same
 * figures give the same picture, and changed figures are a different key (issue #17: the charts
 * were about a third of the CPU of the leader's indicator drill-down, drawn again for every request).
 * A function in the option (a label formatter) is keyed by its source text, so it must depend on
 * its arguments only, not on variables around it.
 */
export function renderSvg(option: echarts.EChartsCoreOption, width: number, height: number): string {
  const key = JSON.stringify([option, width, height], (_k, v: unknown) => (typeof v === "function" ? `ƒ${String(v)}` : v));
  const hit = rendered.get(key);
  if (hit !== undefined) {
    rendered.delete(key);
    rendered.set(key, hit);
    return hit;
  }
  const svg = draw(option, width, height);
  rendered.set(key, svg);
  renderedChars += key.length + svg.length;
  for (const [k, v] of rendered) {
    if (renderedChars <= MAX_RENDERED_CHARS) break;
    rendered.delete(k);
    renderedChars -= k.length + v.length;
  }
  return svg;
}

function draw(option: echarts.EChartsCoreOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width, height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: "PingFang SC, Microsoft YaHei, Noto Sans CJK SC, sans-serif" }, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
