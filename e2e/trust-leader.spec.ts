import { expect, test } from "./support/test";
import { authFile } from "./support/auth-file";
import { bumpDataVersion, queryOne, run, uniqueName } from "./support/users";

/*
 * What leaders read must be true (issue 13, city view): the default month is the latest with
 * approved data, never a just-opened empty month; summaries never claim all indicators are on
 * pace when none has a target; figures carrying an unresolved warning are marked.
 * These tests share the run's database: every change to demo rows is undone in afterAll.
 */

const CURRENT = "insert into app_meta (key, value) values ('current_campaign', ?) on conflict(key) do update set value = excluded.value";

async function reportingDistricts(): Promise<number> {
  return Number((await queryOne<{ n: number }>("select count(*) as n from districts where active = 1 and reports = 1"))!.n);
}

/** Unresolved warnings of 2023 through October (other specs may leave some of their own): all, and October's. */
async function unresolvedFlags(): Promise<{ all: number; october: number }> {
  const r = await queryOne<{ all: number; october: number }>(
    `select count(*) as "all", sum(f.month = '2023-10') as october from plausibility_flags f join campaigns c on c.id = f.campaign_id
     where c.slug = 'quanzhou-2023' and f.month between '2023-01' and '2023-10' and f.resolved_at is null`,
  );
  return { all: Number(r!.all), october: Number(r!.october ?? 0) };
}

async function officialCount(month: string): Promise<number> {
  const r = await queryOne<{ n: number }>(
    `select count(*) as n from monthly_reports r join periods p on p.id = r.period_id join campaigns c on c.id = p.campaign_id join districts d on d.id = r.district_id
     where c.slug = 'quanzhou-2023' and p.month = ? and r.official = 1 and d.active = 1 and d.reports = 1`,
    [month],
  );
  return Number(r!.n);
}

test.describe("the leader's default month", () => {
  test.use({ storageState: authFile("leader") });

  test.beforeAll(async () => {
    // The campaign office opens November 2023 (as /city/setup/campaigns/<id>/periods does).
    await run("update periods set is_open = 1 where month = '2023-11' and campaign_id = (select id from campaigns where slug = 'quanzhou-2023')");
    await bumpDataVersion();
  });
  test.afterAll(async () => {
    await run("update periods set is_open = 0 where month = '2023-11' and campaign_id = (select id from campaigns where slug = 'quanzhou-2023')");
    await bumpDataVersion();
  });

  test("after November opens, /city still shows October, the latest month with approvals, and offers November with its approval count", async ({ page }) => {
    const october = await officialCount("2023-10");
    const total = await reportingDistricts();
    expect(october).toBeGreaterThan(0);
    await page.goto("/city");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("2023年10月");
    const banner = page.getByRole("note", { name: "默认月份" });
    await expect(banner).toContainText(`显示2023年10月（已审定 ${october}/${total} 个区县）。2023年11月已开始填报：已审定 0/${total} 个区县`);
    await banner.getByRole("link", { name: "→ 查看2023年11月" }).click();
    await expect(page).toHaveURL(/month=2023-11/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("2023年11月");
    await expect(page.getByRole("note", { name: "默认月份" })).toHaveCount(0);
  });

  test("the bulletin, the lagging list and the key projects also default to October", async ({ page }) => {
    await page.goto("/city/bulletin");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("月度简报 · 2023年10月");
    await expect(page.getByRole("note", { name: "默认月份" })).toContainText("2023年11月已开始填报");
    for (const path of ["/city/lagging", "/city/projects"]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 }), path).toContainText("2023年10月");
    }
  });

  test("an explicit month is honoured without the default-month banner", async ({ page }) => {
    await page.goto("/city?month=2023-09");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("2023年9月");
    await expect(page.getByRole("note", { name: "默认月份" })).toHaveCount(0);
  });
});

