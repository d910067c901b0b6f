import ExcelJS from "exceljs";
import { expect, test, type Page } from "./support/test";
import { authFile } from "./support/auth-file";
import { bumpDataVersion, queryOne, run, uniqueName } from "./support/users";

/*
 * Issue 15, "an office that can run a real year": a new campaign copied from 2023 holds only its
 * own problems (the 2024-style district home counts no 2023 item) unless the office ticks
 * "带入未解决的难题"; its key-project list, imported with stage and actual dates, makes 新开工
 * count. Works on campaigns of its own (year 2034/2035) and gives the current campaign back to
 * the 2023 demo afterwards, archiving its own so no "latest active" fallback picks them.
 */

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

async function n(sql: string, args: (string | number)[] = []): Promise<number> {
  return Number(Object.values((await queryOne<Record<string, unknown>>(sql, args))!)[0]);
}

async function copy2023(page: Page, year: number, slug: string, carry: boolean): Promise<number> {
  await page.goto("/city/setup/campaigns/new");
  await page.getByLabel("复制往年结构").selectOption({ label: "2023年 抓项目、促发展（启用，6 项行动、18 个指标）" });
  await page.getByLabel("年度").fill(String(year));
  await page.getByLabel("标识").fill(slug);
  if (carry) await page.getByLabel("带入未解决的难题").check();
  await page.getByRole("button", { name: "创建专项" }).click();
  await expect(page.getByRole("status").filter({ hasText: "复制了" })).toBeVisible();
  return n("select id from campaigns where slug = ?", [slug]);
}

/** Active, January–March open, and current: as the office would after setting it up. */
async function makeCurrent(id: number, year: number): Promise<void> {
  await run("update campaigns set status = 'active' where id = ?", [id]);
  await run("update periods set is_open = 1 where campaign_id = ? and month in (?, ?, ?)", [id, `${year}-01`, `${year}-02`, `${year}-03`]);
  await run("insert into app_meta (key, value) values ('current_campaign', ?) on conflict(key) do update set value = excluded.value", [String(id)]);
  await bumpDataVersion();
}

async function restoreDemo(slugs: string[]): Promise<void> {
  await run("insert into app_meta (key, value) values ('current_campaign', (select cast(id as text) from campaigns where slug = 'quanzhou-2023')) on conflict(key) do update set value = excluded.value");
  for (const s of slugs) await run("update campaigns set status = 'archived' where slug = ?", [s]);
  await bumpDataVersion();
}

