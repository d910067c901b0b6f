import ExcelJS from "exceljs";
import { readFile } from "node:fs/promises";
import { expect, test, type Locator, type Page } from "./support/test";
import { requestAs } from "./support/actions";
import { authFile } from "./support/auth-file";

/* City leaders' reports: rankings, completeness board, Excel exports and the monthly bulletin. */

async function workbookOf(body: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer);
  return wb;
}

/** The first number in a text as shown on a page: "1,234.5 亿元" → 1234.5, "62.4%" → 62.4. */
function numberIn(text: string): number {
  const m = /-?[\d,]+(?:\.\d+)?/.exec(text);
  if (!m) throw new Error(`no number in "${text}"`);
  return Number(m[0].replace(/,/g, ""));
}

function headers(ws: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  ws.getRow(1).eachCell({ includeEmpty: true }, (c) => out.push(String(c.value ?? "")));
  return out;
}

/** Rows of a sheet as objects keyed by header. */
function rowsOf(ws: ExcelJS.Worksheet): Record<string, ExcelJS.CellValue>[] {
  const h = headers(ws);
  const out: Record<string, ExcelJS.CellValue>[] = [];
  ws.eachRow((r, n) => {
    if (n === 1) return;
    const o: Record<string, ExcelJS.CellValue> = {};
    h.forEach((name, i) => (o[name] = r.getCell(i + 1).value));
    out.push(o);
  });
  return out;
}

/** A ranking table's rows as the page shows them: rank, district, and the numbers column at `numberCell` (index among td cells). */
async function rankingRows(table: Locator, numberCell: number): Promise<{ rank: number; name: string; value: number }[]> {
  const rows = table.locator("tbody tr");
  const out: { rank: number; name: string; value: number }[] = [];
  for (let i = 0; i < (await rows.count()); i++) {
    const row = rows.nth(i);
    const cells = row.locator("td");
    out.push({ rank: Number(await cells.nth(0).innerText()), name: (await row.locator("th").innerText()).trim(), value: numberIn(await cells.nth(numberCell).innerText()) });
  }
  return out;
}

/** Ranks agree with the numbers shown: higher shown value → better rank, equal → shared, 1 + number strictly ahead. */
function expectConsistentRanks(rows: { rank: number; value: number }[]): void {
  for (const r of rows) expect(r.rank).toBe(1 + rows.filter((o) => o.value > r.value).length);
  for (let i = 1; i < rows.length; i++) expect(rows[i]!.rank).toBeGreaterThanOrEqual(rows[i - 1]!.rank);
}

async function download(page: Page, link: Locator): Promise<Buffer> {
  const [dl] = await Promise.all([page.waitForEvent("download"), link.click()]);
  return readFile((await dl.path())!);
}

