import ExcelJS from "exceljs";
import { expect, test, type Page } from "./support/test";
import { snapshotState } from "./support/actions";
import { signIn } from "./support/login";
import { createUser, queryOne, run, uniqueName } from "./support/users";

/* The month template: download, fill in Excel, upload; one bad row stores nothing. */

const PASSWORD = "Excel-spec-password-1";

async function clerkWithOpenOctober(page: Page, district: string): Promise<void> {
  await run(
    `update monthly_reports set status = 'draft' where district_id = (select id from districts where code = ?) and period_id = (select id from periods where month = '2023-10')`,
    [district],
  );
  const username = uniqueName(`xl${district}`);
  await createUser({ username, password: PASSWORD, district });
  await signIn(page, username, PASSWORD);
}

async function downloadTemplate(page: Page): Promise<ExcelJS.Workbook> {
  await page.goto("/district/figures?month=2023-10");
  const href = await page.getByRole("link", { name: "下载本月模板" }).getAttribute("href");
  const res = await page.request.get(href!);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toContain("spreadsheetml");
  const wb = new ExcelJS.Workbook();
  const body = await res.body();
  await wb.xlsx.load(body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer);
  return wb;
}

function rowOf(ws: ExcelJS.Worksheet, code: string): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  ws.eachRow((r) => {
    if (r.getCell(1).value === code) found = r;
  });
  if (!found) throw new Error(`no row ${code}`);
  return found;
}

