import { describe, expect, it } from "vitest";
import { renderSvg } from "@/components/charts/render";

/* Charts are drawn once per input and reused (issue #17); changed figures draw a new chart. */

const option = (values: (number | null)[], formatter?: (p: { value: number | null }) => string) => ({
  xAxis: { type: "category", data: ["1月", "2月", "3月"] },
  yAxis: { type: "value", name: "亿元" },
  series: [{ name: "累计完成", type: "bar", data: values, label: { show: true, ...(formatter ? { formatter } : {}) } }],
});

describe("server-drawn charts", () => {
  it("the same figures give the very same SVG, drawn once", () => {
    const first = renderSvg(option([12.5, 30.25, 47]), 640, 280);
    expect(first).toMatch(/^<svg/);
    expect(first).toContain("30.25");
    expect(renderSvg(option([12.5, 30.25, 47]), 640, 280)).toBe(first);
  });

  it("changed figures, size or label formatter draw a different chart", () => {
    const first = renderSvg(option([12.5, 30.25, 47]), 640, 280);
    const changed = renderSvg(option([12.5, 30.25, 48.5]), 640, 280);
    expect(changed).not.toBe(first);
    expect(changed).toContain("48.5");
    expect(changed).not.toContain(">47<");
    expect(renderSvg(option([12.5, 30.25, 47]), 320, 280)).toContain('width="320"');
    const dashed = renderSvg(option([12.5, null, 47], (p) => (p.value == null ? "—" : `${p.value} 亿`)), 640, 280);
    expect(dashed).toContain("47 亿");
    const plain = renderSvg(option([12.5, null, 47], (p) => (p.value == null ? "—" : String(p.value))), 640, 280);
    expect(plain).not.toContain("47 亿");
  });
});
