import { expect, test, type Browser, type Page } from "./support/test";
import { captureAction, deniedCount, replay, requestAs, snapshotState, type CapturedAction } from "./support/actions";
import { signIn } from "./support/login";
import { createUser, queryOne, uniqueName } from "./support/users";
import { authFile } from "./support/auth-file";

/*
 * The project register and monthly investment (district clerk of 晋江, demo data: October 2023
 * is jinjiang's draft month, January–June are locked). Each test makes its own projects so it
 * does not depend on what other specs change.
 */

const PASSWORD = "Projects-spec-password-1";

async function seedProject(opts: { district?: string; stage?: string; actualStartOn?: string | null; code?: string } = {}) {
  const code = opts.code ?? uniqueName("E2E-").toUpperCase();
  const name = `测试项目${code}`;
  const row = await queryOne<{ id: number }>(
    `insert into projects (campaign_id, code, name, district_id, sector_id, owner, total_investment, annual_planned_investment, stage, actual_start_on, is_key)
     values ((select id from campaigns where slug = 'quanzhou-2023'), ?, ?, (select id from districts where code = ?), (select id from sectors where code = 'industry'), '', 100000, 20000, ?, ?, 1)
     returning id`,
    [code, name, opts.district ?? "jinjiang", opts.stage ?? "under_construction", opts.actualStartOn === undefined ? "2023-05-10" : opts.actualStartOn],
  );
  return { id: Number(row!.id), code, name };
}

function progressOf(projectId: number, month: string) {
  return queryOne<{ investment: number; version: number }>("select investment, version from project_progress where project_id = ? and month = ?", [projectId, month]);
}

async function pageAs(browser: Browser, user: string): Promise<Page> {
  return (await browser.newContext({ storageState: authFile(user) })).newPage();
}

/** A captured server-action POST with every occurrence of `from` in its body replaced by `to`. */
function tamper(a: CapturedAction, from: string, to: string): CapturedAction {
  return { ...a, body: Buffer.from(a.body.toString("utf8").split(from).join(to), "utf8") };
}