test.describe("a campaign without targets", () => {
  test.use({ storageState: authFile("leader") });
  let previous: string | null = null;
  let campaignId = 0;

  test.beforeAll(async () => {
    previous = (await queryOne<{ value: string }>("select value from app_meta where key = 'current_campaign'"))?.value ?? null;
    const c = await queryOne<{ id: number }>(
      "insert into campaigns (slug, year, city_name, title, subtitle, starts_on, ends_on, status) values (?, 2032, '测试市', '无目标专项', '测试行动', '2032-01-01', '2032-12-31', 'active') returning id",
      [uniqueName("e2e-notarget-")],
    );
    campaignId = Number(c!.id);
    const action = await queryOne<{ id: number }>("insert into actions (campaign_id, code, name, group_label, sort_order) values (?, 'act_t', '测试行动', '1', 1) returning id", [campaignId]);
    const ids: number[] = [];
    for (const [code, name] of [["nt_a", "测试指标甲"], ["nt_b", "测试指标乙"]] as const) {
      const r = await queryOne<{ id: number }>(
        "insert into indicators (campaign_id, action_id, code, name, unit_code, kind, aggregation, is_headline) values (?, ?, ?, ?, 'yi_yuan', 'reported', 'sum', 1) returning id",
        [campaignId, action!.id, code, name],
      );
      ids.push(Number(r!.id));
    }
    const period = await queryOne<{ id: number }>("insert into periods (campaign_id, month, is_open, due_on) values (?, '2032-01', 1, '2032-02-05') returning id", [campaignId]);
    // Jinjiang's January is approved: official figures, no target anywhere.
    const report = await queryOne<{ id: number }>(
      "insert into monthly_reports (period_id, district_id, status, official, submitted_at, approved_at) values (?, (select id from districts where code = 'jinjiang'), 'approved', 1, '2032-02-03T02:00:00.000Z', '2032-02-04T02:00:00.000Z') returning id",
      [period!.id],
    );
    for (const id of ids) await run("insert into figure_values (report_id, indicator_id, value, approved_value) values (?, ?, 500000, 500000)", [report!.id, id]);
    await run(CURRENT, [String(campaignId)]);
    // Written straight into the database: the data version tells the app, as the app's own writes do.
    await bumpDataVersion();
  });

  test.afterAll(async () => {
    if (previous !== null) await run(CURRENT, [previous]);
    await run("update campaigns set status = 'archived' where id = ?", [campaignId]);
    await bumpDataVersion();
  });

  test("the bulletin does not claim all indicators are on pace and names the indicators without a target", async ({ page }) => {
    await page.goto("/city/bulletin?month=2032-01");
    const bulletin = page.locator("article.bulletin");
    await expect(bulletin.getByRole("heading", { name: "三、进度滞后事项" })).toBeVisible();
    await expect(bulletin).not.toContainText("均达到序时进度");
    const summary = bulletin.locator("[data-pace-summary]");
    await expect(summary).toContainText("全市层面各项指标均未设定目标，本期不评价序时进度。");
    await expect(summary).toContainText("未设目标的指标：测试指标甲、测试指标乙。");
  });

  test("the bulletin is dated for its period, with the print date apart", async ({ page }) => {
    await page.goto("/city/bulletin?month=2032-01");
    const bulletin = page.locator("article.bulletin");
    await expect(bulletin.locator("[data-bulletin-period]")).toHaveText("2032年第1期（2032年1月）");
    await expect(bulletin).toContainText("数据截至2032年1月");
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
    await expect(bulletin.locator("[data-bulletin-printed]")).toHaveText(`打印日期：${Number(today.slice(0, 4))}年${Number(today.slice(5, 7))}月${Number(today.slice(8, 10))}日`);
  });

  test("the dashboard says no indicator has a target instead of judging pace", async ({ page }) => {
    await page.goto("/city");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("2032年1月");
    await expect(page.locator("[data-pace-summary]")).toHaveText("全市层面各项指标均未设定目标，本期不评价序时进度。未设目标的指标：测试指标甲、测试指标乙。");
  });
});

