import { expect, test } from "./support/test";
import { e2eDatabase } from "./support/db";
import { authFile } from "./support/auth-file";

test.describe("public home page", () => {
  test("shows the 2023 campaign title in Chinese", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("“抓项目、促发展”“1+3+2”专项行动");
    await expect(page.getByText("泉州市 · 2023年")).toBeVisible();
  });

  test("lists the six special actions", async ({ page }) => {
    await page.goto("/");
    const names = await page.locator("article[data-action] h3").allTextContents();
    expect(names).toEqual([
      "项目奋战年",
      "抓城建提品质",
      "抓开放招商促项目落地",
      "加快工业（产业）园区标准化建设",
      "文旅+",
      "聚侨引侨和泉商回归",
    ]);
  });

  test("shows headline targets with their units, read from the database", async ({ page }) => {
    await page.goto("/");
    const battle = page.locator('article[data-action="battle_year"]');
    await expect(battle.locator('tr[data-indicator="key_projects_started"] [data-target]')).toHaveText("200 个");
    await expect(battle.locator('tr[data-indicator="key_projects_completed"] [data-target]')).toHaveText("150 个");
    await expect(battle.locator('tr[data-indicator="key_investment"] [data-target]')).toHaveText("2,168 亿元");
    await expect(battle.locator('tr[data-indicator="key_investment"]')).toContainText("比2022年增长 17.5% 以上");
    await expect(battle.locator('tr[data-indicator="planned_investment"]')).toContainText("达2022年基数的 3 倍以上（基数待录入）");
    const attraction = page.locator('article[data-action="investment_attraction"]');
    await expect(attraction.locator('tr[data-indicator="signed_investment"] [data-target]')).toHaveText("10,000 亿元");
    const parks = page.locator('article[data-action="park_standardization"]');
    await expect(parks.locator('tr[data-indicator="standard_factory_area"] [data-target]')).toHaveText("1,000 万平方米");
    await expect(parks.locator('tr[data-indicator="standard_park_area_started"] [data-target]')).toHaveText("10,000 亩");
    await expect(parks.locator('tr[data-indicator="enterprise_entry_rate"] [data-target]')).toHaveText("50%");
    const urban = page.locator('article[data-action="urban_quality"]');
    await expect(urban.getByRole("list", { name: "子行动" }).getByRole("listitem")).toHaveCount(7);
  });

  test("says which actions still wait for indicators", async ({ page }) => {
    await page.goto("/");
    await expect(page.locator('article[data-action="culture_tourism_plus"]')).toContainText("指标待专项办设定");
  });

  test("carries the demo-data banner while demo data is loaded", async ({ page }) => {
    await page.goto("/");
    const banner = page.getByRole("note", { name: "演示数据" });
    await expect(banner).toBeVisible();
    await expect(banner).toContainText("虚构的演示数据");
  });
});

test.describe("cached public pages", () => {
  test.use({ storageState: authFile("admin") });

  test("a target changed in the database shows once the campaign office refreshes the public pages", async ({ page, baseURL }) => {
    const db = e2eDatabase();
    const sql = `update targets set target_value = ? where district_id is null and indicator_id = (select id from indicators where code = 'key_projects_completed')`;
    try {
      await page.goto("/");
      await expect(page.locator('tr[data-indicator="key_projects_completed"] [data-target]')).toHaveText("150 个");
      await db.execute({ sql, args: [175] });
      const res = await page.request.post("/api/admin/revalidate", { headers: { origin: baseURL! } });
      expect(res.status()).toBe(200);
      await page.goto("/");
      await expect(page.locator('tr[data-indicator="key_projects_completed"] [data-target]')).toHaveText("175 个");
    } finally {
      await db.execute({ sql, args: [150] });
      await page.request.post("/api/admin/revalidate", { headers: { origin: baseURL! } });
      db.close();
    }
  });

  test("the refresh endpoint refuses a foreign Origin, even from an admin", async ({ page }) => {
    const res = await page.request.post("/api/admin/revalidate", { headers: { origin: "https://evil.example" } });
    expect(res.status()).toBe(403);
  });
});

test("the refresh endpoint refuses a district clerk", async ({ browser, baseURL }) => {
  const ctx = await browser.newContext({ storageState: authFile("jinjiang") });
  const res = await ctx.request.post("/api/admin/revalidate", { headers: { origin: baseURL! }, maxRedirects: 0 });
  expect(res.status()).toBe(403);
  await ctx.close();
});

test("the English home page is reachable at /en with the same campaign", async ({ page }) => {
  await page.goto("/en");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("note", { name: "Demo data" })).toBeVisible();
});

test("the status page (operators' health check, the benchmark's static ceiling) answers at /status and the site has an icon", async ({ page, request }) => {
  const res = await page.goto("/status");
  expect(res?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("推进 · 运行正常");
  expect((await page.goto("/"))?.status()).toBe(200);
  const href = await page.locator('link[rel="icon"]').first().getAttribute("href");
  expect(href).toBeTruthy();
  expect((await request.get(href!)).status()).toBe(200);
});
