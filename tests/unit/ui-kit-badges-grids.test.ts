import { readFileSync } from "node:fs";
import path from "node:path";
import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { EntryGrid } from "@/components/ui/entry-grid";
import { PaceBadge } from "@/app/(staff)/city/_components/pace-badge";
import { ProgressBar } from "@/app/(staff)/city/_components/progress-bar";
import { ReportStateBadge } from "@/components/report-state-badge";
import { OrderStatusBadge, OverdueBadge } from "@/components/orders/badges";

const GLOBALS_CSS = readFileSync(path.join(process.cwd(), "app", "globals.css"), "utf8");
const html = (el: Parameters<typeof renderToStaticMarkup>[0]) => renderToStaticMarkup(el);

describe("Badge", () => {
  it("carries its words and data hooks; colour classes come from a tone or a domain style map", () => {
    expect(html(h(Badge, { tone: "red", children: "已逾期" }))).toBe('<span class="rounded-full px-2 py-0.5 text-xs inline-block border font-medium whitespace-nowrap border-red-300 bg-red-50 text-red-800">已逾期</span>');
    const soft = html(h(Badge, { look: "soft", colors: "bg-purple-50 text-purple-800", data: { "data-x": "1" }, title: "说明", children: "更正中" }));
    expect(soft).toBe('<span data-x="1" title="说明" class="rounded-full px-2 py-0.5 text-xs bg-purple-50 text-purple-800">更正中</span>');
  });

  it("the pace, report-state and order badges keep their words, hooks and colours", () => {
    const pace = html(h(PaceBadge, { status: "lagging", reason: "落后 4.3 个百分点" }));
    // One short class per pill; shape, colour and dot come from the .pace rules, chosen by data-pace.
    expect(pace).toContain('<span data-pace="lagging" class="pace">严重落后</span>');
    expect(pace).toContain("落后 4.3 个百分点");
    for (const s of ["ahead", "behind", "lagging"]) {
      expect(GLOBALS_CSS).toMatch(new RegExp(`\\.pace\\[data-pace="${s}"\\] \\{\\s*@apply [^;]*text-${s};`));
      expect(GLOBALS_CSS).toMatch(new RegExp(`\\.pace\\[data-pace="${s}"\\]::before,`));
    }
    expect(html(h(PaceBadge, { status: "no_target", reason: "未设目标" }))).toBe('<span data-pace="no_target" class="pace">未设目标</span>');
    expect(html(h(ReportStateBadge, { state: null }))).toBe('<span class="rounded-full px-2 py-0.5 text-xs bg-red-50 text-red-800">未填报</span>');
    expect(html(h(ReportStateBadge, { state: "approved" }))).toBe('<span data-state="approved" class="rounded-full px-2 py-0.5 text-xs bg-green-50 text-green-800">已审核</span>');
    expect(html(h(OrderStatusBadge, { status: "open" }))).toMatch(/data-order-status="open"[^>]*>待办理<\/span>/);
    expect(html(h(OverdueBadge, { days: 3 }))).toContain(">已逾期 3 天</span>");
    expect(html(h(OverdueBadge, { days: 0 }))).toBe("");
  });
});

describe("ProgressBar", () => {
  it("is one element: the fill and the 序时 tick are drawn from --s and --e, clamped to 0–100 %", () => {
    expect(html(h(ProgressBar, { share: 0.5, expected: 0.75, status: "behind" }))).toBe('<span aria-hidden="true" data-tone="behind" class="bar bar-tick" style="--s:50%;--e:75%"></span>');
    expect(html(h(ProgressBar, { share: 11.795, expected: 1 / 3, status: "ahead" }))).toBe('<span aria-hidden="true" data-tone="ahead" class="bar bar-tick" style="--s:100%;--e:33.33%"></span>');
    // No figure yet: no fill; no 序时 (a rate's own bar is drawn by its caller): no tick.
    expect(html(h(ProgressBar, { share: null, expected: null, status: "no_data" }))).toBe('<span aria-hidden="true" data-tone="no_data" class="bar"></span>');
    expect(GLOBALS_CSS).toMatch(/\.bar::before \{\s*content: "";\s*width: var\(--s, 0\);/);
    expect(GLOBALS_CSS).toMatch(/\.bar-tick::after \{\s*content: "";\s*left: calc\(var\(--e, 0\) - 1px\);/);
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
