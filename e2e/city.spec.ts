import { expect, test, type Locator } from "./support/test";
import { requestAs } from "./support/actions";
import { authFile } from "./support/auth-file";
import { queryOne } from "./support/users";

/* The city leaders' view: dashboard, drill-down to districts and records, lagging list. */

/** "1,423.2 亿元", "149 个", "48.9%" → the number; "—" → 0 (a district without data adds nothing). */
function parseShown(text: string): number {
  const s = text.replace(/[,\s]/g, "").replace(/[^\d.-]/g, "");
  return s === "" ? 0 : Number(s);
}

function decimalsOf(text: string): number {
  return /\.(\d+)/.exec(text.replace(/,/g, ""))?.[1]?.length ?? 0;
}

async function numbers(cells: Locator): Promise<number[]> {
  return (await cells.allInnerTexts()).map(parseShown);
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

test.describe("city leader", () => {
  test.use({ storageState: authFile("leader") });

  test("the dashboard gives key investment's pace in words and shows the colour thresholds", async ({ page }) => {
    const { warn } = (await queryOne<{ warn: number }>("select pace_warn_bp as warn from campaigns where slug = 'quanzhou-2023'"))!;
    await page.goto("/city");
    const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: /^市重点项目完成投资/ }) });
    await expect(row).toContainText(/完成 \d+\.\d%，序时 \d+\.\d%，(落后 \d+\.\d 个百分点|超序时 \d+\.\d 个百分点|与序时进度持平)/);
    await expect(row.getByText(/^(正常|落后|严重落后)$/)).toBeVisible();
    const legend = page.getByRole("group", { name: "状态颜色说明" });
    await expect(legend).toContainText(`落后不足 ${(warn / 100).toFixed(1)} 个百分点`);
    await expect(legend).toContainText(`落后 ${(warn / 100).toFixed(1)} 个百分点及以上`);
  });

  test("an action without indicators says the campaign office will set them", async ({ page }) => {
    await page.goto("/city");
    await expect(page.getByRole("article", { name: "文旅+" })).toContainText("指标待专项办设定");
  });

  for (const [code, name] of [
    ["urban_investment", "城建项目完成投资"],
    ["key_projects_started", "市重点项目新开工"],
  ] as const) {
    test(`the districts on the ${code} drill-down add up to the city number on the dashboard`, async ({ page }) => {
      await page.goto("/city");
      const dashboardCell = page.locator(`tr[data-indicator="${code}"] [data-actual]`);
      const shown = await dashboardCell.innerText();
      await dashboardCell.click();
      await expect(page).toHaveURL(new RegExp(`/city/indicators/${code}\\?`));
      await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
      const districts = await numbers(page.locator("tbody tr[data-district] [data-actual]"));
      expect(districts).toHaveLength(13);
      const total = sum(districts);
      const d = decimalsOf(shown);
      expect(Number(total.toFixed(d))).toBe(parseShown(shown));
      // The exact city total under the table is the same sum.
      expect(parseShown(await page.locator("tfoot [data-actual]").innerText())).toBeCloseTo(total, 6);
    });
  }

  test("including unapproved data changes new starts, and the page says which data it shows", async ({ page }) => {
    await page.goto("/city");
    const cell = page.locator('tr[data-indicator="key_projects_started"] [data-actual]');
    const official = parseShown(await cell.innerText());
    await expect(page.getByRole("note", { name: "数据口径说明" })).toContainText("正式口径");
    const switcher = page.getByRole("navigation", { name: "数据口径" });
    await expect(switcher.getByRole("link", { name: "正式口径（仅已审核）" })).toHaveAttribute("aria-current", "page");
    await switcher.getByRole("link", { name: "含未审核数据" }).click();
    await expect(page).toHaveURL(/include=unapproved/);
    await expect(switcher.getByRole("link", { name: "含未审核数据" })).toHaveAttribute("aria-current", "page");
    await expect(page.getByRole("note", { name: "数据口径说明" })).toContainText("含未审核数据：");
    expect(parseShown(await cell.innerText())).toBeGreaterThan(official);
  });

  test("a ratio's city rate is the sum of the numerators over the sum of the denominators shown", async ({ page }) => {
    await page.goto("/city/indicators/enterprise_entry_rate");
    const num = parseShown(await page.locator("[data-sum-numerator]").innerText());
    const den = parseShown(await page.locator("[data-sum-denominator]").innerText());
    const rate = parseShown(await page.locator("[data-city-rate]").innerText());
    expect(den).toBeGreaterThan(0);
    expect(rate).toBe(Math.round((num / den) * 1000) / 10);
    expect(sum(await numbers(page.locator("tbody [data-numerator]")))).toBe(num);
    expect(sum(await numbers(page.locator("tbody [data-denominator]")))).toBe(den);
    // …which is not the mean of the district rates.
    const rates = (await page.locator("tbody tr[data-district] [data-actual]").allInnerTexts()).filter((t) => t !== "—").map(parseShown);
    expect(Math.round((sum(rates) / rates.length) * 10) / 10).not.toBe(rate);
  });

  test("a district's records for new starts are as many as the district's number", async ({ page }) => {
    await page.goto("/city/indicators/key_projects_started?include=unapproved");
    await page.getByRole("link", { name: "晋江市", exact: true }).click();
    await expect(page).toHaveURL(/\/city\/districts\/jinjiang\?.*indicator=key_projects_started/);
    const n = parseShown(await page.locator("[data-district-actual]").innerText());
    expect(n).toBeGreaterThan(0);
    await expect(page.getByRole("table", { name: /晋江市市重点项目新开工的记录/ }).locator("tbody tr")).toHaveCount(n);
  });

  test("the month picker works without JavaScript", async ({ browser }) => {
    const context = await browser.newContext({ storageState: authFile("leader"), javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/city");
    await page.getByLabel("截至月份").selectOption("2023-09");
    await page.getByRole("button", { name: "查看" }).click();
    await expect(page).toHaveURL(/month=2023-09/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("2023年9月");
    await context.close();
  });
});

test.describe("city admin", () => {
  test.use({ storageState: authFile("admin") });

  test("the lagging list puts the largest gap first and names who is responsible", async ({ page }) => {
    await page.goto("/city/lagging?scope=districts");
    const rows = page.locator("tbody tr[data-indicator]");
    await expect(rows.first()).toBeVisible();
    const gaps = (await page.locator("tbody tr[data-indicator] [data-gap]").allInnerTexts()).map((t) => (t.startsWith("落后") ? -parseShown(t) : parseShown(t)));
    expect(gaps.length).toBeGreaterThan(1);
    expect([...gaps].sort((a, b) => a - b)).toEqual(gaps);
    expect(gaps.every((g) => g < 0)).toBe(true);
    const first = rows.first();
    const district = (await first.locator("td").nth(1).innerText()).trim();
    await expect(first.locator("td").last()).toContainText(district);
    await first.getByRole("link").first().click();
    await expect(page).toHaveURL(/\/city\/districts\/[a-z]+\?.*indicator=/);
  });
});

test.describe("district clerk", () => {
  test.use({ storageState: authFile("jinjiang") });

  test("a district clerk is refused the city view in the browser and over HTTP", async ({ page, baseURL }) => {
    const res = await page.goto("/city");
    expect(res?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "无权访问" })).toBeVisible();
    const api = await requestAs(baseURL!, authFile("jinjiang"));
    for (const path of ["/city", "/city/indicators/key_investment", "/city/districts/licheng?indicator=key_projects_started", "/city/lagging", "/city/projects"]) {
      const r = await api.get(path, { maxRedirects: 0, failOnStatusCode: false });
      expect(r.status(), path).toBe(403);
    }
    await api.dispose();
  });
});
