import { expect, test, type APIRequestContext, type Page } from "./support/test";
import { authFile } from "./support/auth-file";
import { queryOne, run } from "./support/users";

/*
 * The public site: cached pages in Chinese (unprefixed) and English (/en), the open-data API,
 * and the rule that only approved figures and public records ever leave the server.
 */

const PAGES = [
  "/",
  "/actions",
  "/actions/battle_year",
  "/indicators/key_investment",
  "/indicators/planned_projects",
  "/districts",
  "/districts/quangang",
  "/districts/dehua",
  "/projects",
  "/projects/search?district=dehua",
  "/projects/DEMO-2023-0002",
  "/rankings",
  "/open-data",
];
const API = ["/api/v1", "/api/v1/indicators.json", "/api/v1/indicators.csv", "/api/v1/projects.json", "/api/v1/projects.csv"];

const en = (path: string) => (path === "/" ? "/en" : `/en${path}`);

/** The as-of line the pages must show, computed from the database. */
async function expectedAsOf(): Promise<{ month: string; approved: number; total: number }> {
  const r = await queryOne<{ month: string; approved: number; total: number }>(
    `select p.month as month,
       (select count(*) from monthly_reports r join districts d on d.id = r.district_id where r.period_id = p.id and r.official = 1 and d.active = 1 and d.reports = 1) as approved,
       (select count(*) from districts d where d.active = 1 and d.reports = 1) as total
     from periods p where exists (select 1 from monthly_reports r where r.period_id = p.id and r.official = 1) order by p.month desc limit 1`,
  );
  return { month: String(r!.month), approved: Number(r!.approved), total: Number(r!.total) };
}

const zhMonth = (m: string) => `${m.slice(0, 4)}年${Number(m.slice(5))}月`;

/** Everything a browser could receive for a page: its HTML (flight data inlined) and its RSC payload. */
async function payloads(request: APIRequestContext, path: string): Promise<string> {
  const html = await request.get(path);
  expect(html.status(), path).toBeLessThan(400);
  const rsc = await request.get(path, { headers: { RSC: "1" } });
  return (await html.text()) + "\n" + (await rsc.text());
}

async function refreshPublicPages(page: Page, baseURL: string | undefined): Promise<void> {
  const res = await page.request.post("/api/admin/revalidate", { headers: { origin: baseURL! } });
  expect(res.status()).toBe(200);
}

/** The "1—10月累计完成" figure of an indicator page, e.g. "1,423.2 亿元". */
const cityFigure = (page: Page) => page.locator("[data-city-actual]");

// Cached pages and open-data copies outlive a server restart (they sit in the build folder), so a
// previous run's database could still show: start from freshly rendered pages.
test.beforeAll(async ({ browser, baseURL }) => {
  const ctx = await browser.newContext({ storageState: authFile("admin") });
  const res = await ctx.request.post(`${baseURL}/api/admin/revalidate`, { headers: { origin: baseURL! } });
  expect(res.status()).toBe(200);
  await ctx.close();
});