test.describe("a campaign year holds only its own records", () => {
  test("a new year's district home counts no 2023 problem; ticking 带入未解决的难题 brings the open ones, pointing back to 2023", async ({ browser }) => {
    test.setTimeout(90_000);
    const admin = await (await browser.newContext({ storageState: authFile("admin") })).newPage();
    const clerk = await (await browser.newContext({ storageState: authFile("jinjiang") })).newPage();
    const plain = uniqueName("year-2034-");
    const carried = uniqueName("year-2035-");
    const y2023 = await n("select id from campaigns where slug = 'quanzhou-2023'");
    const jinjiang = await n("select id from districts where code = 'jinjiang'");
    try {
      // The 2023 home has overdue problems (the demo's).
      await clerk.goto("/district");
      const overdue2023 = await n("select count(*) from problems where campaign_id = ? and district_id = ? and status <> 'resolved' and deadline_on < date('now', '+8 hours')", [y2023, jinjiang]);
      expect(overdue2023).toBeGreaterThan(0);
      await expect(clerk.locator('[data-count="overdue-problems"]')).toHaveText(String(overdue2023));

      // A new year copied without the box: nothing of 2023 on its district home or problems list.
      const id = await copy2023(admin, 2034, plain, false);
      expect(await n("select count(*) from problems where campaign_id = ?", [id])).toBe(0);
      await makeCurrent(id, 2034);
      await clerk.goto("/district");
      await expect(clerk.getByRole("heading", { level: 1 })).toContainText("晋江市");
      await expect(clerk.locator('[data-count="overdue-problems"]')).toHaveText("0");
      await clerk.goto("/district/problems");
      await expect(clerk.getByRole("main")).not.toContainText("2023-");

      // With the box ticked: every open 2023 problem comes along, each pointing to its origin.
      const open2023 = await n("select count(*) from problems where campaign_id = ? and status <> 'resolved'", [y2023]);
      const id2 = await copy2023(admin, 2035, carried, true);
      await expect(admin.getByRole("status").filter({ hasText: "复制了" })).toContainText(`带入未解决的难题 ${open2023} 条`);
      expect(await n("select count(*) from problems c join problems o on o.id = c.origin_problem_id where c.campaign_id = ? and o.campaign_id = ? and o.status <> 'resolved'", [id2, y2023])).toBe(open2023);
      await makeCurrent(id2, 2035);
      await clerk.goto("/district");
      await expect(clerk.locator('[data-count="overdue-problems"]')).toHaveText(String(overdue2023));
    } finally {
      await restoreDemo([plain, carried]);
    }
  });

  test("a key-project list imported with stage and actual dates makes 新开工 count its 市重点 projects", async ({ browser }) => {
    test.setTimeout(90_000);
    const admin = await (await browser.newContext({ storageState: authFile("admin") })).newPage();
    const slug = uniqueName("year-2036-");
    try {
      const id = await copy2023(admin, 2036, slug, false);
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("重点项目");
      ws.addRow(["项目代码", "项目名称", "所属区县", "总投资（亿元）", "年度计划投资（亿元）", "阶段", "实际开工日期", "实际竣工日期", "重点级别", "业主单位"]);
      ws.addRow(["Y36-1", "晋江滨海大道", "晋江市", 12.5, 3, "在建", "2036-01-10", null, "市重点", "晋江城投"]);
      ws.addRow(["Y36-2", "石狮港区仓储", "石狮市", 4, 1, "续建", "2036/2/3", null, "市重点", ""]);
      ws.addRow(["Y36-3", "南安光伏园", "南安市", 6, 2, "已建成", new Date(Date.UTC(2036, 0, 20)), new Date(Date.UTC(2036, 2, 28)), "市重点", ""]);
      ws.addRow(["Y36-4", "省重点高速连接线", "晋江市", 30, 5, "在建", "2036-02-15", null, "省重点", ""]);
      ws.addRow(["Y36-5", "洛江文旅小镇", "洛江区", 3, 0.5, "前期筹备", null, null, "市重点", ""]);
      await admin.goto(`/city/setup/campaigns/${id}/projects`);
      await admin.getByLabel("重点项目清单（.xlsx）").setInputFiles({ name: "projects.xlsx", mimeType: XLSX, buffer: Buffer.from(await wb.xlsx.writeBuffer()) });
      await admin.getByRole("button", { name: "上传并导入" }).click();
      await expect(admin.locator("[data-created]")).toHaveText("5");
      expect(await n("select count(*) from projects where campaign_id = ? and is_key = 1", [id])).toBe(4);
      expect((await queryOne("select stage, actual_start_on, key_level, owner from projects where campaign_id = ? and code = 'Y36-1'", [id]))).toEqual({ stage: "under_construction", actual_start_on: "2036-01-10", key_level: "city", owner: "晋江城投" });

      await makeCurrent(id, 2036);
      // Entered data (含未审核): three 市重点 projects started by March; the 省重点 one and the one in 前期筹备 do not count.
      await admin.goto("/city?month=2036-03&include=unapproved");
      await expect(admin.locator('tr[data-indicator="key_projects_started"] [data-actual]')).toHaveText(/^\s*3\s*个?\s*$/);
      await admin.goto("/city?month=2036-01&include=unapproved");
      await expect(admin.locator('tr[data-indicator="key_projects_started"] [data-actual]')).toHaveText(/^\s*2\s*个?\s*$/);

      // Re-import: the list now says the 前期筹备 project started in March; the change is reported.
      const again = new ExcelJS.Workbook();
      const ws2 = again.addWorksheet("重点项目");
      ws2.addRow(["项目代码", "项目名称", "所属区县", "总投资（亿元）", "年度计划投资（亿元）", "阶段", "实际开工日期"]);
      ws2.addRow(["Y36-5", "洛江文旅小镇", "洛江区", 3, 0.5, "在建", "2036-03-05"]);
      await admin.goto(`/city/setup/campaigns/${id}/projects`);
      await admin.getByLabel("重点项目清单（.xlsx）").setInputFiles({ name: "projects.xlsx", mimeType: XLSX, buffer: Buffer.from(await again.xlsx.writeBuffer()) });
      await admin.getByRole("button", { name: "上传并导入" }).click();
      await expect(admin.locator("[data-updated]")).toHaveText("1");
      const changed = admin.locator('tr[data-changed-project="Y36-5"]');
      await expect(changed.filter({ hasText: "阶段" })).toContainText("前期筹备");
      await expect(changed.filter({ hasText: "阶段" })).toContainText("在建");
      await expect(changed.filter({ hasText: "实际开工日期" })).toContainText("2036-03-05");
      await admin.goto("/city?month=2036-03&include=unapproved");
      await expect(admin.locator('tr[data-indicator="key_projects_started"] [data-actual]')).toHaveText(/^\s*4\s*个?\s*$/);
    } finally {
      await restoreDemo([slug]);
    }
  });
});