test.describe("a district clerk's project register", () => {
  test.use({ storageState: authFile("jinjiang") });

  test("a clerk searches the register by code and opens the project", async ({ page }) => {
    const p = await seedProject();
    await page.goto("/district/projects");
    await page.getByLabel("搜索项目").fill(p.code);
    await page.getByRole("button", { name: "搜索" }).click();
    await expect(page).toHaveURL(/q=/);
    await expect(page.locator("tbody tr")).toHaveCount(1);
    await page.getByRole("link", { name: p.name }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(p.name);
    await expect(page.getByLabel("项目代码")).toHaveValue(p.code);
  });

  test("a clerk creates a project, and the same code again is refused with a field error and nothing stored", async ({ page }) => {
    const code = uniqueName("JJ-NEW-").toUpperCase();
    await page.goto("/district/projects/new");
    await page.getByLabel("项目代码").fill(code);
    await page.getByLabel("项目名称").fill("晋江测试新建项目");
    await page.getByLabel("行业").selectOption({ label: "产业" });
    await page.getByLabel("总投资（亿元）").fill("12.5");
    await page.getByLabel("年度计划投资（亿元）").fill("３亿元");
    await page.getByRole("button", { name: "创建项目" }).click();
    await expect(page).toHaveURL(/\/district\/projects\/\d+\?created=1$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("晋江测试新建项目");
    const stored = await queryOne(
      "select d.code as district, p.total_investment as total, p.annual_planned_investment as plan, p.stage from projects p join districts d on d.id = p.district_id where p.code = ?",
      [code],
    );
    expect(stored).toEqual({ district: "jinjiang", total: 125_000, plan: 30_000, stage: "preparing" });

    await page.goto("/district/projects/new");
    await page.getByLabel("项目代码").fill(code);
    await page.getByLabel("项目名称").fill("重复代码的项目");
    await page.getByLabel("行业").selectOption({ label: "交通" });
    await page.getByLabel("总投资（亿元）").fill("1");
    await page.getByLabel("年度计划投资（亿元）").fill("0.5");
    await page.getByRole("button", { name: "创建项目" }).click();
    await expect(page.locator("#code-error")).toContainText("已存在");
    await expect(page.getByLabel("项目名称")).toHaveValue("重复代码的项目");
    expect(await queryOne("select count(*) as n, max(name) as name from projects where code = ?", [code])).toEqual({ n: 1, name: "晋江测试新建项目" });
  });

  test("a clerk edits a register field, and the audit log keeps the old and new value", async ({ page }) => {
    const p = await seedProject();
    await page.goto(`/district/projects/${p.id}`);
    await page.getByLabel("业主单位").fill("晋江测试业主有限公司");
    await page.getByRole("button", { name: "保存登记信息" }).click();
    await expect(page.getByRole("status").filter({ hasText: "已保存登记信息" })).toBeVisible();
    expect(await queryOne("select owner, version from projects where id = ?", [p.id])).toEqual({ owner: "晋江测试业主有限公司", version: 2 });
    const audit = await queryOne<{ before: string; after: string; actor_name: string }>(
      "select before, after, actor_name from audit_events where entity = 'project' and entity_id = ? and action = 'project.update' order by id desc limit 1",
      [String(p.id)],
    );
    expect(audit?.actor_name).toBe("jinjiang");
    expect(JSON.parse(audit!.before)).toEqual({ owner: "" });
    expect(JSON.parse(audit!.after)).toEqual({ owner: "晋江测试业主有限公司" });
  });

  test("a stale edit is refused with the current value, who changed it and when, and the first edit is kept", async ({ page, browser }) => {
    const p = await seedProject();
    const other = await pageAs(browser, "jinjiang");
    await page.goto(`/district/projects/${p.id}`);
    await other.goto(`/district/projects/${p.id}`);
    await other.getByLabel("项目名称").fill("第一次修改的名称");
    await other.getByRole("button", { name: "保存登记信息" }).click();
    await expect(other.getByRole("status").filter({ hasText: "已保存登记信息" })).toBeVisible();

    await page.getByLabel("项目名称").fill("第二次修改的名称");
    await page.getByRole("button", { name: "保存登记信息" }).click();
    const clerk = await queryOne<{ display_name: string }>("select display_name from users where username = 'jinjiang'");
    const alert = page.locator("form [role=alert]");
    await expect(alert).toContainText("项目名称：第一次修改的名称");
    await expect(alert).toContainText(clerk!.display_name);
    await expect(alert).toContainText(/已于 \d{4}\/\d{2}\/\d{2} \d{2}:\d{2}/);
    await expect(page.getByLabel("项目名称")).toHaveValue("第二次修改的名称");
    expect(await queryOne("select name, version from projects where id = ?", [p.id])).toEqual({ name: "第一次修改的名称", version: 2 });
  });

  test("changing the stage to completed without a start date is refused with a Chinese message", async ({ page }) => {
    const p = await seedProject({ stage: "preparing", actualStartOn: null });
    await page.goto(`/district/projects/${p.id}`);
    await page.getByLabel("阶段", { exact: true }).selectOption("completed");
    await page.getByLabel("实际建成日期").fill("2023-10-20");
    await page.getByRole("button", { name: "保存阶段" }).click();
    await expect(page.locator("#actualStartOn-error")).toHaveText("已建成的项目必须填写实际开工日期");
    expect(await queryOne("select stage, actual_completion_on as done, version from projects where id = ?", [p.id])).toEqual({ stage: "preparing", done: null, version: 1 });
  });

  test("a start date in a locked month is refused next to the field; one in the open month is saved", async ({ page }) => {
    const p = await seedProject({ stage: "preparing", actualStartOn: null });
    await page.goto(`/district/projects/${p.id}`);
    await page.getByLabel("阶段", { exact: true }).selectOption("under_construction");
    await page.getByLabel("实际开工日期").fill("2023-03-01");
    await page.getByRole("button", { name: "保存阶段" }).click();
    await expect(page.locator("#actualStartOn-error")).toContainText("2023年3月已锁定");
    expect(await queryOne("select stage, version from projects where id = ?", [p.id])).toEqual({ stage: "preparing", version: 1 });

    await page.getByLabel("实际开工日期").fill("2023-10-08");
    await page.getByRole("button", { name: "保存阶段" }).click();
    await expect(page.getByRole("status").filter({ hasText: "已保存" })).toBeVisible();
    expect(await queryOne("select stage, actual_start_on as started from projects where id = ?", [p.id])).toEqual({ stage: "under_construction", started: "2023-10-08" });
  });
});

test.describe("monthly investment", () => {
  test.use({ storageState: authFile("jinjiang") });

  test("a clerk records October investment for several projects on the bulk page, tabbing down the column", async ({ page }) => {
    const prefix = uniqueName("ZZ-BULK-").toUpperCase();
    const a = await seedProject({ code: `${prefix}-A` });
    const b = await seedProject({ code: `${prefix}-B` });
    await page.goto("/district/projects/progress");
    await expect(page.getByLabel("月份")).toHaveValue("2023-10");
    const inputA = page.getByLabel(`${a.name} 10月完成投资（万元）`);
    const inputB = page.getByLabel(`${b.name} 10月完成投资（万元）`);
    await expect(inputA).toHaveAttribute("inputmode", "decimal");
    await inputA.fill("1,234");
    await inputA.press("Tab");
    await expect(inputB).toBeFocused();
    await page.keyboard.type("０");
    await page.getByRole("button", { name: "保存10月完成投资" }).click();
    await expect(page.getByRole("status").filter({ hasText: "已保存2023年10月完成投资" })).toBeVisible();
    expect(await progressOf(a.id, "2023-10")).toEqual({ investment: 1234, version: 1 });
    expect(await progressOf(b.id, "2023-10")).toEqual({ investment: 0, version: 1 });
    await expect(inputA).toHaveValue("1234");
  });

  test("a bad value on one row of the bulk page stores nothing for any row and is marked next to that row", async ({ page }) => {
    const prefix = uniqueName("ZZ-BAD-").toUpperCase();
    const a = await seedProject({ code: `${prefix}-A` });
    const b = await seedProject({ code: `${prefix}-B` });
    await page.goto("/district/projects/progress?month=2023-10");
    await page.getByLabel(`${a.name} 10月完成投资（万元）`).fill("500");
    await page.getByLabel(`${b.name} 10月完成投资（万元）`).fill("abc");
    await page.getByRole("button", { name: "保存10月完成投资" }).click();
    await expect(page.locator(`#amount-${b.id}-error`)).toContainText("请输入数字");
    await expect(page.locator(`#amount-${a.id}-error`)).toBeEmpty();
    await expect(page.getByRole("alert").filter({ hasText: "所有数值均未保存" })).toBeVisible();
    await expect(page.getByLabel(`${a.name} 10月完成投资（万元）`)).toHaveValue("500");
    expect(await progressOf(a.id, "2023-10")).toBeUndefined();
    expect(await progressOf(b.id, "2023-10")).toBeUndefined();
  });

  test("a locked month is read-only on the project page, and a tampered direct POST for it changes nothing", async ({ page, baseURL }) => {
    const p = await seedProject();
    await page.goto(`/district/projects/${p.id}`);
    const march = page.locator("tbody tr").filter({ has: page.getByRole("rowheader", { name: "3月", exact: true }) });
    await expect(march).toContainText("已锁定");
    await expect(page.getByLabel("3月完成投资（万元）", { exact: true })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "保存3月" })).toHaveCount(0);

    await page.getByLabel("10月完成投资（万元）", { exact: true }).fill("88");
    const october = await captureAction(page, () => page.getByRole("button", { name: "保存10月" }).click());
    const clerk = await requestAs(baseURL!, authFile("jinjiang"));
    const deniedBefore = await deniedCount("jinjiang");
    const before = await snapshotState();
    const res = await replay(clerk, tamper(october, "2023-10", "2023-03"));
    expect(res.status()).toBe(403);
    expect(await snapshotState()).toBe(before);
    expect(await deniedCount("jinjiang")).toBeGreaterThan(deniedBefore);
    expect(await progressOf(p.id, "2023-03")).toBeUndefined();

    // Control: the same request, untampered, is accepted, so the refusal above is the month's doing.
    await replay(clerk, october);
    expect(await progressOf(p.id, "2023-10")).toEqual({ investment: 88, version: 1 });
    await clerk.dispose();
  });

  test("a stale October entry is refused with the current amount, who and when", async ({ page, browser }) => {
    const p = await seedProject();
    const other = await pageAs(browser, "jinjiang");
    await page.goto(`/district/projects/${p.id}`);
    await other.goto("/district/projects/progress?month=2023-10");
    await other.getByLabel(`${p.name} 10月完成投资（万元）`).fill("700");
    await other.getByRole("button", { name: "保存10月完成投资" }).click();
    await expect(other.getByRole("status").filter({ hasText: "已保存" })).toBeVisible();

    await page.getByLabel("10月完成投资（万元）", { exact: true }).fill("900");
    await page.getByRole("button", { name: "保存10月" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "未保存" })).toContainText("10月完成投资 700 万元");
    expect(await progressOf(p.id, "2023-10")).toEqual({ investment: 700, version: 1 });
  });
});