test.describe("public pages", () => {
  test("every page shows the as-of month with how many districts are approved", async ({ page }) => {
    const asOf = await expectedAsOf();
    for (const path of PAGES) {
      await page.goto(path);
      await expect(page.locator("[data-as-of]"), path).toContainText(`数据截至 ${zhMonth(asOf.month)}，已审核（${asOf.total}个区县中${asOf.approved}个）`);
    }
  });

  test("the home page shows each action's indicators with progress bars and the reason in words", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "首页" })).toHaveAttribute("aria-current", "page");
    const row = page.locator('article[data-action="battle_year"] tr[data-indicator="key_investment"]');
    await expect(row.locator("[data-actual]")).toHaveText(/^[\d,.]+ 亿元$/);
    await expect(row.locator("[data-reason]")).toHaveText(/^完成 \d+\.\d%，序时 \d+\.\d%，(落后 \d+\.\d 个百分点|超序时 \d+\.\d 个百分点|与序时进度持平)$/);
    await expect(row.locator("[data-status]")).toHaveText(/快于序时|略慢于序时|落后序时/);
    await expect(page.locator('article[data-action="culture_tourism_plus"]')).toContainText("指标待专项办设定");
  });

  test("the actions page introduces the campaign's actions by the campaign's own name, in both languages", async ({ page }) => {
    const c = await queryOne<{ subtitle: string; subtitle_en: string }>("select subtitle, subtitle_en from campaigns where status = 'active' order by year desc limit 1");
    await page.goto("/actions");
    await expect(page.getByText(`${c!.subtitle}的各项指标、完成情况和分区县数字。`)).toBeVisible();
    await page.goto("/en/actions");
    await expect(page.getByText(`The indicators of the ${c!.subtitle_en}, progress so far and figures by district.`)).toBeVisible();
  });

  test("an action page shows its city figures, trend charts against plan and a table by district", async ({ page }) => {
    await page.goto("/actions/battle_year");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("项目奋战年");
    await expect(page.locator('li[data-indicator="key_investment"] [data-actual]')).toHaveText(/亿元$/);
    await expect(page.getByRole("img", { name: /市重点项目完成投资：1—\d+月逐月累计完成与序时进度/ })).toBeVisible();
    const table = page.getByRole("table", { name: /项目奋战年主要指标分区县完成情况/ });
    await expect(table.locator("tbody tr")).toHaveCount(13);
  });

  test("an indicator page shows the city figure, the trend against plan and each district", async ({ page }) => {
    await page.goto("/indicators/key_investment");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("市重点项目完成投资");
    await expect(cityFigure(page)).toHaveText(/^[\d,.]+ 亿元$/);
    await expect(page.getByText("比2022年增长 17.5% 以上")).toBeVisible();
    await expect(page.getByRole("img", { name: "市重点项目完成投资逐月累计完成与序时进度" })).toBeVisible();
    await page.locator("summary", { hasText: "市重点项目完成投资逐月数据" }).click();
    await expect(page.getByRole("table", { name: "市重点项目完成投资逐月数据" }).getByRole("row", { name: /2023年1月/ })).toBeVisible();
    const byDistrict = page.getByRole("table", { name: /市重点项目完成投资分区县完成情况/ });
    await expect(byDistrict.locator("tbody tr")).toHaveCount(13);
    await expect(byDistrict.locator('tr[data-district="jinjiang"]')).toContainText(/完成 \d+\.\d%，序时 \d+\.\d%/);
  });

  test("a district page shows its figures, its rank and its public projects", async ({ page }) => {
    await page.goto("/districts/dehua");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("德化县");
    await expect(page.locator("[data-rank]")).toHaveText(/综合排名：13个区县中第 \d+ 名/);
    await expect(page.locator('tr[data-indicator="key_investment"] [data-actual]')).toHaveText(/亿元$/);
    const projects = page.getByRole("table", { name: "德化县的公开项目" });
    await expect(projects.locator("tbody tr").first()).toBeVisible();
    await projects.locator("tbody tr").first().getByRole("link").click();
    await expect(page).toHaveURL(/\/projects\/DEMO-/);
  });

  test("the districts page lists every reporting district", async ({ page }) => {
    await page.goto("/districts");
    await expect(page.getByRole("table", { name: "各区县数据审核情况" }).locator("tbody tr")).toHaveCount(13);
    await page.getByRole("link", { name: "泉州台商投资区" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("泉州台商投资区");
  });

  test("the project list searches and filters with a plain GET form and pages through the results", async ({ page }) => {
    await page.goto("/projects");
    await expect(page.getByRole("table", { name: /^项目列表：共 \d+ 个，第 1—50 个$/ })).toBeVisible();
    await page.getByLabel("搜索").fill("晋江");
    await page.getByLabel("阶段").selectOption("under_construction");
    await page.getByRole("button", { name: "筛选" }).click();
    await expect(page).toHaveURL(/\/projects\/search\?q=%E6%99%8B%E6%B1%9F&district=&action=&stage=under_construction&key=$/);
    const rows = page.locator("tbody tr[data-project]");
    await expect(rows.first()).toBeVisible();
    for (const text of await rows.allTextContents()) {
      expect(text).toContain("晋江");
      expect(text).toContain("在建");
    }
    await page.goto("/projects/search?district=jinjiang&action=battle_year&key=1");
    await expect(page.getByLabel("区县")).toHaveValue("jinjiang");
    for (const text of await page.locator("tbody tr[data-project] td:first-of-type").allTextContents()) expect(text).toBe("晋江市");
    await page.goto("/projects");
    await page.getByRole("navigation", { name: "分页" }).getByRole("link", { name: "下一页" }).click();
    // Unfiltered pages have their own cached URL; filtered ones are searches.
    await expect(page).toHaveURL(/\/projects\/page\/2$/);
    await expect(page.getByRole("table", { name: /^项目列表：共 \d+ 个，第 51—100 个$/ })).toBeVisible();
  });

  test("page 50 of the project list answers with a way back rather than an error", async ({ page }) => {
    for (const path of ["/projects/page/50", "/projects/search?page=50"]) {
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(200);
      await expect(page.getByText(/第 50 页没有项目（共 \d+ 页）/)).toBeVisible();
      await page.getByRole("link", { name: "转到最后一页" }).click();
      await expect(page).toHaveURL(/\/projects\/page\/\d+$/);
      await expect(page.locator("tbody tr[data-project]").first()).toBeVisible();
    }
    expect((await page.goto("/projects/page/abc"))?.status()).toBe(404);
  });

  test("an address that names no indicator, project or page says so in both languages, with a way home", async ({ page }) => {
    for (const path of ["/indicators/no_such_indicator", "/en/indicators/no_such_indicator", "/projects/NO-SUCH-PROJECT", "/projects/page/abc", "/districts/nowhere"]) {
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(404);
      await expect(page.getByRole("heading", { level: 1, name: "页面不存在" }), path).toBeVisible();
      await expect(page.getByText("Page not found."), path).toBeVisible();
      await page.getByRole("link", { name: "返回首页" }).click();
      await expect(page).toHaveURL(/\/$/);
    }
  });

  test("an address shortened by one segment leads to the list above it, in both languages", async ({ page, request }) => {
    const up: [string, string, string][] = [
      ["/indicators", "/actions", "专项行动"],
      ["/en/indicators", "/en/actions", "Special actions"],
      ["/projects/page", "/projects", "项目"],
      ["/en/projects/page", "/en/projects", "Projects"],
    ];
    for (const [from, to, heading] of up) {
      const res = await request.get(from, { maxRedirects: 0 });
      expect(res.status(), from).toBe(307);
      expect(new URL(res.headers()["location"]!, "http://x").pathname, from).toBe(to);
      await page.goto(from);
      await expect(page, from).toHaveURL(new RegExp(`${to.replace(/\//g, "\\/")}$`));
      await expect(page.getByRole("heading", { level: 1 }), from).toContainText(heading);
    }
  });

  test("a project page shows its investment by approved month and its milestones", async ({ page }) => {
    await page.goto("/projects/DEMO-2023-0002");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("晋江国道改线工程项目");
    const milestones = page.getByRole("table", { name: "晋江国道改线工程项目的计划与实际节点" });
    await expect(milestones.getByRole("row", { name: /开工/ })).toContainText(/\d{4}-\d{2}-\d{2}/);
    await expect(milestones.getByRole("row", { name: /建成/ })).toBeVisible();
    const months = page.getByRole("table", { name: /晋江国道改线工程项目逐月完成投资/ });
    // 晋江 has not had October approved: its October investment must not show.
    const jinjiangOctober = await queryOne<{ status: string | null }>(
      "select r.status from monthly_reports r join periods p on p.id = r.period_id join districts d on d.id = r.district_id where d.code = 'jinjiang' and p.month = '2023-10'",
    );
    expect(jinjiangOctober?.status).not.toBe("approved");
    await expect(months.locator('tr[data-month="2023-09"]')).toBeVisible();
    await expect(months.locator('tr[data-month="2023-10"]')).toHaveCount(0);
    await expect(page.getByRole("img", { name: /累计完成投资与年度计划序时进度/ })).toBeVisible();
  });

  test("the rankings page ranks the districts and explains the method", async ({ page }) => {
    await page.goto("/rankings");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("排名");
    await expect(page.getByRole("table", { name: /区县综合排名/ }).locator("tbody tr")).toHaveCount(13);
    await expect(page.getByRole("heading", { name: "排名方法" })).toBeVisible();
    await expect(page.getByText(/综合得分 = 100 × Σ/)).toBeVisible();
    await expect(page.getByText(/默认设置：\d+ 项主要指标等权/)).toBeVisible();
  });

  test("the open data page lists the endpoints with examples taken from the live data", async ({ page, request }) => {
    await page.goto("/open-data");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("开放数据");
    for (const url of ["/api/v1/indicators.json", "/api/v1/indicators.csv", "/api/v1/projects.json", "/api/v1/projects.csv"]) {
      await expect(page.getByRole("link", { name: url, exact: true })).toBeVisible();
    }
    await expect(page.getByRole("table", { name: "indicators 字段" }).getByRole("row", { name: /ytd_value/ })).toBeVisible();
    const example = await page.getByLabel("JSON").first().textContent();
    const live = (await (await request.get("/api/v1/indicators.json")).json()) as { meta: { as_of_month: string } };
    expect(example).toContain(`"as_of_month": "${live.meta.as_of_month}"`);
  });

  test("the language switch leads to the same page in English and back", async ({ page }) => {
    await page.goto("/indicators/key_investment");
    await page.getByRole("link", { name: "English" }).click();
    await expect(page).toHaveURL(/\/en\/indicators\/key_investment$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Investment completed by city key projects");
    await expect(page.locator("[data-as-of]")).toContainText(/Figures as of \w+ 2023, approved \(\d+ of 13 districts\)/);
    await expect(page.locator('[lang="en"]').first()).toBeVisible();
    await page.getByRole("link", { name: "中文" }).click();
    await expect(page).toHaveURL(/\/indicators\/key_investment$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("市重点项目完成投资");
    await page.keyboard.press("Tab");
    await expect(page.locator(":focus")).toHaveText("跳到正文");
  });

  test("every page exists in English with English names and words", async ({ page }) => {
    for (const path of PAGES) {
      const res = await page.goto(en(path));
      expect(res?.status(), path).toBe(200);
      await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Open data" })).toBeVisible();
      await expect(page.getByRole("link", { name: "中文" })).toHaveAttribute("href", path === "/" ? "/" : path);
    }
    await page.goto("/en/districts/jinjiang");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Jinjiang City");
    // The first Tab reaches the skip link, in the page's language.
    await page.keyboard.press("Tab");
    await expect(page.locator(":focus")).toHaveText("Skip to main content");
    await expect(page.locator('tr[data-indicator="key_investment"] [data-reason]')).toHaveText(/% done, [\d.]+% expected by now/);
    await page.goto("/en/projects/search?q=%E6%99%8B%E6%B1%9F");
    await expect(page.getByRole("table", { name: /^Projects 1–\d+ of \d+$/ })).toBeVisible();
  });

  test("pages read fully and the project search works with JavaScript turned off", async ({ browser }) => {
    const ctx = await browser.newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto("/");
    await expect(page.locator('tr[data-indicator="key_investment"] [data-reason]')).toContainText("完成");
    await page.goto("/projects");
    await page.getByLabel("区县").selectOption("dehua");
    await page.getByRole("button", { name: "筛选" }).click();
    await expect(page).toHaveURL(/district=dehua/);
    await expect(page.locator("tbody tr[data-project]").first()).toContainText("德化");
    await page.getByRole("link", { name: "English" }).click();
    await expect(page).toHaveURL(/\/en\/projects\/search\?district=dehua/);
    await expect(page.getByLabel("District")).toHaveValue("dehua");
    await ctx.close();
  });
});

test.describe("open data", () => {
  test("the indicator figures of the API are the ones the pages show", async ({ page, request }) => {
    const res = await request.get("/api/v1/indicators.json?indicator=key_investment");
    expect(res.headers()["content-type"]).toContain("application/json");
    const data = (await res.json()) as { meta: { as_of_month: string }; values: { area_code: string; month: string; ytd_value: number | null }[] };
    const asOf = data.meta.as_of_month;
    const city = data.values.find((v) => v.area_code === "city" && v.month === asOf)!;
    const yi = (v: number) => `${new Intl.NumberFormat("zh-CN", { maximumFractionDigits: 1 }).format(v)} 亿元`;
    await page.goto("/indicators/key_investment");
    await expect(cityFigure(page)).toHaveText(yi(city.ytd_value!));
    // A district approved for the as-of month: its row shows the same number.
    const fengze = data.values.find((v) => v.area_code === "fengze" && v.month === asOf)!;
    await expect(page.locator('tr[data-district="fengze"] [data-actual]')).toHaveText(yi(fengze.ytd_value!));
    const csv = await (await request.get("/api/v1/indicators.csv?indicator=key_investment&area=city")).text();
    expect(csv.split("\r\n").find((l) => l.includes(`,${asOf},`))).toContain(`,${city.ytd_value},`);
  });

  test("the project figures of the API are the ones the project page shows", async ({ page, request }) => {
    const data = (await (await request.get("/api/v1/projects.json")).json()) as { projects: { code: string; investment_ytd_wan_yuan: number }[] };
    const p = data.projects.find((x) => x.code === "DEMO-2023-0002")!;
    await page.goto("/projects/DEMO-2023-0002");
    await expect(page.locator("[data-investment-ytd]")).toHaveText((p.investment_ytd_wan_yuan / 10000).toFixed(2));
  });

  test("responses carry Cache-Control and an ETag, and a matching If-None-Match gets 304", async ({ request }) => {
    for (const path of API) {
      const first = await request.get(path);
      expect(first.status(), path).toBe(200);
      expect(first.headers()["cache-control"], path).toMatch(/public, max-age=\d+/);
      const etag = first.headers()["etag"];
      expect(etag, path).toMatch(/^"[\w-]+"$/);
      const again = await request.get(path, { headers: { "If-None-Match": etag! } });
      expect(again.status(), path).toBe(304);
      expect(await again.text()).toBe("");
    }
  });

  test("the CSV files are UTF-8 with a header row of stable field names", async ({ request }) => {
    const res = await request.get("/api/v1/projects.csv");
    expect(res.headers()["content-type"]).toContain("text/csv; charset=utf-8");
    const text = await res.text();
    expect(text.replace(/^\uFEFF/, "").split("\r\n")[0]).toBe(
      "code,name,district_code,action_code,sector_code,stage,is_key,total_investment_wan_yuan,annual_planned_investment_wan_yuan,investment_ytd_wan_yuan,planned_start_on,planned_completion_on,actual_start_on,actual_completion_on",
    );
  });

  test("an unknown indicator code is a 404 with a message", async ({ request }) => {
    const res = await request.get("/api/v1/indicators.json?indicator=no_such_indicator");
    expect(res.status()).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: "unknown_indicator" } });
  });
});

