import { expect, test, type Locator, type Page } from "./support/test";
import { captureAction, replay, requestAs, snapshotState, type CapturedAction } from "./support/actions";
import { authFile } from "./support/auth-file";
import { queryOne, run, uniqueName } from "./support/users";

/*
 * Trustworthy project investment (issue #13): a column pasted from Excel fills the grid's rows,
 * implausible values need a note or are refused, and the grid shows the projects that need a
 * figure this month. jinjiang's clerk, October 2023 (a draft month). Every test makes its own
 * projects: 10 亿元 total, 2 亿元 planned this year.
 */

test.use({ storageState: authFile("jinjiang") });

test.beforeEach(async () => {
  await run(
    `update monthly_reports set status = 'draft' where district_id = (select id from districts where code = 'jinjiang') and period_id = (select id from periods where month = '2023-10')`,
  );
});

async function seedProject(code: string, opts: { stage?: string; start?: string | null; done?: string | null } = {}) {
  const name = `可信测试${code}`;
  const row = await queryOne<{ id: number }>(
    `insert into projects (campaign_id, code, name, district_id, sector_id, owner, total_investment, annual_planned_investment, stage, actual_start_on, actual_completion_on, is_key)
     values ((select id from campaigns where slug = 'quanzhou-2023'), ?, ?, (select id from districts where code = 'jinjiang'), (select id from sectors where code = 'industry'), '', 100000, 20000, ?, ?, ?, 1)
     returning id`,
    [code, name, opts.stage ?? "under_construction", opts.start === undefined ? "2023-05-10" : opts.start, opts.done ?? null],
  );
  return { id: Number(row!.id), code, name };
}

function progressOf(projectId: number, month = "2023-10") {
  return queryOne<{ investment: number; note: string | null }>("select investment, note from project_progress where project_id = ? and month = ?", [projectId, month]);
}

function flagsOf(projectId: number) {
  return queryOne<{ rules: string; notes: string; n: number }>(
    `select group_concat(rule, ',') as rules, group_concat(distinct note) as notes, count(*) as n
     from (select rule, note from plausibility_flags where subject = 'project' and project_id = ? and month = '2023-10' and resolved_at is null order by rule)`,
    [projectId],
  );
}

const amountInput = (page: Page, name: string): Locator => page.getByLabel(`${name} 10月完成投资（万元）`);

async function save(page: Page): Promise<void> {
  await page.getByRole("button", { name: "保存10月完成投资" }).click();
}