test.describe("other districts, departments and roles", () => {
  test("licheng's clerk can neither open nor change a jinjiang project, in the browser or over HTTP", async ({ browser, baseURL }) => {
    const p = await seedProject();
    const licheng = await pageAs(browser, "licheng");
    const res = await licheng.goto(`/district/projects/${p.id}`);
    expect(res?.status()).toBe(403);
    await expect(licheng.getByRole("heading", { name: "无权访问" })).toBeVisible();
    await licheng.goto(`/district/projects?q=${encodeURIComponent(p.code)}`);
    await expect(licheng.getByText("没有找到项目")).toBeVisible();

    const jinjiang = await pageAs(browser, "jinjiang");
    await jinjiang.goto(`/district/projects/${p.id}`);
    await jinjiang.getByLabel("项目名称").fill("被鲤城改掉的名称");
    const edit = await captureAction(jinjiang, () => jinjiang.getByRole("button", { name: "保存登记信息" }).click());
    await jinjiang.goto(`/district/projects/${p.id}`);
    await jinjiang.getByLabel("10月完成投资（万元）", { exact: true }).fill("999");
    const invest = await captureAction(jinjiang, () => jinjiang.getByRole("button", { name: "保存10月" }).click());

    const http = await requestAs(baseURL!, authFile("licheng"));
    expect((await http.get(`/district/projects/${p.id}`, { maxRedirects: 0 })).status()).toBe(403);
    const before = await snapshotState();
    expect((await replay(http, edit)).status()).toBe(403);
    expect((await replay(http, invest)).status()).toBe(403);
    expect(await snapshotState()).toBe(before);
    expect(await queryOne("select name, version from projects where id = ?", [p.id])).toEqual({ name: p.name, version: 1 });
    expect(await progressOf(p.id, "2023-10")).toBeUndefined();
    await http.dispose();
  });

  test("a department editor whose department does not own projects is refused", async ({ browser }) => {
    const shangwu = await pageAs(browser, "shangwu");
    const res = await shangwu.goto("/district/projects");
    expect(res?.status()).toBe(403);
    expect((await shangwu.goto("/district/projects/new"))?.status()).toBe(403);
  });

  test("a city leader may not use the register pages", async ({ browser }) => {
    const leader = await pageAs(browser, "leader");
    expect((await leader.goto("/district/projects"))?.status()).toBe(403);
  });

  test("the development and reform commission's editor sees every district and chooses one when creating a project", async ({ browser }) => {
    const username = uniqueName("fgw");
    await createUser({ username, password: PASSWORD, role: "department_editor", department: "fgw" });
    const page = await (await browser.newContext()).newPage();
    await signIn(page, username, PASSWORD);
    await page.goto("/district/projects");
    await expect(page.getByRole("columnheader", { name: "区县" })).toBeVisible();
    await page.getByLabel("区县").selectOption({ label: "南安市" });
    await page.getByRole("button", { name: "搜索" }).click();
    await expect(page.locator("tbody tr").first()).toContainText("南安市");

    const code = uniqueName("FGW-").toUpperCase();
    await page.goto("/district/projects/new");
    await page.getByLabel("项目代码").fill(code);
    await page.getByLabel("项目名称").fill("发改委代建测试项目");
    await page.getByLabel("行业").selectOption({ label: "能源" });
    await page.getByLabel("总投资（亿元）").fill("8");
    await page.getByLabel("年度计划投资（亿元）").fill("2");
    await page.getByRole("button", { name: "创建项目" }).click();
    await expect(page.locator("#districtId-error")).toHaveText("请选择区县");
    expect(await queryOne("select id from projects where code = ?", [code])).toBeUndefined();
    await page.getByLabel("区县").selectOption({ label: "南安市" });
    await page.getByRole("button", { name: "创建项目" }).click();
    await expect(page).toHaveURL(/\/district\/projects\/\d+\?created=1$/);
    expect(await queryOne("select d.code as district from projects p join districts d on d.id = p.district_id where p.code = ?", [code])).toEqual({ district: "nanan" });
  });
});