test.describe("city leader: rankings, completeness, exports and the bulletin", () => {
  test.use({ storageState: authFile("leader") });

  test("the rankings page writes out its method and ranks all 13 districts for key-project investment consistently with the percentages shown", async ({ page }) => {
    await page.goto("/city/rankings");
    await expect(page.getByRole("heading", { name: "排名方法" })).toBeVisible();
    await expect(page.getByText(/进度指数 = 完成率 ÷ 序时进度/)).toBeVisible();
    await expect(page.getByText(/单项进度指数最高按 150% 计/)).toBeVisible();
    await expect(page.getByRole("table", { name: "综合排名的计分指标和权重" }).getByRole("row", { name: /市重点项目完成投资/ })).toBeVisible();

    await page.getByRole("navigation", { name: "选择分项指标" }).getByRole("link", { name: "市重点项目完成投资" }).click();
    const table = page.getByRole("table", { name: "分项排名：市重点项目完成投资" });
    await expect(table.locator("tbody tr")).toHaveCount(13);
    const rows = await rankingRows(table, 6);
    expect(rows.every((r) => Number.isInteger(r.rank) && r.rank >= 1)).toBe(true);
    expectConsistentRanks(rows);
  });

  test("the overall and peer-group rankings are consistent with the scores shown", async ({ page }) => {
    await page.goto("/city/rankings");
    const overall = await rankingRows(page.getByRole("table", { name: /区县综合排名$/ }), 4);
    expect(overall).toHaveLength(13);
    expectConsistentRanks(overall);
    let districts = 0;
    for (const group of ["区", "县级市", "县", "开发区"]) {
      const rows = await rankingRows(page.getByRole("table", { name: `${group}组内综合排名`, exact: true }), 2);
      expectConsistentRanks(rows);
      districts += rows.length;
    }
    expect(districts).toBe(13);
  });

  test("the dashboard export has Chinese headers with units, numbers stored as numbers, and the values the dashboard shows", async ({ page }) => {
    await page.goto("/city?month=2023-10");
    const res = await page.request.get("/city/export/dashboard?month=2023-10");
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toContain("spreadsheetml");
    const wb = await workbookOf(await res.body());
    const ws = wb.getWorksheet("指标总览")!;
    expect(headers(ws)).toEqual(expect.arrayContaining(["指标", "单位", "2023年目标（指标单位）", "1—10月完成（指标单位）", "完成率（%）", "序时进度（%）", "状态", "说明"]));
    const byCode = new Map(rowsOf(ws).map((r) => [String(r["指标代码"]), r]));
    expect(byCode.get("key_investment")!["单位"]).toBe("亿元");
    expect(byCode.get("key_investment")!["2023年目标（指标单位）"]).toBe(2168);

    const shown = page.locator("tr[data-indicator]");
    expect(await shown.count()).toBeGreaterThanOrEqual(byCode.size);
    for (let i = 0; i < (await shown.count()); i++) {
      const tr = shown.nth(i);
      const row = byCode.get((await tr.getAttribute("data-indicator"))!)!;
      const actual = row["1—10月完成（指标单位）"];
      const share = row["完成率（%）"];
      expect(typeof actual).toBe("number");
      expect(Math.abs((actual as number) - numberIn(await tr.locator("[data-actual]").innerText()))).toBeLessThan(0.051);
      expect(typeof share).toBe("number");
      expect(share).toBe(numberIn(await tr.locator("[data-share]").innerText()));
    }
    const withReason = shown.filter({ has: page.locator("[data-reason]") });
    expect(await withReason.count()).toBeGreaterThan(0);
    for (let i = 0; i < (await withReason.count()); i++) {
      const tr = withReason.nth(i);
      expect(byCode.get((await tr.getAttribute("data-indicator"))!)!["说明"]).toBe(await tr.locator("[data-reason]").innerText());
    }
  });

  test("the rankings export, downloaded from the page, holds the ranks, scores and percentages the page shows", async ({ page }) => {
    await page.goto("/city/rankings?indicator=key_investment");
    const overallShown = await rankingRows(page.getByRole("table", { name: /区县综合排名$/ }), 4);
    const investShown = await rankingRows(page.getByRole("table", { name: "分项排名：市重点项目完成投资" }), 6);
    const wb = await workbookOf(await download(page, page.getByRole("link", { name: "导出 Excel" })));

    const overall = rowsOf(wb.getWorksheet("综合排名")!);
    expect(headers(wb.getWorksheet("综合排名")!)).toEqual(expect.arrayContaining(["全市排名（名）", "区县", "综合得分（分）"]));
    expect(overall.map((r) => [r["全市排名（名）"], r["区县"], r["综合得分（分）"]])).toEqual(overallShown.map((r) => [r.rank, r.name, r.value]));

    const items = rowsOf(wb.getWorksheet("分项排名")!).filter((r) => r["指标代码"] === "key_investment");
    expect(items.every((r) => typeof r["完成率（%）"] === "number" && typeof r["1—9月完成（指标单位）"] === "number" && r["单位"] === "亿元")).toBe(true);
    expect(items.map((r) => [r["全市排名（名）"], r["区县"], r["完成率（%）"]])).toEqual(investShown.map((r) => [r.rank, r.name, r.value]));
  });

  test("the completeness board marks luojiang's September report late and taishang's October report missing", async ({ page }) => {
    await page.goto("/city/completeness");
    const board = page.getByRole("table", { name: "各区县各月报送和审核情况" });
    const months = await board.locator("thead th").allInnerTexts();
    const column = (label: string) => months.findIndex((t) => t.startsWith(label)) - 1;
    const luojiangSeptember = board.getByRole("row", { name: /^洛江区/ }).locator("td").nth(column("9月"));
    await expect(luojiangSeptember).toContainText("已审核");
    await expect(luojiangSeptember).toContainText("截止后 3 天报送");
    await expect(board.getByRole("row", { name: /^洛江区/ }).locator("td").nth(column("8月"))).toContainText("按时");
    await expect(board.getByRole("row", { name: /^泉州台商投资区/ }).locator("td").nth(column("10月"))).toContainText("缺报");
    await expect(board.getByRole("row", { name: /^缺报/ }).locator("td").nth(column("10月"))).toHaveText("1");
  });

  test("the completeness export reads back with numbers as numbers", async ({ page }) => {
    await page.goto("/city/completeness");
    const wb = await workbookOf(await download(page, page.getByRole("link", { name: "导出 Excel" })));
    const rows = rowsOf(wb.getWorksheet("报送情况")!);
    const luojiang = rows.find((r) => r["月份"] === "2023-09" && r["区县"] === "洛江区")!;
    expect(luojiang).toMatchObject({ 状态: "已审核", 是否按时: "截止后 3 天报送", "截止后报送天数（天）": 3 });
    const october = rowsOf(wb.getWorksheet("每月汇总")!).find((r) => r["月份"] === "2023-10")!;
    expect(october).toMatchObject({ "应报区县（个）": 13, "缺报（个）": 1 });
  });

  test("the bulletin page prints on A4 without the navigation and keeps the demo label", async ({ page }) => {
    await page.goto("/city/bulletin?month=2023-10");
    const a4 = await page.evaluate(() =>
      [...document.styleSheets].some((s) => [...s.cssRules].some((r) => r instanceof CSSPageRule && r.style.getPropertyValue("size").toLowerCase() === "a4")),
    );
    expect(a4).toBe(true);
    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("navigation", { name: "工作台" })).toBeHidden();
    await expect(page.getByRole("link", { name: "下载 PDF" })).toBeHidden();
    await expect(page.locator("article").getByText("演示数据", { exact: true })).toBeVisible();
    await expect(page.getByRole("heading", { name: "三、进度滞后事项" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "四、区县综合排名" })).toBeVisible();
    await expect(page.getByText(/缺报 1 个（泉州台商投资区）/)).toBeVisible();
  });

  test("the bulletin's PDF link returns a PDF", async ({ page }) => {
    await page.goto("/city/bulletin?month=2023-10");
    const href = await page.getByRole("link", { name: "下载 PDF" }).getAttribute("href");
    const res = await page.request.get(href!, { timeout: 90_000 });
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toBe("application/pdf");
    expect((await res.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");
  });
});

test("a district clerk is refused every report page and export", async ({ baseURL }) => {
  const clerk = await requestAs(baseURL!, authFile("jinjiang"));
  for (const url of [
    "/city/rankings",
    "/city/completeness",
    "/city/bulletin",
    "/city/bulletin/pdf",
    "/city/export/dashboard",
    "/city/export/indicator?code=key_investment",
    "/city/export/rankings",
    "/city/export/completeness",
    "/city/export/sectors",
    "/city/export/lagging",
  ]) {
    const res = await clerk.get(url, { maxRedirects: 0, failOnStatusCode: false });
    expect(res.status(), url).toBe(403);
    expect(res.headers()["content-type"] ?? "", url).not.toContain("spreadsheetml");
  }
  await clerk.dispose();
});
