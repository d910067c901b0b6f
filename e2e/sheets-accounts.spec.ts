import ExcelJS from "exceljs";
import { expect, test, type Page } from "./support/test";
import { authFile } from "./support/auth-file";
import { submitPassword } from "./support/login";
import { createUser, queryOne, uniqueName } from "./support/users";

/* Accounts in bulk: a sheet with one bad row creates nothing; a good one creates accounts with one-time passwords. */

test.use({ storageState: authFile("admin") });

async function sheet(rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("账号");
  ws.addRow(["用户名", "姓名", "角色", "区县或部门"]);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function upload(page: Page, name: string, buffer: Buffer, mimeType: string): Promise<void> {
  await page.goto("/city/users/bulk");
  await page.getByLabel("填好的账号表（.xlsx 或 .csv）").setInputFiles({ name, mimeType, buffer });
  await page.getByRole("button", { name: "上传并导入" }).click();
}
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

test("the template downloads with the headers and the valid districts and departments", async ({ page }) => {
  await page.goto("/city/users");
  await page.getByRole("link", { name: "批量导入账号" }).click();
  const res = await page.request.get("/city/users/bulk/template");
  expect(res.status()).toBe(200);
  const wb = new ExcelJS.Workbook();
  const body = await res.body();
  await wb.xlsx.load(body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer);
  expect(wb.getWorksheet("账号")!.getRow(1).values).toEqual([undefined, "用户名", "姓名", "角色", "区县或部门"]);
  const options: string[] = [];
  wb.getWorksheet("可选值")!.eachRow((r) => options.push(`${r.getCell(1).value}:${r.getCell(3).value}`));
  expect(options).toEqual(expect.arrayContaining(["角色:区县填报员", "区县:晋江市", "部门:市商务局"]));
});

test("a sheet with one bad row is refused whole, with the row number and reason, and creates no account", async ({ page }) => {
  const a = uniqueName("bulka");
  const b = uniqueName("bulkb");
  await upload(page, "账号.xlsx", await sheet([[a, "甲", "区县填报员", "晋江市"], [b, "乙", "区县填报员", "火星区"]]), XLSX);
  await expect(page.getByText("文件中有 1 行有错误，未创建或修改任何账号")).toBeVisible();
  const errors = page.getByRole("table", { name: "需要改正的行" });
  await expect(errors).toContainText("第 3 行");
  await expect(errors).toContainText("没有名称或代码为“火星区”的区县（或已停用）");
  expect(await queryOne("select count(*) as n from users where username in (?, ?)", [a, b])).toEqual({ n: 0 });
});

test("a good sheet creates accounts whose one-time password signs in and must be changed, and updates an existing clerk's scope", async ({ page, browser }) => {
  const fresh = uniqueName("bulkn");
  const dept = uniqueName("bulkd");
  const existing = uniqueName("bulke");
  const existingId = await createUser({ username: existing, password: "Bulk-existing-pass-1", district: "jinjiang" });
  const before = await queryOne<{ sv: number }>("select session_version as sv from users where id = ?", [existingId]);
  await upload(page, "账号.xlsx", await sheet([[fresh, "林晓", "区县填报员", "德化县"], [dept, "陈明", "市直部门填报员", "swj"], [existing, "改名的填报员", "district_editor", "licheng"]]), XLSX);
  await expect(page.getByText("已新建 2 个账号、更新 1 个")).toBeVisible();
  const results = page.getByRole("table", { name: "已新建或更新的账号" });
  const freshRow = results.getByRole("row").filter({ hasText: fresh });
  const password = (await freshRow.locator("td").nth(2).textContent())!.trim();
  expect(password).toMatch(/^[A-Za-z0-9]{14,}$/);
  await expect(results.getByRole("row").filter({ hasText: existing })).toContainText("角色或范围改变");

  expect(await queryOne("select u.role, d.code as district, u.must_change_password as must from users u join districts d on d.id = u.district_id where username = ?", [fresh])).toEqual({ role: "district_editor", district: "dehua", must: 1 });
  expect(await queryOne("select p.code as department from users u join departments p on p.id = u.department_id where username = ?", [dept])).toEqual({ department: "swj" });
  const updated = await queryOne<{ name: string; district: string; sv: number }>("select u.display_name as name, d.code as district, u.session_version as sv from users u join districts d on d.id = u.district_id where u.id = ?", [existingId]);
  expect({ name: updated!.name, district: updated!.district }).toEqual({ name: "改名的填报员", district: "licheng" });
  expect(Number(updated!.sv)).toBeGreaterThan(Number(before!.sv));
  expect(await queryOne("select count(*) as n from audit_events where action = 'user.bulk_create' and entity_id = (select cast(id as text) from users where username = ?)", [fresh])).toEqual({ n: 1 });

  const clerk = await (await browser.newContext({ storageState: undefined })).newPage();
  await submitPassword(clerk, fresh, password);
  await expect(clerk).toHaveURL(/\/account\/password$/);
});

test("the same columns as CSV work too", async ({ page }) => {
  const c = uniqueName("bulkc");
  await upload(page, "账号.csv", Buffer.from(`\uFEFF用户名,姓名,角色,区县或部门\r\n${c},"王, 小明",市领导,\r\n`, "utf8"), "text/csv");
  await expect(page.getByText("已新建 1 个账号、更新 0 个")).toBeVisible();
  expect(await queryOne("select display_name as name, role, must_change_password as must from users where username = ?", [c])).toEqual({ name: "王, 小明", role: "city_leader", must: 1 });
});
