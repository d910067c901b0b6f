import ExcelJS from "exceljs";
import { expect, test, type Page } from "./support/test";
import { captureAction, replay, requestAs } from "./support/actions";
import { authFile } from "./support/auth-file";
import { signIn } from "./support/login";
import { bumpDataVersion, createUser, queryOne, run, uniqueName } from "./support/users";

/*
 * Campaign set-up (专项设置) by the campaign office. The first test is issue 9's story: next
 * year's campaign is built in the browser — copy 2023, targets from Excel, open January, make it
 * current — and a district's January reaches the city rollup, with no code or seed change.
 * Other tests work on campaigns of their own (years far from 2023/2024) so they never touch
 * the demo campaign other specs rely on.
 */

const PASSWORD = "Setup-spec-password-1";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

async function campaignId(slug: string): Promise<number> {
  return Number((await queryOne<{ id: number }>("select id from campaigns where slug = ?", [slug]))!.id);
}

async function currentCampaignSlug(): Promise<string | null> {
  const r = await queryOne<{ slug: string }>("select c.slug from app_meta m join campaigns c on c.id = cast(m.value as integer) where m.key = 'current_campaign'");
  return r?.slug ?? null;
}

/** A draft campaign of its own with two actions and its twelve (closed) months, written as the set-up pages would. */
async function draftCampaign(year: number): Promise<{ id: number; actionA: number; actionB: number }> {
  const slug = uniqueName(`e2e-${year}-`);
  const c = await queryOne<{ id: number }>(
    "insert into campaigns (slug, year, city_name, title, starts_on, ends_on, status) values (?, ?, '测试市', '测试专项', ?, ?, 'draft') returning id",
    [slug, year, `${year}-01-01`, `${year}-12-31`],
  );
  const id = Number(c!.id);
  for (let m = 1; m <= 12; m++) {
    const month = `${year}-${String(m).padStart(2, "0")}`;
    const next = m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, "0")}`;
    await run("insert into periods (campaign_id, month, is_open, due_on) values (?, ?, 0, ?)", [id, month, `${next}-05`]);
  }
  const a = await queryOne<{ id: number }>("insert into actions (campaign_id, code, name, sort_order) values (?, 'act_a', '行动甲', 1) returning id", [id]);
  const b = await queryOne<{ id: number }>("insert into actions (campaign_id, code, name, sort_order) values (?, 'act_b', '行动乙', 2) returning id", [id]);
  return { id, actionA: Number(a!.id), actionB: Number(b!.id) };
}

async function fixtureIndicator(campaign: number, action: number, code: string, unit = "yi_yuan"): Promise<number> {
  const r = await queryOne<{ id: number }>(
    "insert into indicators (campaign_id, action_id, code, name, unit_code, kind, aggregation) values (?, ?, ?, ?, ?, 'reported', 'sum') returning id",
    [campaign, action, code, `测试指标 ${code}`, unit],
  );
  return Number(r!.id);
}

async function count(sql: string, args: (string | number)[]): Promise<number> {
  return Number((await queryOne<{ n: number }>(sql, args))!.n);
}

async function download(page: Page, linkName: string): Promise<ExcelJS.Workbook> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: linkName }).click()]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile((await file.path())!);
  return wb;
}

async function buffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function columnOf(ws: ExcelJS.Worksheet, header: string): number {
  let found = 0;
  ws.getRow(1).eachCell((cell, n) => {
    if (String(cell.value) === header) found = n;
  });
  if (!found) throw new Error(`no column ${header}`);
  return found;
}

function rowOf(ws: ExcelJS.Worksheet, code: string): ExcelJS.Row {
  let found: ExcelJS.Row | null = null;
  ws.eachRow((row) => {
    if (String(row.getCell(1).value) === code) found = row;
  });
  if (!found) throw new Error(`no row ${code}`);
  return found;
}

function projectList(rows: (string | number)[][]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("重点项目");
  ws.addRow(["项目代码", "项目名称", "所属区县", "行业", "专项行动", "业主单位", "总投资（亿元）", "年度计划投资（万元）", "计划开工日期", "计划竣工日期"]);
  for (const r of rows) ws.addRow(r);
  return wb;
}

const DISTRICTS = ["licheng", "fengze", "luojiang", "quangang", "shishi", "jinjiang", "nanan", "huian", "anxi", "yongchun", "dehua", "kaifaqu", "taishang"];

test.describe("campaign set-up by the campaign office", () => {
  test.use({ storageState: authFile("admin") });

  test("a 2024 campaign copied from 2023 gets its targets from Excel, opens January, becomes current, and a district's approved January shows in the city rollup", async ({ page, browser }) => {
    test.setTimeout(180_000);
    try {
      // 1. Copy 2023 into a new 2024 draft.
      await page.goto("/city/setup/campaigns/new");
      await page.getByLabel("复制往年结构").selectOption({ label: "2023年 抓项目、促发展（启用，6 项行动、18 个指标）" });
      await page.getByLabel("年度").fill("2024");
      await page.getByLabel("标识").fill("quanzhou-2024");
      await page.getByRole("button", { name: "创建专项" }).click();
      await expect(page.getByRole("status").filter({ hasText: "复制了" })).toContainText("复制了 6 项专项行动（含 7 项子行动）和 18 个指标");
      const id = await campaignId("quanzhou-2024");
      expect(await count("select count(*) as n from indicators where campaign_id = ?", [id])).toBe(18);
      expect(await count("select count(*) as n from targets t join indicators i on i.id = t.indicator_id where i.campaign_id = ?", [id])).toBe(0);
      expect(await count("select count(*) as n from periods where campaign_id = ? and is_open = 0 and month like '2024-%'", [id])).toBe(12);
      expect(await count("select count(*) as n from projects where campaign_id = ?", [id])).toBe(0);

      // 2. Targets by Excel: the downloaded sheet, filled in and uploaded.
      const tabs = page.getByRole("navigation", { name: "专项设置栏目" });
      await tabs.getByRole("link", { name: "目标" }).click();
      const wb = await download(page, "下载目标分解表");
      const ws = wb.getWorksheet("目标分解")!;
      const planned = rowOf(ws, "planned_projects");
      planned.getCell(columnOf(ws, "全市目标")).value = 1300;
      planned.getCell(columnOf(ws, "增长目标（%）")).value = 30;
      ws.getRow(1).eachCell((cell, n) => {
        if (n > 7 && n < columnOf(ws, "分解差异说明")) planned.getCell(n).value = 100;
      });
      rowOf(ws, "urban_investment").getCell(columnOf(ws, "全市目标")).value = 900;
      await page.getByLabel("填好的目标分解表").setInputFiles({ name: "targets.xlsx", mimeType: XLSX, buffer: await buffer(wb) });
      await page.getByRole("button", { name: "上传并导入" }).click();
      await expect(page.getByRole("status").filter({ hasText: "已导入" })).toContainText("已导入 18 个指标的目标，其中 2 个有变化");
      const target = await queryOne<{ city: number; growth: number; jinjiang: number }>(
        `select t.target_value as city, t.growth_target_bp as growth,
           (select d.target_value from targets d join districts x on x.id = d.district_id where d.indicator_id = i.id and x.code = 'jinjiang') as jinjiang
         from targets t join indicators i on i.id = t.indicator_id where i.campaign_id = ? and i.code = 'planned_projects' and t.district_id is null and t.year = 2024`,
        [id],
      );
      expect(target).toEqual({ city: 1300, growth: 3000, jinjiang: 100 });

      // 3. Open January 2024.
      await tabs.getByRole("link", { name: "填报月份" }).click();
      await page.getByRole("button", { name: "开放 2024年1月" }).click();
      await expect(page.locator('tr[data-month="2024-01"]')).toContainText("开放填报");

      // 4. Activate it and make it the current campaign.
      await tabs.getByRole("link", { name: "概况" }).click();
      await page.getByRole("button", { name: "启用专项" }).click();
      await expect(page.getByRole("button", { name: "设为当前专项" })).toBeVisible();
      expect(await currentCampaignSlug()).toBe("quanzhou-2023");
      await page.getByRole("button", { name: "设为当前专项" }).click();
      await expect(page.getByText("这是当前专项：区县在这里填报")).toBeVisible();
      expect(await currentCampaignSlug()).toBe("quanzhou-2024");

      // 5. A new Jinjiang clerk files January and submits it.
      const username = uniqueName("clerk2024");
      await createUser({ username, password: PASSWORD, district: "jinjiang" });
      const clerk = await (await browser.newContext({ storageState: undefined })).newPage();
      await signIn(clerk, username, PASSWORD);
      await clerk.goto("/district/figures");
      await expect(clerk.getByRole("heading", { level: 1 })).toHaveText("晋江市 · 2024年1月月度指标");
      const ids = Object.fromEntries(
        (await Promise.all(
          ["planned_projects", "planned_investment", "urban_investment", "standard_factory_area", "standard_park_area_started", "enterprise_entry_rate", "park_value_added_share"].map(async (code) => [
            code,
            Number((await queryOne<{ id: number }>("select id from indicators where campaign_id = ? and code = ?", [id, code]))!.id),
          ]),
        )) as [string, number][],
      );
      await clerk.locator(`#m_${ids.planned_projects}`).fill("37");
      await clerk.locator(`#m_${ids.planned_investment}`).fill("120.5");
      await clerk.locator(`#m_${ids.urban_investment}`).fill("60");
      await clerk.locator(`#m_${ids.standard_factory_area}`).fill("80");
      await clerk.locator(`#m_${ids.standard_park_area_started}`).fill("900");
      await clerk.locator(`#n_${ids.enterprise_entry_rate}`).fill("40");
      await clerk.locator(`#d_${ids.enterprise_entry_rate}`).fill("100");
      await clerk.locator(`#n_${ids.park_value_added_share}`).fill("50.5");
      await clerk.locator(`#d_${ids.park_value_added_share}`).fill("100");
      await clerk.getByRole("button", { name: "保存并报送" }).click();
      // A submitted month turns read-only for the clerk.
      await expect(clerk.getByText("已报送，审核期间不能修改")).toBeVisible();
      expect(await queryOne("select r.status from monthly_reports r join periods p on p.id = r.period_id where p.campaign_id = ? and p.month = '2024-01'", [id])).toEqual({ status: "submitted" });

      // 6. The campaign office approves it.
      await page.goto("/city/review?month=2024-01");
      await page.locator('tr[data-district="jinjiang"]').getByRole("link", { name: /审核/ }).click();
      await page.getByRole("button", { name: "审核通过", exact: true }).click();
      await expect(page.getByRole("status").filter({ hasText: "已审核通过" })).toBeVisible();

      // 7. The city rollup of the current campaign (2024) counts it.
      await page.goto("/city");
      await expect(page.getByRole("heading", { level: 1 })).toContainText("2024年1月");
      await expect(page.locator('tr[data-indicator="planned_projects"] [data-actual]')).toContainText("37");
      await expect(page.locator('tr[data-indicator="planned_projects"]')).toContainText("1,300");
    } finally {
      // Later specs expect the demo campaign: make 2023 current again, and archive 2024 so no "latest active" fallback can pick it.
      await run("insert into app_meta (key, value) values ('current_campaign', (select cast(id as text) from campaigns where slug = 'quanzhou-2023')) on conflict(key) do update set value = excluded.value");
      await run("update campaigns set status = 'archived' where slug = 'quanzhou-2024'");
      await bumpDataVersion();
    }
  });

  test("copying a campaign leaves the current campaign as it was", async ({ page }) => {
    const before = await currentCampaignSlug();
    await page.goto("/city/setup/campaigns/new");
    await page.getByLabel("复制往年结构").selectOption({ label: "2023年 抓项目、促发展（启用，6 项行动、18 个指标）" });
    await page.getByLabel("年度").fill("2031");
    await page.getByLabel("标识").fill("quanzhou-2031");
    await page.getByRole("button", { name: "创建专项" }).click();
    await expect(page.getByRole("status").filter({ hasText: "当前专项没有改变" })).toBeVisible();
    expect(await currentCampaignSlug()).toBe(before);
    await page.goto("/city/setup");
    await expect(page.locator('tr[data-campaign="quanzhou-2031"]')).toContainText("草稿");
    await expect(page.locator('tr[data-campaign="quanzhou-2031"]')).not.toContainText("当前专项");
    await expect(page.locator('tr[data-campaign="quanzhou-2023"]')).toContainText("当前专项");
    await page.goto("/city/review");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("2023年");
  });

  test("an archived campaign refuses an edit, even one posted directly to the server", async ({ page, baseURL }) => {
    const c = await draftCampaign(2042);
    await page.goto(`/city/setup/campaigns/${c.id}`);
    await page.getByLabel("专项名称").fill("归档后不应出现的名称");
    const edit = await captureAction(page, () => page.getByRole("button", { name: "保存基本信息" }).click());
    await page.reload();
    await page.getByRole("button", { name: "归档（只读）" }).click();
    await expect(page.getByText("该专项已归档：只读")).toBeVisible();
    await expect(page.getByRole("button", { name: "保存基本信息" })).toHaveCount(0);
    const res = await replay(await requestAs(baseURL!, authFile("admin")), edit);
    expect(await res.text()).toContain("该专项已归档，只读，不能修改");
    expect(await queryOne("select title, status from campaigns where id = ?", [c.id])).toEqual({ title: "测试专项", status: "archived" });
  });

  test("a duplicate indicator code is refused next to the field and nothing is stored", async ({ page }) => {
    const c = await draftCampaign(2043);
    await fixtureIndicator(c.id, c.actionA, "taken_code");
    await page.goto(`/city/setup/campaigns/${c.id}/indicators/new`);
    await page.getByLabel("指标代码").fill("taken_code");
    await page.getByLabel("指标名称").fill("重复代码的指标");
    await page.getByLabel("单位", { exact: true }).selectOption("ge");
    await page.getByLabel("所属专项行动").selectOption({ label: "行动乙" });
    await page.getByRole("button", { name: "新增指标" }).click();
    await expect(page.locator("#code-error")).toHaveText("本专项已有这个代码的指标，请换一个");
    expect(await count("select count(*) as n from indicators where campaign_id = ?", [c.id])).toBe(1);
  });

  test("a duplicate sector code is refused next to the field and nothing is stored", async ({ page }) => {
    await page.goto("/city/setup/sectors");
    await page.locator("#add-sector-code").fill("transport");
    await page.locator("#add-sector-name").fill("又一个交通");
    await page.getByRole("button", { name: "新增行业" }).click();
    await expect(page.locator("#add-sector-code-error")).toHaveText("已有这个代码的行业，请换一个");
    expect(await count("select count(*) as n from sectors where name = '又一个交通'", [])).toBe(0);
  });

  test("a ratio indicator without numerator and denominator labels is refused and nothing is stored", async ({ page }) => {
    const c = await draftCampaign(2044);
    await page.goto(`/city/setup/campaigns/${c.id}/indicators/new`);
    await page.getByLabel("指标代码").fill("entry_rate_x");
    await page.getByLabel("指标名称").fill("入园率（测试）");
    await page.getByLabel("汇总方式").selectOption("ratio");
    await page.getByLabel("单位", { exact: true }).selectOption("percent");
    await page.getByLabel("所属专项行动").selectOption({ label: "行动甲" });
    await page.getByRole("button", { name: "新增指标" }).click();
    await expect(page.locator("#numeratorLabel-error")).toContainText("比率指标必须填写分子名称");
    await expect(page.locator("#denominatorLabel-error")).toContainText("比率指标必须填写分母名称");
    await expect(page.locator("#partUnitCode-error")).toHaveText("比率指标必须选择分子、分母的单位");
    expect(await count("select count(*) as n from indicators where campaign_id = ?", [c.id])).toBe(0);
  });

  test("a derived indicator whose rule is missing its parameters is refused and nothing is stored", async ({ page }) => {
    const c = await draftCampaign(2045);
    await page.goto(`/city/setup/campaigns/${c.id}/indicators/new`);
    await page.getByLabel("指标代码").fill("solved_x");
    await page.getByLabel("指标名称").fill("解决难题（测试）");
    await page.getByLabel("类型", { exact: true }).selectOption("derived");
    await page.getByLabel("汇总方式").selectOption("count");
    await page.getByLabel("单位", { exact: true }).selectOption("ge");
    await page.getByLabel("所属专项行动").selectOption({ label: "行动甲" });
    await page.getByLabel("已解决难题个数").check();
    await page.getByRole("button", { name: "新增指标" }).click();
    await expect(page.locator("#p_problems_resolved_type-error")).toHaveText("请选择难题类型");
    expect(await count("select count(*) as n from indicators where campaign_id = ?", [c.id])).toBe(0);

    await page.getByLabel("难题类型").selectOption("land_approval");
    await page.getByRole("button", { name: "新增指标" }).click();
    await expect(page).toHaveURL(/\/indicators\/\d+\?created=1$/);
    expect(await queryOne("select kind, derivation from indicators where campaign_id = ?", [c.id])).toEqual({ kind: "derived", derivation: '{"rule":"problems_resolved","params":{"type":"land_approval"}}' });
  });

  test("a negative target is refused next to the field and nothing is stored", async ({ page }) => {
    const c = await draftCampaign(2046);
    const ind = await fixtureIndicator(c.id, c.actionA, "invest_x");
    await page.goto(`/city/setup/campaigns/${c.id}/targets/${ind}`);
    await page.getByLabel("全市目标（亿元）").fill("-5");
    await page.getByRole("button", { name: "保存目标" }).click();
    await expect(page.locator("#target-error")).toHaveText("目标不能为负数");
    expect(await count("select count(*) as n from targets where indicator_id = ?", [ind])).toBe(0);
  });

  test("a monthly plan that does not reach 100% by December is refused and nothing is stored", async ({ page }) => {
    const c = await draftCampaign(2047);
    const ind = await fixtureIndicator(c.id, c.actionA, "invest_y");
    await page.goto(`/city/setup/campaigns/${c.id}/targets/${ind}`);
    await page.getByLabel("全市目标（亿元）").fill("100");
    await page.getByLabel(/^自定义/).check();
    await page.getByLabel("12月累计（%）").fill("95");
    await page.getByRole("button", { name: "保存目标" }).click();
    await expect(page.locator("#plan-error")).toHaveText("月度计划到 12 月必须达到 100%");
    expect(await count("select count(*) as n from targets where indicator_id = ?", [ind])).toBe(0);
  });

  test("district targets that do not add up to the city target need an explanation before they are stored", async ({ page }) => {
    const c = await draftCampaign(2048);
    const ind = await fixtureIndicator(c.id, c.actionA, "invest_z");
    await page.goto(`/city/setup/campaigns/${c.id}/targets/${ind}`);
    await page.getByLabel("全市目标（亿元）").fill("100");
    await page.getByLabel("鲤城区").fill("30");
    await page.getByRole("button", { name: "保存目标" }).click();
    await expect(page.locator("#breakdownNote-error")).toContainText("各区县目标合计 30 亿元，与全市目标 100 亿元 不一致（少 70 亿元）");
    expect(await count("select count(*) as n from targets where indicator_id = ?", [ind])).toBe(0);
    await page.getByLabel("分解差异说明").fill("其余 70 亿元由市直单位承担");
    await page.getByRole("button", { name: "保存目标" }).click();
    await expect(page.getByRole("status").filter({ hasText: "已保存目标" })).toBeVisible();
    expect(await queryOne("select target_value, breakdown_note from targets where indicator_id = ? and district_id is null", [ind])).toEqual({ target_value: 1_000_000, breakdown_note: "其余 70 亿元由市直单位承担" });
  });

  test("a targets sheet with one bad row stores nothing and names the row", async ({ page }) => {
    const c = await draftCampaign(2049);
    await fixtureIndicator(c.id, c.actionA, "invest_a");
    await fixtureIndicator(c.id, c.actionA, "invest_b");
    await page.goto(`/city/setup/campaigns/${c.id}/targets`);
    const wb = await download(page, "下载目标分解表");
    const ws = wb.getWorksheet("目标分解")!;
    rowOf(ws, "invest_a").getCell(columnOf(ws, "全市目标")).value = 50;
    rowOf(ws, "invest_b").getCell(columnOf(ws, "全市目标")).value = -3;
    await page.getByLabel("填好的目标分解表").setInputFiles({ name: "targets.xlsx", mimeType: XLSX, buffer: await buffer(wb) });
    await page.getByRole("button", { name: "上传并导入" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "未保存任何数据" })).toBeVisible();
    await expect(page.getByRole("table", { name: "需要改正的行" })).toContainText("目标不能为负数");
    expect(await count("select count(*) as n from targets t join indicators i on i.id = t.indicator_id where i.campaign_id = ?", [c.id])).toBe(0);
  });

  test("an indicator with figures keeps its definition: a changed unit posted anyway is refused", async ({ page }) => {
    const c = await draftCampaign(2050);
    const ind = await fixtureIndicator(c.id, c.actionA, "with_figures");
    const period = await queryOne<{ id: number }>("select id from periods where campaign_id = ? and month = '2050-01'", [c.id]);
    const report = await queryOne<{ id: number }>("insert into monthly_reports (period_id, district_id) values (?, (select id from districts where code = 'jinjiang')) returning id", [period!.id]);
    await run("insert into figure_values (report_id, indicator_id, value) values (?, ?, 12345)", [report!.id, ind]);
    await page.goto(`/city/setup/campaigns/${c.id}/indicators/${ind}`);
    const note = page.getByRole("main").getByRole("note");
    await expect(note).toContainText("口径已锁定");
    await expect(note).toContainText("请新增一个指标");
    await page.locator('input[type=hidden][name="unitCode"]').evaluate((el: HTMLInputElement) => (el.value = "wan_yuan"));
    await page.getByLabel("我确认修改这个已有数据的指标").check();
    await page.getByRole("button", { name: "保存指标" }).click();
    await expect(page.locator("#definition-error")).toContainText("该指标已有数据，不能修改口径");
    expect(await queryOne("select unit_code, version from indicators where id = ?", [ind])).toEqual({ unit_code: "yi_yuan", version: 1 });
  });

  test("renaming an indicator with figures needs a confirmation and is audited with old and new names", async ({ page }) => {
    const c = await draftCampaign(2051);
    const ind = await fixtureIndicator(c.id, c.actionA, "renamed");
    const period = await queryOne<{ id: number }>("select id from periods where campaign_id = ? and month = '2051-01'", [c.id]);
    const report = await queryOne<{ id: number }>("insert into monthly_reports (period_id, district_id) values (?, (select id from districts where code = 'nanan')) returning id", [period!.id]);
    await run("insert into figure_values (report_id, indicator_id, value) values (?, ?, 1)", [report!.id, ind]);
    await page.goto(`/city/setup/campaigns/${c.id}/indicators/${ind}`);
    await page.getByLabel("指标名称").fill("新的名称");
    await page.getByRole("button", { name: "保存指标" }).click();
    await expect(page.locator("#confirm-error")).toContainText("请勾选确认");
    expect(await queryOne("select name from indicators where id = ?", [ind])).toEqual({ name: "测试指标 renamed" });
    await page.getByLabel("我确认修改这个已有数据的指标").check();
    await page.getByRole("button", { name: "保存指标" }).click();
    await expect(page.getByRole("status").filter({ hasText: "已保存" })).toBeVisible();
    const audit = await queryOne<{ before: string; after: string }>("select before, after from audit_events where action = 'indicator.update' and entity_id = ? order by id desc limit 1", [String(ind)]);
    expect(JSON.parse(audit!.before)).toEqual({ name: "测试指标 renamed" });
    expect(JSON.parse(audit!.after)).toMatchObject({ name: "新的名称", confirmedWithFigures: true });
  });

  test("changing the deadline day moves the due dates of months not yet locked", async ({ page }) => {
    const c = await draftCampaign(2052);
    await run("update periods set locked = 1, is_open = 1 where campaign_id = ? and month = '2052-01'", [c.id]);
    await page.goto(`/city/setup/campaigns/${c.id}/periods`);
    await page.getByLabel("次月几日前报送").fill("12");
    await page.getByRole("button", { name: "保存截止日" }).click();
    await expect(page.getByRole("status").filter({ hasText: "截止日已改为次月 12 日" })).toBeVisible();
    expect(await queryOne("select due_on from periods where campaign_id = ? and month = '2052-01'", [c.id])).toEqual({ due_on: "2052-02-05" });
    expect(await queryOne("select due_on from periods where campaign_id = ? and month = '2052-12'", [c.id])).toEqual({ due_on: "2053-01-12" });
    await expect(page.locator('tr[data-month="2052-03"]')).toContainText("2052-04-12");
  });

  test("a key-project list of a thousand rows imports in a few seconds", async ({ page }) => {
    test.setTimeout(60_000);
    const c = await draftCampaign(2053);
    const rows = Array.from({ length: 1000 }, (_, i) => [`K${String(i).padStart(4, "0")}`, `测试重点项目 ${i}`, DISTRICTS[i % 13]!, "交通", "act_a", "某业主", 10 + (i % 7), 20000, "2053-03-01", "2054-06-30"]);
    await page.goto(`/city/setup/campaigns/${c.id}/projects`);
    await page.getByLabel("重点项目清单（.xlsx）").setInputFiles({ name: "list.xlsx", mimeType: XLSX, buffer: await buffer(projectList(rows)) });
    const started = Date.now();
    await page.getByRole("button", { name: "上传并导入" }).click();
    await expect(page.locator("[data-created]")).toHaveText("1000", { timeout: 15_000 });
    expect(Date.now() - started).toBeLessThan(8_000);
    expect(await count("select count(*) as n from projects where campaign_id = ? and is_key = 1", [c.id])).toBe(1000);
    expect(await queryOne("select total_investment, annual_planned_investment from projects where campaign_id = ? and code = 'K0003'", [c.id])).toEqual({ total_investment: 130_000, annual_planned_investment: 20_000 });
  });

  test("importing the list again updates projects by code and reports what changed", async ({ page }) => {
    const c = await draftCampaign(2054);
    const first = [
      ["P1", "东海大桥", "鲤城区", "交通", "行动甲", "市城投", 12, 30000, "2054-03-01", "2055-12-31"],
      ["P2", "科创园", "jinjiang", "产业", "act_b", "晋江城投", 8, 10000, "", ""],
    ];
    await page.goto(`/city/setup/campaigns/${c.id}/projects`);
    await page.getByLabel("重点项目清单（.xlsx）").setInputFiles({ name: "list.xlsx", mimeType: XLSX, buffer: await buffer(projectList(first)) });
    await page.getByRole("button", { name: "上传并导入" }).click();
    await expect(page.locator("[data-created]")).toHaveText("2");
    const second = [first[0]!.map((v, k) => (k === 6 ? 15 : v)), first[1]!, ["P3", "新增项目", "南安市", "", "", "", 1, 100, "", ""]];
    await page.getByLabel("重点项目清单（.xlsx）").setInputFiles({ name: "list.xlsx", mimeType: XLSX, buffer: await buffer(projectList(second)) });
    await page.getByRole("button", { name: "上传并导入" }).click();
    await expect(page.getByRole("status").filter({ hasText: "导入完成" })).toHaveText("导入完成：新增 1 个，更新 1 个，未变 1 个。");
    await expect(page.locator('[data-changed-project="P1"]')).toContainText("总投资");
    await expect(page.locator('[data-changed-project="P1"]')).toContainText("12 亿元");
    await expect(page.locator('[data-changed-project="P1"]')).toContainText("15 亿元");
    expect(await count("select count(*) as n from projects where campaign_id = ?", [c.id])).toBe(3);
    expect(await queryOne("select total_investment, version from projects where campaign_id = ? and code = 'P1'", [c.id])).toEqual({ total_investment: 150_000, version: 2 });
  });

  test("a key-project list with one bad row stores nothing and names the row", async ({ page }) => {
    const c = await draftCampaign(2055);
    const rows = [
      ["Q1", "好的一行", "鲤城区", "交通", "", "", 1, 100, "", ""],
      ["Q2", "坏的一行", "不存在区", "交通", "", "", 1, 100, "", ""],
    ];
    await page.goto(`/city/setup/campaigns/${c.id}/projects`);
    await page.getByLabel("重点项目清单（.xlsx）").setInputFiles({ name: "list.xlsx", mimeType: XLSX, buffer: await buffer(projectList(rows)) });
    await page.getByRole("button", { name: "上传并导入" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "未保存任何数据" })).toBeVisible();
    await expect(page.getByRole("table", { name: /需要改正的行/ })).toContainText("第 3 行");
    await expect(page.getByRole("table", { name: /需要改正的行/ })).toContainText("没有名为“不存在区”的区县");
    expect(await count("select count(*) as n from projects where campaign_id = ?", [c.id])).toBe(0);
  });

  test("a new district is added with its peer group, and deactivating it keeps it listed", async ({ page }) => {
    const code = uniqueName("zone").replace(/[^a-z0-9]/g, "").slice(0, 20);
    await page.goto("/city/setup/districts");
    await page.locator("#add-district-code").fill(code);
    await page.locator("#add-district-name").fill("测试开发区");
    await page.locator("#add-district-kind").selectOption("development_zone");
    await page.locator("#add-district-reports").uncheck();
    await page.getByRole("button", { name: "新增区县" }).click();
    await expect(page.locator(`tr[data-code="${code}"]`)).toContainText("开发区");
    await page.locator(`tr[data-code="${code}"]`).getByRole("button", { name: "停用 测试开发区" }).click();
    await expect(page.locator(`tr[data-code="${code}"]`)).toContainText("已停用");
    expect(await queryOne("select kind, reports, active from districts where code = ?", [code])).toEqual({ kind: "development_zone", reports: 0, active: 0 });
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });

    test("actions are reordered with plain up and down buttons", async ({ page }) => {
      const c = await draftCampaign(2056);
      await page.goto(`/city/setup/campaigns/${c.id}/actions`);
      await expect(page.locator("tbody th[scope=row]").first()).toContainText("行动甲");
      await page.getByRole("button", { name: "下移 行动甲" }).click();
      await expect(page.locator("tbody th[scope=row]").first()).toContainText("行动乙");
      expect(await queryOne("select (select sort_order from actions where id = ?) < (select sort_order from actions where id = ?) as moved", [c.actionB, c.actionA])).toEqual({ moved: 1 });
    });
  });
});

test.describe("who may set up campaigns", () => {
  for (const who of ["leader", "jinjiang"]) {
    test(`the set-up pages are refused to ${who}`, async ({ browser }) => {
      const page = await (await browser.newContext({ storageState: authFile(who) })).newPage();
      const res = await page.goto("/city/setup");
      expect(res?.status()).toBe(403);
    });
  }
});