test.describe("only approved figures and public records leave the server", () => {
  test.use({ storageState: authFile("admin") });

  // A value no real figure has: any leak (alone or summed into a total) shows these digits.
  const SECRET_VALUE = 987_654_321_000;
  const SECRET_PATTERNS = ["98765432", "987,654,32", "9.87654"];
  const SECRET_NAME = "绝密测试项目ZQX7";
  const BUMP_DATA_VERSION = "insert into app_meta (key, value) values ('data_version', '1') on conflict (key) do update set value = cast(value as integer) + 1";

  test("a submitted but unapproved value appears on no page, in no payload and in no API response", async ({ page, request, baseURL }) => {
    test.setTimeout(120_000);
    const report = `(select r.id from monthly_reports r join periods p on p.id = r.period_id join districts d on d.id = r.district_id where d.code = 'quangang' and p.month = '2023-10')`;
    const indicator = "(select id from indicators where code = 'planned_projects')";
    const before = await queryOne<{ status: string }>(`select status from monthly_reports where id = ${report}`);
    const old = await queryOne<{ value: number | null }>(`select value from figure_values where report_id = ${report} and indicator_id = ${indicator}`);
    // Written straight into the database, as a submission would leave it; data_version tells the
    // app (as every write through it does) that cached rollups are out of date.
    await run(`update monthly_reports set status = 'submitted' where id = ${report}`);
    await run(`insert into figure_values (report_id, indicator_id, value) values (${report}, ${indicator}, ?) on conflict (report_id, indicator_id) do update set value = excluded.value`, [SECRET_VALUE]);
    await run(BUMP_DATA_VERSION);
    try {
      // The leaders' view, which may include unapproved figures, shows the value: the server has it.
      await expect(async () => {
        await refreshPublicPages(page, baseURL);
        await page.goto("/city/indicators/planned_projects?month=2023-10&include=unapproved");
        await expect(page.locator("main")).toContainText("987,654,3", { timeout: 1000 });
      }).toPass({ timeout: 60_000 });
      await refreshPublicPages(page, baseURL);
      for (const path of [...PAGES, ...PAGES.map(en), "/projects/search?district=quangang"]) {
        const text = await payloads(request, path);
        for (const s of SECRET_PATTERNS) expect(text, `${path} leaks ${s}`).not.toContain(s);
      }
      for (const path of [...API, "/api/v1/indicators.json?area=quangang&indicator=planned_projects"]) {
        const text = await (await request.get(path)).text();
        for (const s of SECRET_PATTERNS) expect(text, `${path} leaks ${s}`).not.toContain(s);
      }
      // The page does show quangang's approved figure for planned projects (through September).
      await page.goto("/districts/quangang");
      await expect(page.locator('tr[data-indicator="planned_projects"] [data-actual]')).toHaveText(/^\d[\d,]* 个/);
    } finally {
      await run(`update figure_values set value = ? where report_id = ${report} and indicator_id = ${indicator}`, [old?.value ?? null]);
      await run(`update monthly_reports set status = ? where id = ${report}`, [before!.status]);
      await run(BUMP_DATA_VERSION);
      await refreshPublicPages(page, baseURL);
    }
  });

  test("a project that is not public appears on no page, in no payload and in no API response", async ({ page, request, browser, baseURL }) => {
    test.setTimeout(120_000);
    const target = await queryOne<{ id: number; code: string; name: string }>(
      "select p.id, p.code, p.name from projects p join districts d on d.id = p.district_id where d.code = 'jinjiang' and p.is_public = 1 and p.code <> 'DEMO-2023-0002' order by p.code limit 1",
    );
    // The district's clerk renames the project and takes it off the public pages.
    const clerk = await (await browser.newContext({ storageState: authFile("jinjiang") })).newPage();
    const saveRegister = async (name: string, isPublic: boolean) => {
      await clerk.goto(`/district/projects/${target!.id}`);
      await clerk.getByLabel("项目名称").fill(name);
      await clerk.getByLabel("在公开页面展示").setChecked(isPublic);
      await clerk.getByRole("button", { name: "保存登记信息" }).click();
      await expect(clerk.getByRole("status").filter({ hasText: "已保存登记信息" })).toBeVisible();
    };
    await saveRegister(SECRET_NAME, false);
    try {
      await refreshPublicPages(page, baseURL);
      for (const q of [SECRET_NAME, target!.code]) {
        await page.goto(`/projects/search?q=${encodeURIComponent(q)}`);
        await expect(page.getByText("没有符合条件的项目。")).toBeVisible();
      }
      for (const path of [...PAGES, ...PAGES.map(en), "/districts/jinjiang", "/en/districts/jinjiang", "/projects/search?district=jinjiang"]) {
        const text = await payloads(request, path);
        expect(text, `${path} leaks the name`).not.toContain(SECRET_NAME);
        expect(text, `${path} leaks the code`).not.toContain(target!.code);
      }
      for (const path of [...API, "/api/v1/projects.json?district=jinjiang"]) {
        const text = await (await request.get(path)).text();
        expect(text, `${path} leaks the name`).not.toContain(SECRET_NAME);
        expect(text, `${path} leaks the code`).not.toContain(target!.code);
      }
      expect((await request.get(`/projects/${target!.code}`)).status()).toBe(404);
    } finally {
      await saveRegister(target!.name, true);
      await clerk.context().close();
      await refreshPublicPages(page, baseURL);
    }
  });

  test("approving a district's month shows its figures on the public pages within seconds", async ({ page, browser }) => {
    const status = await queryOne<{ status: string }>(
      "select r.status from monthly_reports r join periods p on p.id = r.period_id join districts d on d.id = r.district_id where d.code = 'kaifaqu' and p.month = '2023-10'",
    );
    expect(status?.status).toBe("submitted");
    const visitor = await (await browser.newContext({ storageState: undefined })).newPage();
    await visitor.goto("/districts/kaifaqu");
    const asOfBefore = await visitor.locator("[data-as-of]").textContent();
    const row = visitor.locator('tr[data-indicator="key_investment"]');
    await expect(visitor.getByText("数据已审核至 2023年9月")).toBeVisible();
    await expect(visitor.getByRole("columnheader", { name: "1—9月完成" }).first()).toBeVisible();
    const before = await row.locator("[data-actual]").textContent();
    // The open-data API, asked the same question before and after: its kept answer must not outlive the approval.
    const apiUrl = "/api/v1/indicators.json?indicator=key_investment&area=kaifaqu&month=2023-10";
    const apiBefore = (await (await visitor.request.get(apiUrl)).json()) as { values: { approved: boolean }[] };
    expect(apiBefore.values[0]?.approved ?? false).toBe(false);

    await page.goto("/city/review?month=2023-10");
    await page.locator('tr[data-district="kaifaqu"]').getByRole("link", { name: /审核/ }).click();
    await page.getByRole("button", { name: "审核通过", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: "已审核通过" })).toBeVisible();

    await expect
      .poll(
        async () => {
          await visitor.reload();
          return visitor.locator("[data-as-of]").textContent();
        },
        { timeout: 10_000, intervals: [250, 500, 1000] },
      )
      .not.toBe(asOfBefore);
    await expect(visitor.getByText("数据已审核至 2023年10月")).toBeVisible();
    await expect(visitor.getByRole("columnheader", { name: "1—10月完成" }).first()).toBeVisible();
    expect(await row.locator("[data-actual]").textContent()).not.toBe(before);
    const api = (await (await visitor.request.get(apiUrl)).json()) as { values: { approved: boolean }[] };
    expect(api.values[0]?.approved).toBe(true);
    await visitor.context().close();
  });

  test("a district renaming a public project reaches the cached public page within seconds, with no manual refresh", async ({ browser }) => {
    const target = await queryOne<{ id: number; code: string; name: string }>(
      "select p.id, p.code, p.name from projects p join districts d on d.id = p.district_id where d.code = 'licheng' and p.is_public = 1 order by p.code desc limit 1",
    );
    const visitor = await (await browser.newContext({ storageState: undefined })).newPage();
    const path = `/projects/${encodeURIComponent(target!.code)}`;
    await visitor.goto(path);
    await expect(visitor.getByRole("heading", { level: 1 })).toHaveText(target!.name);
    const clerk = await (await browser.newContext({ storageState: authFile("licheng") })).newPage();
    const rename = async (name: string) => {
      await clerk.goto(`/district/projects/${target!.id}`);
      await clerk.getByLabel("项目名称").fill(name);
      await clerk.getByRole("button", { name: "保存登记信息" }).click();
      await expect(clerk.getByRole("status").filter({ hasText: "已保存登记信息" })).toBeVisible();
    };
    const renamed = `${target!.name}（二期）`;
    await rename(renamed);
    try {
      await expect
        .poll(
          async () => {
            await visitor.goto(path);
            return visitor.getByRole("heading", { level: 1 }).textContent();
          },
          { timeout: 10_000, intervals: [250, 500, 1000] },
        )
        .toBe(renamed);
    } finally {
      await rename(target!.name);
    }
    await clerk.context().close();
    await visitor.context().close();
  });
});

test("an unprefixed public URL is the Chinese page, and a /zh/ address leads to it", async ({ request }) => {
  // Each language is its own route tree (app/(public)/(zh), app/(public)/en): no rewrite between them.
  const html = await request.get("/projects?page=2");
  expect(html.status()).toBe(200);
  expect(await html.text()).toContain("<html lang=\"zh-CN\"");
  const moved: [string, string][] = [["/zh", "/"], ["/zh/projects?page=2", "/projects?page=2"], ["/zh/indicators/key_investment", "/indicators/key_investment"]];
  for (const [from, to] of moved) {
    const old = await request.get(from, { maxRedirects: 0 });
    expect(old.status(), from).toBe(308);
    expect(old.headers()["location"], from).toBe(to);
    // The redirect carries the security headers too (set by the front server on every response).
    expect(old.headers()["x-content-type-options"], from).toBe("nosniff");
    expect(old.headers()["x-frame-options"], from).toBe("DENY");
    expect(old.headers()["content-security-policy"], from).toContain("frame-ancestors 'none'");
  }
  const followed = await request.get("/zh/projects");
  expect(followed.url()).toMatch(/\/projects$/);
  expect(await followed.text()).toContain("项目列表");
});