async function upload(page: Page, wb: ExcelJS.Workbook): Promise<void> {
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  await page.getByLabel("选择填好的模板文件").setInputFiles({ name: "填报.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer });
  await page.getByRole("button", { name: "上传并导入" }).click();
}

test("the month template has Chinese headers with units, the district's indicators and its key projects", async ({ page }) => {
  await clerkWithOpenOctober(page, "shishi");
  const wb = await downloadTemplate(page);
  const ws = wb.getWorksheet("月度指标")!;
  expect(ws.getRow(1).getCell(1).value).toBe("指标代码");
  expect(ws.getRow(1).getCell(7).value).toBe("1—10月累计");
  expect(rowOf(ws, "urban_investment").getCell(3).value).toBe("亿元");
  expect(typeof rowOf(ws, "urban_investment").getCell(6).value).toBe("number");
  const ps = wb.getWorksheet("项目进度")!;
  expect(ps.getRow(1).getCell(6).value).toBe("本月完成投资（万元）");
  const keyProjects = await queryOne<{ n: number }>("select count(*) as n from projects where is_key = 1 and district_id = (select id from districts where code = 'shishi')");
  expect(ps.rowCount - 1).toBe(Number(keyProjects!.n));
});

test("a filled-in template uploads figures and project investment together", async ({ page }) => {
  await clerkWithOpenOctober(page, "shishi");
  const wb = await downloadTemplate(page);
  rowOf(wb.getWorksheet("月度指标")!, "urban_investment").getCell(6).value = 4.4;
  const ps = wb.getWorksheet("项目进度")!;
  const projectCode = String(ps.getRow(2).getCell(1).value);
  ps.getRow(2).getCell(6).value = 1234;
  await upload(page, wb);
  await expect(page.getByText(/已导入：更新指标 \d+ 项、项目进度 1 项/)).toBeVisible();
  const f = await queryOne<{ value: number }>(
    `select f.value from figure_values f join monthly_reports r on r.id = f.report_id join periods p on p.id = r.period_id
     where r.district_id = (select id from districts where code = 'shishi') and p.month = '2023-10' and f.indicator_id = (select id from indicators where code = 'urban_investment')`,
  );
  expect(f?.value).toBe(44_000);
  const g = await queryOne<{ investment: number }>("select investment from project_progress where month = '2023-10' and project_id = (select id from projects where code = ?)", [projectCode]);
  expect(g?.investment).toBe(1234);
});

test("a file with one bad row lists it with the reason and stores nothing", async ({ page }) => {
  await clerkWithOpenOctober(page, "nanan");
  const wb = await downloadTemplate(page);
  rowOf(wb.getWorksheet("月度指标")!, "urban_investment").getCell(6).value = 7.7;
  const bad = rowOf(wb.getWorksheet("月度指标")!, "standard_factory_area");
  bad.getCell(6).value = "很多";
  // An ordinary project row (within its remaining plan): stored only if the whole file is good.
  wb.getWorksheet("项目进度")!.getRow(2).getCell(6).value = 600;
  const before = await snapshotState();
  await upload(page, wb);
  await expect(page.getByText("文件中有 1 处错误，未保存任何数据")).toBeVisible();
  const errors = page.getByRole("table", { name: "需要改正的行" });
  await expect(errors).toContainText(`第 ${bad.number} 行`);
  await expect(errors).toContainText("新增标准厂房及配套面积：请输入数字");
  expect(await snapshotState()).toBe(before);
});

test("a file that is not a spreadsheet is refused next to the file field", async ({ page }) => {
  await clerkWithOpenOctober(page, "nanan");
  await page.goto("/district/figures?month=2023-10");
  await page.getByLabel("选择填好的模板文件").setInputFiles({ name: "x.xlsx", mimeType: "text/plain", buffer: Buffer.from("hello") });
  await page.getByRole("button", { name: "上传并导入" }).click();
  await expect(page.locator("#file-error")).toContainText("无法读取文件");
});

test("a file too large for the form is named next to the field, with JavaScript and without; one too large for any form gets a page that says why and leads back", async ({ page, browser }) => {
  await clerkWithOpenOctober(page, "nanan");
  const file = (mb: number) => ({ name: "填报.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: Buffer.alloc(Math.round(mb * 1024 * 1024), 7) });
  // With JavaScript, a file over what any action takes is stopped before it is sent.
  await page.goto("/district/figures?month=2023-10");
  await expect(page.getByText("在 Excel 中填好后上传（文件不超过 2 MB）")).toBeVisible();
  const posts: string[] = [];
  page.on("request", (r) => {
    if (r.method() === "POST") posts.push(r.url());
  });
  await page.getByLabel("选择填好的模板文件").setInputFiles(file(3.8));
  await page.getByRole("button", { name: "上传并导入" }).click();
  await expect(page.locator("#file-error")).toHaveText("文件大小 3.8 MB，超过上限 3.5 MB，未上传");
  expect(posts).toEqual([]);
  // One over the form's own limit (2 MB) but within an action's: the action says so.
  await page.getByLabel("选择填好的模板文件").setInputFiles(file(2.5));
  await page.getByRole("button", { name: "上传并导入" }).click();
  await expect(page.locator("#file-error")).toHaveText("文件不能超过 2 MB");

  // Without JavaScript: the same 3.8 MB file reaches the action, which names the form's limit;
  // a 5 MB one is over the 4 MB a form post may carry, and the page says so with the way back.
  const noScript = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
  const plain = await noScript.newPage();
  await plain.goto("/district/figures?month=2023-10");
  await plain.getByLabel("选择填好的模板文件").setInputFiles(file(3.8));
  await plain.getByRole("button", { name: "上传并导入" }).click();
  await expect(plain.locator("#file-error")).toHaveText("文件不能超过 2 MB");
  await plain.goto("/district/figures?month=2023-10");
  await plain.getByLabel("选择填好的模板文件").setInputFiles(file(5));
  const [refused] = await Promise.all([plain.waitForResponse((r) => r.request().method() === "POST"), plain.getByRole("button", { name: "上传并导入" }).click()]);
  expect(refused.status()).toBe(413);
  await expect(plain.getByRole("heading", { name: "无法提交" })).toBeVisible();
  await expect(plain.getByText("提交的内容太大（上限 4 MB）")).toBeVisible();
  await plain.getByRole("link", { name: "返回上一页" }).click();
  await expect(plain).toHaveURL(/\/district\/figures\?month=2023-10$/);
  await noScript.close();
});

test("a project row above its remaining plan without a 说明 is refused whole; with the 说明 it is imported and flagged", async ({ page }) => {
  await clerkWithOpenOctober(page, "huian");
  const code = uniqueName("ZZ-XL-").toUpperCase();
  const project = await queryOne<{ id: number }>(
    `insert into projects (campaign_id, code, name, district_id, sector_id, owner, total_investment, annual_planned_investment, stage, actual_start_on, is_key)
     values ((select id from campaigns where slug = 'quanzhou-2023'), ?, ?, (select id from districts where code = 'huian'), (select id from sectors where code = 'industry'), '', 100000, 20000, 'under_construction', '2023-05-10', 1)
     returning id`,
    [code, `惠安表格测试${code}`],
  );
  const wb = await downloadTemplate(page);
  const ps = wb.getWorksheet("项目进度")!;
  expect(ps.getRow(1).getCell(7).value).toBe("说明");
  const row = rowOf(ps, code);
  row.getCell(6).value = 25000;
  const before = await snapshotState();
  await upload(page, wb);
  await expect(page.getByText("文件中有 1 处错误，未保存任何数据")).toBeVisible();
  const errors = page.getByRole("table", { name: "需要改正的行" });
  await expect(errors).toContainText(`第 ${row.number} 行`);
  await expect(errors).toContainText(`惠安表格测试${code}：本月 2.5 亿元，超过该项目年度计划剩余额 2.0 亿元`);
  await expect(errors).toContainText("确认无误请在“说明”中写明原因");
  expect(await snapshotState()).toBe(before);

  row.getCell(7).value = "二期设备款集中支付";
  await upload(page, wb);
  await expect(page.getByText(/已导入：更新指标 \d+ 项、项目进度 1 项/)).toBeVisible();
  expect(await queryOne("select investment, note from project_progress where project_id = ? and month = '2023-10'", [project!.id])).toEqual({ investment: 25000, note: "二期设备款集中支付" });
  expect(await queryOne("select rule, note from plausibility_flags where subject = 'project' and project_id = ? and resolved_at is null", [project!.id])).toEqual({
    rule: "project_above_remaining_plan",
    note: "二期设备款集中支付",
  });
});