/** Dispatches a paste of `text` on `input`, as a browser does for Ctrl+V of cells copied from Excel. */
async function paste(input: Locator, text: string): Promise<void> {
  await input.focus();
  await input.evaluate((el, t) => {
    const data = new DataTransfer();
    data.setData("text/plain", t);
    el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

test("a column pasted into the first grid cell fills three rows in order and saves three values", async ({ page }) => {
  const prefix = uniqueName("ZZ-PASTE-").toUpperCase();
  const [a, b, c] = [await seedProject(`${prefix}-A`), await seedProject(`${prefix}-B`), await seedProject(`${prefix}-C`)];
  await page.goto("/district/projects/progress?month=2023-10");
  await paste(amountInput(page, a.name), "1001\r\n1002\r\n1003\r\n");
  await expect(amountInput(page, a.name)).toHaveValue("1001");
  await expect(amountInput(page, b.name)).toHaveValue("1002");
  await expect(amountInput(page, c.name)).toHaveValue("1003");
  await expect(page.getByRole("status").filter({ hasText: "已从剪贴板填入 3 行" })).toBeVisible();
  await save(page);
  await expect(page.getByRole("status").filter({ hasText: "已保存2023年10月完成投资" })).toBeVisible();
  expect([(await progressOf(a.id))?.investment, (await progressOf(b.id))?.investment, (await progressOf(c.id))?.investment]).toEqual([1001, 1002, 1003]);
});

test("a value above the remaining plan and the project's largest month needs a note, then saves with its flags", async ({ page }) => {
  const p = await seedProject(uniqueName("ZZ-WARN-").toUpperCase());
  await run("insert into project_progress (project_id, month, investment) values (?, '2023-09', 3000)", [p.id]);
  await page.goto("/district/projects/progress?month=2023-10");
  await expect(page.locator(`#note-${p.id}`)).toHaveCount(0);
  await amountInput(page, p.name).fill("18,000");
  await save(page);

  const warning = page.locator(`#warn-${p.id}`);
  await expect(warning).toContainText("本月 1.8 亿元，超过该项目年度计划剩余额 1.7 亿元（年度计划 2.0 亿元，本年此前已完成 3,000 万元）");
  await expect(warning).toContainText("为该项目以往最大月 3,000 万元的 6 倍");
  await expect(page.getByRole("alert").filter({ hasText: "所有数值均未保存" })).toBeVisible();
  await expect(amountInput(page, p.name)).toHaveValue("18,000");
  expect(await progressOf(p.id)).toBeUndefined();
  expect((await flagsOf(p.id))?.n).toBe(0);

  await page.getByLabel("说明（必填，一句话）").fill("设备集中到货，已核实");
  await save(page);
  await expect(page.getByRole("status").filter({ hasText: "其中 1 个按说明保存" })).toBeVisible();
  expect(await progressOf(p.id)).toEqual({ investment: 18000, note: "设备集中到货，已核实" });
  expect(await flagsOf(p.id)).toEqual({ rules: "project_above_largest_month,project_above_remaining_plan", notes: "设备集中到货，已核实", n: 2 });
  // The saved note is shown again with the value.
  await expect(page.locator(`#note-${p.id}`)).toHaveValue("设备集中到货，已核实");
});

test("a forged post of a warned value without its note stores nothing; the same post with the note saves", async ({ page, baseURL }) => {
  const p = await seedProject(uniqueName("ZZ-FORGE-").toUpperCase());
  await page.goto("/district/projects/progress?month=2023-10");
  await amountInput(page, p.name).fill("25000");
  await save(page);
  await expect(page.locator(`#warn-${p.id}`)).toContainText("超过该项目年度计划剩余额 2.0 亿元");
  await page.locator(`#note-${p.id}`).fill("FORGE-NOTE-核实");
  const posted = await captureAction(page, () => save(page));
  const forged: CapturedAction = { ...posted, body: Buffer.from(posted.body.toString("utf8").split("FORGE-NOTE-核实").join(""), "utf8") };

  const clerk = await requestAs(baseURL!, authFile("jinjiang"));
  const before = await snapshotState();
  const res = await replay(clerk, forged);
  expect(await res.text()).toContain("需要核实");
  expect(await snapshotState()).toBe(before);
  expect(await progressOf(p.id)).toBeUndefined();

  await replay(clerk, posted);
  expect(await progressOf(p.id)).toEqual({ investment: 25000, note: "FORGE-NOTE-核实" });
  expect(await flagsOf(p.id)).toEqual({ rules: "project_above_remaining_plan", notes: "FORGE-NOTE-核实", n: 1 });
  await clerk.dispose();
});

test("a month above the project's total investment is refused even with a note, naming the amounts", async ({ page }) => {
  const prefix = uniqueName("ZZ-HARD-").toUpperCase();
  const p = await seedProject(`${prefix}-A`);
  const other = await seedProject(`${prefix}-B`);
  await page.goto("/district/projects/progress?month=2023-10");
  await amountInput(page, p.name).fill("25000");
  await amountInput(page, other.name).fill("500");
  await save(page);
  await page.locator(`#note-${p.id}`).fill("确认无误");
  // What one paste of "1001⏎1002⏎1003" into a browser's text field used to become.
  await amountInput(page, p.name).fill("100110021003");
  const before = await snapshotState();
  await save(page);
  const error = page.locator(`#amount-${p.id}-error`);
  await expect(error).toContainText("本月 10,011,002.1 亿元，为该项目总投资 10.0 亿元的 1,001,100.2 倍");
  await expect(error).toContainText("不能保存");
  await expect(page.getByRole("alert").filter({ hasText: "有 1 行数值超出合理范围，不能保存" })).toBeVisible();
  expect(await snapshotState()).toBe(before);
  expect(await progressOf(other.id)).toBeUndefined();
});

test("the single-project form asks for a note on a warned month and refuses a month above the total", async ({ page }) => {
  const p = await seedProject(uniqueName("ZZ-ONE-").toUpperCase());
  await page.goto(`/district/projects/${p.id}`);
  const amount = page.getByLabel("10月完成投资（万元）", { exact: true });
  await amount.fill("120000");
  await page.getByLabel("10月备注").fill("确认");
  await page.getByRole("button", { name: "保存10月" }).click();
  await expect(page.locator("#month-2023-10-amount-error")).toContainText("本月 12.0 亿元，为该项目总投资 10.0 亿元的 1.2 倍");
  expect(await progressOf(p.id)).toBeUndefined();

  await amount.fill("25000");
  await page.getByLabel("10月备注").fill("");
  await page.getByRole("button", { name: "保存10月" }).click();
  await expect(page.locator("#month-2023-10-amount-error")).toContainText("超过该项目年度计划剩余额 2.0 亿元");
  await expect(page.locator("#month-2023-10-note-error")).toContainText("请写一句说明");
  expect(await progressOf(p.id)).toBeUndefined();
  await page.getByLabel("10月备注").fill("年底赶工");
  await page.getByRole("button", { name: "保存10月" }).click();
  await expect(page.getByRole("status").filter({ hasText: "按备注保存" })).toBeVisible();
  expect(await flagsOf(p.id)).toEqual({ rules: "project_above_remaining_plan", notes: "年底赶工", n: 1 });
});

test("the grid shows the projects that need a figure this month, and a link shows all", async ({ page }) => {
  const prefix = uniqueName("ZZ-FILTER-").toUpperCase();
  const building = await seedProject(`${prefix}-BUILDING`);
  const startsNow = await seedProject(`${prefix}-STARTS`, { start: "2023-10-20" });
  const preparing = await seedProject(`${prefix}-PREP`, { stage: "preparing", start: null });
  const doneBefore = await seedProject(`${prefix}-DONE`, { stage: "completed", start: "2023-02-01", done: "2023-09-28" });
  const total = Number((await queryOne<{ n: number }>("select count(*) as n from projects where is_key = 1 and campaign_id = (select id from campaigns where slug = 'quanzhou-2023') and district_id = (select id from districts where code = 'jinjiang')"))!.n);

  await page.goto("/district/projects/progress?month=2023-10");
  await expect(page.locator("#filter-state")).toContainText("筛选：只显示本月需填报的");
  await expect(amountInput(page, building.name)).toBeVisible();
  await expect(amountInput(page, startsNow.name)).toBeVisible();
  await expect(amountInput(page, preparing.name)).toHaveCount(0);
  await expect(amountInput(page, doneBefore.name)).toHaveCount(0);
  const shown = await page.locator("tbody tr[data-project-row]").count();
  expect(shown).toBeLessThan(total);
  await expect(page.locator("#filter-state")).toContainText(`只显示本月需填报的 ${shown} 个项目`);

  await page.getByRole("link", { name: `显示全部 ${total} 个项目` }).click();
  await expect(page).toHaveURL(/all=1/);
  await expect(page.locator("#filter-state")).toContainText(`正在显示全部 ${total} 个市重点项目`);
  await expect(page.locator("tbody tr[data-project-row]")).toHaveCount(total);
  await expect(amountInput(page, preparing.name)).toBeVisible();
  await expect(amountInput(page, doneBefore.name)).toBeVisible();
});
