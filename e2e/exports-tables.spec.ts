import { expect, test, type Page } from "./support/test";
import { requestAs } from "./support/actions";
import { authFile } from "./support/auth-file";
import { aboutText, downloadWorkbook, headers, numberIn, numFmtOf, rowsOf } from "./support/xlsx";

/*
 * Every city table has a visible "导出 Excel" link; the file it downloads holds the table's rows,
 * numbers as numeric cells in the unit the page shows, and says which figures it counts.
 */

test.use({ storageState: authFile("leader") });

const exportLink = (page: Page) => page.getByRole("link", { name: "导出 Excel" });
const near = (a: unknown, b: number, tolerance = 0.051) => typeof a === "number" && Math.abs(a - b) < tolerance;

test("the dashboard's export holds every indicator row with the page's numbers, and says it counts approved figures of demo data", async ({ page }) => {
  await page.goto("/city?month=2023-10");
  const { wb, filename } = await downloadWorkbook(page, exportLink(page));
  expect(filename).toContain("2023年10月");
  expect(filename).toContain("演示数据");
  const about = aboutText(wb);
  expect(about).toContain("2023年10月（1—10月累计）");
  expect(about).toContain("数据口径：仅已审核数据（正式）");
  expect(about).toContain("演示数据");
  const ws = wb.getWorksheet("指标总览")!;
  const rows = rowsOf(ws);
  const shown = page.locator("tr[data-indicator]");
  const codes = [...new Set(await shown.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-indicator")!)))];
  expect(rows.map((r) => r["指标代码"]).sort()).toEqual([...codes].sort());
  const key = page.locator('tr[data-indicator="key_investment"]').first();
  const row = rows.find((r) => r["指标代码"] === "key_investment")!;
  expect(near(row["1—10月完成（指标单位）"], numberIn(await key.locator("[data-actual]").innerText()))).toBe(true);
  expect(row["单位"]).toBe("亿元");
  const i = rows.indexOf(row);
  expect(numFmtOf(ws, "1—10月完成（指标单位）", i)).toMatch(/^#,##0/);
});

test("the dashboard's export with unapproved figures says so", async ({ page }) => {
  await page.goto("/city?month=2023-10&include=unapproved");
  const { wb, filename } = await downloadWorkbook(page, exportLink(page));
  expect(filename).toContain("含未审核");
  expect(aboutText(wb)).toContain("数据口径：含未审核数据");
});

test("the lagging list's export holds the listed rows in the page's order, with the gaps as numbers", async ({ page }) => {
  await page.goto("/city/lagging?month=2023-10&scope=districts");
  const total = Number(/共 (\d+) 项/.exec(await page.getByText(/共 \d+ 项，其中严重落后/).innerText())![1]);
  expect(total).toBeGreaterThan(0);
  const shown = await page.locator("tbody tr[data-indicator]").evaluateAll((trs) =>
    trs.map((tr) => ({ name: tr.querySelector("th")!.textContent!.trim(), area: tr.querySelectorAll("td")[1]!.textContent!.trim(), gap: tr.querySelector("[data-gap]")!.textContent!.trim() })),
  );
  const { wb } = await downloadWorkbook(page, exportLink(page));
  expect(aboutText(wb)).toContain("仅区县");
  const rows = rowsOf(wb.getWorksheet("滞后清单")!);
  expect(rows).toHaveLength(total);
  expect(rows.some((r) => r["范围"] === "全市")).toBe(false);
  shown.forEach((s, i) => {
    const r = rows[i]!;
    expect([r["指标"], r["范围"]]).toEqual([s.name, s.area]);
    const points = numberIn(s.gap);
    expect(near(r["差距（百分点）"], s.gap.startsWith("落后") ? -points : points), `${s.name} ${s.area}`).toBe(true);
  });
});

test("the key projects export holds the sector and district tables the page shows, in 亿元", async ({ page }) => {
  await page.goto("/city/projects?month=2023-10");
  const table = async (caption: string) =>
    page.getByRole("table", { name: caption }).locator("tbody tr").evaluateAll((trs) => trs.map((tr) => ({ label: tr.querySelector("th")!.textContent!.trim(), cells: [...tr.querySelectorAll("td")].map((td) => td.textContent!.trim()) })));
  const sectors = await table("全市市重点项目按行业1—10月完成投资");
  const districts = await table("各区县市重点项目1—10月完成投资");
  const { wb } = await downloadWorkbook(page, exportLink(page));
  for (const [sheet, shown] of [["按行业", sectors], ["按区县", districts]] as const) {
    const ws = wb.getWorksheet(sheet)!;
    expect(headers(ws)).toEqual(expect.arrayContaining(["项目数（个）", "总投资（亿元）", "1—10月完成投资（亿元）"]));
    const rows = rowsOf(ws);
    expect(rows.map((r) => r[headers(ws)[0]!])).toEqual(shown.map((s) => s.label));
    shown.forEach((s, i) => {
      expect(rows[i]!["项目数（个）"]).toBe(Number(s.cells[0]));
      expect(near(rows[i]!["1—10月完成投资（亿元）"], numberIn(s.cells[3]!)), `${sheet} ${s.label}`).toBe(true);
    });
  }
});

test("an indicator drill-down's export holds each district's exact figure as the page shows it", async ({ page }) => {
  await page.goto("/city/indicators/key_investment?month=2023-10");
  const shown = await page.locator("tr[data-district]").evaluateAll((trs) =>
    trs.map((tr) => ({ code: tr.getAttribute("data-district")!, name: (tr.querySelector("th a") ?? tr.querySelector("th"))!.textContent!.trim(), actual: tr.querySelector("[data-actual]")!.textContent!.trim() })),
  );
  const { wb } = await downloadWorkbook(page, exportLink(page));
  const rows = rowsOf(wb.getWorksheet("分区县")!).filter((r) => r["区县"] != null && r["区县"] !== "");
  expect(rows.map((r) => r["区县"])).toEqual(shown.map((s) => (s.code === "city" ? "全市" : s.name)));
  shown.forEach((s, i) => expect(rows[i]!["1—10月完成（亿元）"], s.name).toBe(numberIn(s.actual)));
});

test("a district page's export holds all its indicators with the figures shown", async ({ page }) => {
  await page.goto("/city/districts/jinjiang?month=2023-10");
  const shown = await page.locator("tr[data-indicator]").evaluateAll((trs) => trs.map((tr) => ({ code: tr.getAttribute("data-indicator")!, actual: tr.querySelector("td")!.textContent!.trim() })));
  const { wb, filename } = await downloadWorkbook(page, exportLink(page));
  expect(filename).toContain("晋江市");
  const rows = rowsOf(wb.getWorksheet("全部指标")!);
  expect(rows.map((r) => r["指标代码"])).toEqual(shown.map((s) => s.code));
  const key = shown.find((s) => s.code === "key_investment")!;
  expect(near(rows.find((r) => r["指标代码"] === "key_investment")!["1—10月完成（指标单位）"], numberIn(key.actual))).toBe(true);
});

test("the supervision orders export holds the per-district counts and the orders listed", async ({ page }) => {
  await page.goto("/city/orders");
  const counts = await page.locator("tr[data-district]").evaluateAll((trs) => trs.map((tr) => ({ name: tr.querySelector("th")!.textContent!.trim(), issued: Number(tr.querySelector("td")!.textContent), overdue: Number(tr.querySelector('[data-col="overdue"]')!.textContent) })));
  const codes = await page.locator("li[data-order]").evaluateAll((lis) => lis.map((li) => li.getAttribute("data-order")!));
  const { wb } = await downloadWorkbook(page, exportLink(page));
  const stats = rowsOf(wb.getWorksheet("各区县督办情况")!);
  expect(stats.map((r) => [r["区县"], r["已下达（件）"], r["逾期（件）"]])).toEqual(counts.map((c) => [c.name, c.issued, c.overdue]));
  expect(rowsOf(wb.getWorksheet("督办单")!).map((r) => r["编号"])).toEqual(codes);
});

test("the print button is on the pages a leader prints, and printing leaves out the navigation", async ({ page }) => {
  for (const url of ["/city?month=2023-10", "/city/lagging?month=2023-10", "/city/rankings", "/city/projects?month=2023-10", "/city/districts/jinjiang?month=2023-10"]) {
    await page.goto(url);
    await expect(page.getByRole("button", { name: "打印" }), url).toBeVisible();
  }
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "工作台" })).toBeHidden();
  await expect(page.getByRole("link", { name: "导出 Excel" })).toBeHidden();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("table", { name: /晋江市各指标/ })).toBeVisible();
});

test("a district clerk is refused the district and orders exports", async ({ baseURL }) => {
  const clerk = await requestAs(baseURL!, authFile("jinjiang"));
  for (const url of ["/city/export/district?code=jinjiang", "/city/export/orders", "/city/export/lagging?scope=districts"]) {
    const res = await clerk.get(url, { maxRedirects: 0, failOnStatusCode: false });
    expect(res.status(), url).toBe(403);
    expect(res.headers()["content-type"] ?? "", url).not.toContain("spreadsheetml");
  }
  await clerk.dispose();
});
