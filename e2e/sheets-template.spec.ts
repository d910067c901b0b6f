import ExcelJS from "exceljs";
import { expect, test, type Page } from "./support/test";
import { signIn } from "./support/login";
import { createUser, queryOne, run, uniqueName } from "./support/users";

/* The month template names each project's stage and whether it needs a value, active ones first; both layouts re-import. */

const PASSWORD = "Sheets-template-pass-1";
const DISTRICT = "yongchun";

async function download(page: Page): Promise<ExcelJS.Workbook> {
  await page.goto("/district/figures?month=2023-10");
  const res = await page.request.get((await page.getByRole("link", { name: "下载本月模板" }).getAttribute("href"))!);
  expect(res.status()).toBe(200);
  const wb = new ExcelJS.Workbook();
  const body = await res.body();
  await wb.xlsx.load(body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer);
  return wb;
}

async function upload(page: Page, wb: ExcelJS.Workbook): Promise<void> {
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  await page.getByLabel("选择填好的模板文件").setInputFiles({ name: "填报.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer });
  await page.getByRole("button", { name: "上传并导入" }).click();
}

function rowsOf(ws: ExcelJS.Worksheet): ExcelJS.Row[] {
  const rows: ExcelJS.Row[] = [];
  ws.eachRow((r, n) => {
    if (n > 1) rows.push(r);
  });
  return rows;
}

async function insertProject(code: string, name: string, stage: string, startOn: string | null): Promise<number> {
  const row = await queryOne<{ id: number }>(
    `insert into projects (campaign_id, code, name, district_id, sector_id, owner, total_investment, annual_planned_investment, stage, actual_start_on, is_key)
     values ((select id from campaigns where slug = 'quanzhou-2023'), ?, ?, (select id from districts where code = ?), (select id from sectors where code = 'industry'), '', 200000, 60000, ?, ?, 1)
     returning id`,
    [code, name, DISTRICT, stage, startOn],
  );
  return Number(row!.id);
}

test("the template lists projects needing a value first with 阶段 and 本月需填报, and both this and last version's layout import", async ({ page }) => {
  await run(`update monthly_reports set status = 'draft' where district_id = (select id from districts where code = ?) and period_id = (select id from periods where month = '2023-10')`, [DISTRICT]);
  // "AA…" sorts before "ZZ…" by code, but only the project under construction needs a value.
  const idle = uniqueName("AA-TPL-").toUpperCase();
  const busy = uniqueName("ZZ-TPL-").toUpperCase();
  await insertProject(idle, `永春未开工${idle}`, "preparing", null);
  const busyId = await insertProject(busy, `永春在建${busy}`, "under_construction", "2023-04-01");
  const username = uniqueName("tpl");
  await createUser({ username, password: PASSWORD, district: DISTRICT });
  await signIn(page, username, PASSWORD);

  const wb = await download(page);
  const ps = wb.getWorksheet("项目进度")!;
  expect(ps.getRow(1).values).toEqual([undefined, "项目代码", "项目名称", "阶段", "本月需填报", "上月完成投资（万元）", "本月完成投资（万元）", "说明"]);
  const rows = rowsOf(ps);
  const needs = rows.map((r) => r.getCell(4).value);
  expect(needs.every((v) => v === "是" || v === "否")).toBe(true);
  // Every 是 comes before every 否.
  expect(needs.lastIndexOf("是")).toBeLessThan(needs.indexOf("否"));
  const busyRow = rows.find((r) => r.getCell(1).value === busy)!;
  const idleRow = rows.find((r) => r.getCell(1).value === idle)!;
  expect([busyRow.getCell(3).value, busyRow.getCell(4).value]).toEqual(["在建", "是"]);
  expect([idleRow.getCell(3).value, idleRow.getCell(4).value]).toEqual(["前期筹备", "否"]);
  expect(busyRow.number).toBeLessThan(idleRow.number);

  busyRow.getCell(6).value = 500;
  await upload(page, wb);
  await expect(page.getByText(/已导入：更新指标 \d+ 项、项目进度 1 项/)).toBeVisible();
  expect(await queryOne("select investment from project_progress where project_id = ? and month = '2023-10'", [busyId])).toEqual({ investment: 500 });

  // Last version's template had no 阶段 / 本月需填报 columns: it still imports by header name.
  const old = await download(page);
  const ops = old.getWorksheet("项目进度")!;
  ops.spliceColumns(3, 2);
  expect(ops.getRow(1).getCell(4).value).toBe("本月完成投资（万元）");
  rowsOf(ops).find((r) => r.getCell(1).value === busy)!.getCell(4).value = 600;
  await upload(page, old);
  await expect(page.getByText(/已导入：更新指标 \d+ 项、项目进度 1 项/)).toBeVisible();
  expect(await queryOne("select investment from project_progress where project_id = ? and month = '2023-10'", [busyId])).toEqual({ investment: 600 });
});