test.describe("figures with unresolved warnings", () => {
  let flagId = 0;
  let code = "";
  let district = "";
  let indicatorName = "";
  let lagPage = "1";

  test.beforeAll(async ({ browser }) => {
    // A submitted October district-month that the including-unapproved lagging list shows for a reported indicator.
    const page = await browser.newPage({ storageState: authFile("leader") });
    const base = "/city/lagging?month=2023-10&include=unapproved&scope=districts";
    await page.goto(base);
    const pages = Math.max(1, await page.getByRole("navigation", { name: "分页" }).getByRole("link").count());
    const rows: string[][] = [];
    for (let n = 1; n <= pages; n++) {
      if (n > 1) await page.goto(`${base}&page=${n}`);
      const onPage = await page.locator("tbody tr[data-indicator]").evaluateAll((trs) => trs.map((tr) => [tr.getAttribute("data-indicator")!, tr.getAttribute("data-area")!]));
      rows.push(...onPage.map(([ind, area]) => [ind!, area!, String(n)]));
    }
    await page.close();
    const candidates = await Promise.all(
      rows.map(([ind, area, n]) =>
        queryOne<{ ind: number; district: number; name: string }>(
          `select i.id as ind, d.id as district, i.name as name from indicators i join campaigns c on c.id = i.campaign_id
           join districts d on d.code = ? join periods p on p.campaign_id = c.id and p.month = '2023-10'
           join monthly_reports r on r.period_id = p.id and r.district_id = d.id and r.status = 'submitted'
           where c.slug = 'quanzhou-2023' and i.code = ? and i.kind = 'reported'`,
          [area!, ind!],
        ).then((r) => (r ? { ...r, code: ind!, area: area!, page: n! } : null)),
      ),
    );
    const pick = candidates.find((c) => c !== null);
    expect(pick, `a submitted district-month among the ${rows.length} rows of the lagging list`).toBeTruthy();
    code = pick!.code;
    district = pick!.area;
    indicatorName = pick!.name;
    lagPage = pick!.page;
    const f = await queryOne<{ id: number }>(
      `insert into plausibility_flags (campaign_id, district_id, month, subject, indicator_id, rule, message, note)
       values ((select id from campaigns where slug = 'quanzhou-2023'), ?, '2023-10', 'figure', ?, 'e2e_jump', '本月值为近三个月平均的 9 倍（测试提醒）', '含一次性结算款（测试说明）') returning id`,
      [pick!.district, pick!.ind],
    );
    flagId = Number(f!.id);
    // As the save that raised it would: the leader's pages read flags per data version.
    await bumpDataVersion();
  });

  test.afterAll(async () => {
    await run("delete from plausibility_flags where id = ?", [flagId]);
    await bumpDataVersion();
  });

  test.describe("as a leader", () => {
    test.use({ storageState: authFile("leader") });

    test("the dashboard including unapproved data marks the figure, lists the warning with its note and counts it", async ({ page }) => {
      await page.goto("/city?month=2023-10&include=unapproved");
      const mark = page.locator(`tr[data-indicator="${code}"] [data-flag-mark]`);
      await expect(mark).toContainText("待核实");
      await expect(mark).toHaveAttribute("title", /本月值为近三个月平均的 9 倍（测试提醒）（填报说明：含一次性结算款（测试说明））/);
      const n = await unresolvedFlags();
      await expect(page.getByRole("note", { name: "数据提醒" })).toContainText(
        n.all === n.october ? `本月（2023年10月）有 ${n.all} 条未核实的数据提醒` : `1—10月的填报中有 ${n.all} 条未核实的数据提醒（本月 ${n.october} 条）`,
      );
      await expect(page.getByRole("note", { name: "数据提醒" }).getByRole("link", { name: "到月报审核处理" })).toHaveCount(0);
      const list = page.getByRole("region", { name: /未核实的数据提醒/ });
      await expect(list.locator(`[data-flag="${flagId}"]`)).toContainText(`${indicatorName}：本月值为近三个月平均的 9 倍（测试提醒）`);
      await expect(list.locator(`[data-flag="${flagId}"]`)).toContainText("填报说明：含一次性结算款（测试说明）");
    });

    test("the official dashboard has no marks and says why, pointing to the unapproved data's warnings", async ({ page }) => {
      await page.goto("/city?month=2023-10");
      await expect(page.locator("[data-flag-mark]")).toHaveCount(0);
      const note = page.getByRole("note", { name: "数据提醒" });
      await expect(note).toContainText("正式口径只计已审核数据");
      await expect(note).toContainText(`未审核的填报中有 ${(await unresolvedFlags()).all} 条未核实的数据提醒`);
      await note.getByRole("link", { name: "切换到“含未审核数据”查看" }).click();
      await expect(page.locator(`tr[data-indicator="${code}"] [data-flag-mark]`)).toBeVisible();
    });

    test("the lagging list marks the district's value that carries the warning", async ({ page }) => {
      await page.goto(`/city/lagging?month=2023-10&include=unapproved&scope=districts&page=${lagPage}`);
      const row = page.locator(`tbody tr[data-indicator="${code}"][data-area="${district}"]`);
      await expect(row.locator("[data-flag-mark]")).toContainText("待核实");
      await expect(row.locator("[data-flag-mark]")).toHaveAttribute("title", /测试提醒/);
      // Only that district's row of the indicator carries it.
      const others = await page.locator(`tbody tr[data-indicator="${code}"]:not([data-area="${district}"]) [data-flag-mark]`).evaluateAll((els) => els.map((e) => e.getAttribute("title") ?? ""));
      expect(others.filter((t) => t.includes("测试提醒"))).toEqual([]);
      await expect(page.getByRole("region", { name: /未核实的数据提醒/ })).toContainText("含一次性结算款（测试说明）");
      await expect(page.getByRole("note", { name: "数据提醒" })).toContainText(`${(await unresolvedFlags()).all} 条未核实的数据提醒`);
    });
  });

  test.describe("as the campaign office", () => {
    test.use({ storageState: authFile("admin") });

    test("the warning line links to the month's review", async ({ page }) => {
      await page.goto("/city?month=2023-10&include=unapproved");
      await expect(page.getByRole("note", { name: "数据提醒" }).getByRole("link", { name: "到月报审核处理" })).toHaveAttribute("href", "/city/review?month=2023-10");
    });
  });
});
