import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DataTable, EmptyRow } from "@/components/ui/data-table";
import { Checkbox, Field, SelectField, TextArea } from "@/components/ui/field";
import { FilterBar, FilterSelect } from "@/components/ui/filter-bar";

const html = (el: Parameters<typeof renderToStaticMarkup>[0]) => renderToStaticMarkup(el);

describe("form fields", () => {
  it("a field with an error is marked invalid and points at the error, which sits in a polite live region", () => {
    const out = html(h(Field, { name: "code", label: "代码", hint: "唯一", error: "请填写代码" }));
    expect(out).toContain('<label for="code"');
    expect(out).toContain('aria-invalid="true"');
    expect(out).toContain('aria-describedby="code-hint code-error"');
    expect(out).toMatch(/<p id="code-error" aria-live="polite"[^>]*>请填写代码<\/p>/);
  });

  it("an id prefix keeps several forms on one page apart; the posted name stays", () => {
    const out = html(h(TextArea, { id: "f2-note", name: "note", label: "备注" }));
    expect(out).toContain('id="f2-note" name="note"');
    expect(out).toContain('for="f2-note"');
    expect(out).toContain('aria-describedby="f2-note-error"');
  });

  it("a read-only select or checkbox posts nothing (disabled, no name)", () => {
    const sel = html(h(SelectField, { name: "kind", label: "类型", options: [{ value: "a", label: "甲" }], defaultValue: "a", disabled: true }));
    expect(sel).not.toContain('name="kind"');
    expect(sel).toContain("disabled");
    const box = html(h(Checkbox, { name: "isKey", label: "重点", defaultChecked: true }));
    const input = box.match(/<input[^>]*>/)?.[0] ?? "";
    for (const attr of ['name="isKey"', 'type="checkbox"', 'value="1"', 'checked=""']) expect(input).toContain(attr);
  });
});

describe("DataTable", () => {
  const row = h("tr", { key: "1" }, h("th", { scope: "row" }, "晋江市"), h("td", { className: "num" }, "1,234"));
  it("has a caption, column headers with scope, numeric columns marked, a totals row and an export link", () => {
    const out = html(
      h(DataTable, {
        caption: "各区县",
        columns: ["区县", { label: "完成", num: true }, false],
        totals: h("tr", null, h("th", { scope: "row" }, "合计"), h("td", { className: "num" }, "1,234")),
        exportHref: "/city/export?x=1",
        children: row,
      }),
    );
    expect(out).toContain('<caption class="sr-only">各区县</caption>');
    expect(out).toContain('<th scope="col">区县</th><th scope="col" class="num">完成</th></tr></thead>');
    expect(out).toContain("<tbody><tr><th scope=\"row\">晋江市</th>");
    expect(out).toContain("<tfoot><tr><th scope=\"row\">合计</th>");
    expect(out).toContain('href="/city/export?x=1"');
    expect(out).toContain("导出 Excel");
  });

  it("says so when there are no rows", () => {
    const out = html(h(DataTable, { caption: "空", columns: ["甲", "乙"], children: h(EmptyRow, { colSpan: 2, children: "没有记录" }) }));
    expect(out).toMatch(/<td colSpan="2"[^>]*>没有记录<\/td>/i);
    expect(out).toContain("没有记录");
  });
});

describe("FilterBar", () => {
  it("is a GET search form that keeps the chosen value and offers to clear only when filtered", () => {
    const bar = (filtered: boolean) =>
      html(h(FilterBar, { action: "/district/problems", label: "筛选难题", filtered, children: h(FilterSelect, { name: "status", label: "状态", value: "open", options: [{ value: "open", label: "未解决" }] }) }));
    const on = bar(true);
    const form = on.match(/<form[^>]*>/)?.[0] ?? "";
    for (const attr of ['method="get"', 'action="/district/problems"', 'role="search"', 'aria-label="筛选难题"']) expect(form).toContain(attr);
    expect(on).toMatch(/<option value="open" selected="">未解决<\/option>/);
    expect(on).toContain("清除筛选");
    expect(bar(false)).not.toContain("清除筛选");
  });
});
