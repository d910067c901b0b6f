import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { EntryGrid } from "@/components/ui/entry-grid";
import { PaceBadge } from "@/app/(staff)/city/_components/pace-badge";
import { ReportStateBadge } from "@/components/report-state-badge";
import { OrderStatusBadge, OverdueBadge } from "@/components/orders/badges";

const html = (el: Parameters<typeof renderToStaticMarkup>[0]) => renderToStaticMarkup(el);

describe("Badge", () => {
  it("carries its words and data hooks; colour classes come from a tone or a domain style map", () => {
    expect(html(h(Badge, { tone: "red", children: "已逾期" }))).toBe('<span class="rounded-full px-2 py-0.5 text-xs inline-block border font-medium whitespace-nowrap border-red-300 bg-red-50 text-red-800">已逾期</span>');
    const soft = html(h(Badge, { look: "soft", colors: "bg-purple-50 text-purple-800", data: { "data-x": "1" }, title: "说明", children: "更正中" }));
    expect(soft).toBe('<span data-x="1" title="说明" class="rounded-full px-2 py-0.5 text-xs bg-purple-50 text-purple-800">更正中</span>');
  });

  it("the pace, report-state and order badges keep their words, hooks and colours", () => {
    const pace = html(h(PaceBadge, { status: "lagging", reason: "落后 4.3 个百分点" }));
    expect(pace).toContain('data-pace="lagging"');
    expect(pace).toContain("border-red-300 bg-red-50 text-lagging");
    expect(pace).toMatch(/<span aria-hidden="true" class="inline-block h-1\.5 w-1\.5 rounded-full bg-lagging"><\/span>严重落后/);
    expect(pace).toContain("落后 4.3 个百分点");
    expect(html(h(ReportStateBadge, { state: null }))).toBe('<span class="rounded-full px-2 py-0.5 text-xs bg-red-50 text-red-800">未填报</span>');
    expect(html(h(ReportStateBadge, { state: "approved" }))).toBe('<span data-state="approved" class="rounded-full px-2 py-0.5 text-xs bg-green-50 text-green-800">已审核</span>');
    expect(html(h(OrderStatusBadge, { status: "open" }))).toMatch(/data-order-status="open"[^>]*>待办理<\/span>/);
    expect(html(h(OverdueBadge, { days: 3 }))).toContain(">已逾期 3 天</span>");
    expect(html(h(OverdueBadge, { days: 0 }))).toBe("");
  });
});

describe("DataTable variants", () => {
  const row = h("tr", { key: "1" }, h("th", { scope: "row" }, "晋江市"), h("td", null, "已审核"));
  it("a printed sheet, a board with a sticky first column and note groups are classes on the table, not on cells", () => {
    const print = html(h(DataTable, { caption: "主要指标", density: "print", small: true, columns: ["指标", "状态"], children: row }));
    expect(print).toMatch(/<table class="dt dt-print w-full text-xs">/);
    const board = html(h(DataTable, { caption: "报送", density: "grid", stickyFirstColumn: true, columns: ["区县", "1月"], children: row }));
    expect(board).toMatch(/<table class="dt dt-grid dt-sticky w-full text-sm">/);
    expect(board).toContain("<td>已审核</td>");
    const notes = html(h(DataTable, { caption: "更正", bodies: "notes", columns: ["甲"], children: h("tbody", null, row) }));
    expect(notes).toContain('class="dt dt-notes w-full text-sm"');
    expect(notes).not.toContain("<tbody><tbody>");
  });
});

describe("EntryGrid", () => {
  it("has a hidden caption, headers with scope (wide-only ones hidden when stacked) and the grid handlers on the table", () => {
    const onPaste = () => {};
    const out = html(h(EntryGrid, { caption: "10月完成投资", columns: [{ label: "代码", wide: true }, { label: "项目名称" }, { label: "上月", num: true }], handlers: { onPaste }, children: h("tr", null, h("td", null, "x")) }));
    expect(out).toContain('<caption class="sr-only">10月完成投资</caption>');
    expect(out).toContain('<th scope="col" class="hidden lg:table-cell">代码</th><th scope="col">项目名称</th><th scope="col" class="text-right">上月</th>');
    expect(out).toContain('<tbody class="max-lg:block"><tr><td>x</td></tr></tbody>');
    const compact = html(h(EntryGrid, { caption: "指标", columns: [{ label: "指标" }], compact: true, bodies: true, handlers: {}, children: h("tbody", { "data-section": "a" }) }));
    expect(compact).toContain('<table class="eg eg-compact w-full text-sm max-lg:block">');
    expect(compact).toContain('<tbody data-section="a"></tbody>');
  });
});
