import ExcelJS from "exceljs";
import { expect, test, type Page } from "./support/test";
import { authFile } from "./support/auth-file";
import { signIn } from "./support/login";
import { createUser, queryOne, run, uniqueName } from "./support/users";

/* The audit log in human terms: a figure change by name and in 亿元, its export, and the per-figure history. */

const PASSWORD = "Sheets-audit-pass-1";
const DISTRICT = "dehua";
const NOTE = "补录两个项目的投资";

async function uploadUrbanInvestment(page: Page, value: number): Promise<void> {
  await page.goto("/district/figures?month=2023-10");
  const res = await page.request.get((await page.getByRole("link", { name: "下载本月模板" }).getAttribute("href"))!);
  const wb = new ExcelJS.Workbook();
  const body = await res.body();
  await wb.xlsx.load(body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer);
  wb.getWorksheet("月度指标")!.eachRow((r) => {
    if (r.getCell(1).value === "urban_investment") {
      r.getCell(6).value = value;
      r.getCell(10).value = NOTE;
    }
  });
  await page.getByLabel("选择填好的模板文件").setInputFiles({ name: "填报.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: Buffer.from(await wb.xlsx.writeBuffer()) });
  await page.getByRole("button", { name: "上传并导入" }).click();
  await expect(page.getByText(/已导入：更新指标 \d+ 项/)).toBeVisible();
}

test("a clerk's figure change reads as 名称 old → new 亿元 with names, exports, and has its own history page", async ({ page, browser }) => {
  // Two uploads as a clerk, then four admin pages and a download: more steps than the default 30 s allows on a loaded machine.
  test.setTimeout(120_000);
  await run(`update monthly_reports set status = 'draft' where district_id = (select id from districts where code = ?) and period_id = (select id from periods where month = '2023-10')`, [DISTRICT]);
  const username = uniqueName("aud");
  await createUser({ username, password: PASSWORD, district: DISTRICT });
  const clerk = page;
  await signIn(clerk, username, PASSWORD);
  await uploadUrbanInvestment(clerk, 12.3);
  await uploadUrbanInvestment(clerk, 13.98);

  const ids = await queryOne<{ district: number; indicator: number; report: number }>(
    `select d.id as district, i.id as indicator, r.id as report from districts d
     join indicators i on i.code = 'urban_investment' and i.campaign_id = (select id from campaigns where slug = 'quanzhou-2023')
     join periods p on p.campaign_id = i.campaign_id and p.month = '2023-10'
     join monthly_reports r on r.period_id = p.id and r.district_id = d.id
     where d.code = ?`,
    [DISTRICT],
  );
  const history = `/city/audit/figure?district=${ids!.district}&month=2023-10&indicator=${ids!.indicator}`;

  const admin = await (await browser.newContext({ storageState: authFile("admin") })).newPage();
  await admin.goto("/city/audit");
  await admin.getByLabel("区县").selectOption({ label: "德化县" });
  // Other specs add campaigns, and then the options name their year ("城建项目完成投资（2023年）"): pick this campaign's by value.
  await admin.getByLabel("指标").selectOption(String(ids!.indicator));
  await expect(admin.getByLabel("指标").locator("option:checked")).toContainText("城建项目完成投资");
  await admin.getByLabel("操作人").selectOption({ label: `测试用户 ${username}（${username}）` });
  await admin.getByRole("button", { name: "筛选" }).click();
  await expect(admin).toHaveURL(/indicator=\d+/);
  const newest = admin.locator("tbody tr").first();
  await expect(newest).toContainText("城建项目完成投资 12.3 亿元 → 13.98 亿元");
  await expect(newest).toContainText("保存月度指标");
  await expect(newest).toContainText(`测试用户 ${username}（${username}）`);
  await expect(newest).toContainText("德化县2023年10月月报");
  await expect(admin.locator("tbody tr")).toHaveCount(2);

  const [download] = await Promise.all([admin.waitForEvent("download"), admin.getByRole("link", { name: "导出 Excel" }).click()]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile((await download.path())!);
  const ws = wb.getWorksheet("审计日志")!;
  expect(ws.getRow(1).getCell(6).value).toBe("变更（原值 → 新值）");
  expect(String(ws.getRow(2).getCell(6).value)).toContain("城建项目完成投资 12.3 亿元 → 13.98 亿元");
  expect(ws.getRow(2).getCell(3).value).toBe("保存月度指标");
  expect(ws.getRow(ws.rowCount).getCell(1).value).toBe("共 2 条。");

  await newest.getByRole("link", { name: "城建项目完成投资" }).first().click();
  await expect(admin).toHaveURL(history);
  await expect(admin.getByRole("heading", { name: "这个数字的变更记录" })).toBeVisible();
  await expect(admin.getByText("德化县2023年10月“城建项目完成投资”")).toBeVisible();
  const changes = admin.getByRole("list", { name: "变更记录" }).getByRole("listitem");
  await expect(changes.last()).toContainText("12.3 亿元 → 13.98 亿元");
  await expect(changes.last()).toContainText(`测试用户 ${username}`);
  await expect(changes.filter({ hasText: `说明：${NOTE}` })).toHaveCount(1);

  await admin.goto(`/city/review/${ids!.report}`);
  await admin.getByRole("link", { name: "城建项目完成投资：这个数字的变更记录" }).click();
  await expect(admin).toHaveURL(history);

  await admin.goto("/city/indicators/urban_investment?month=2023-10");
  await expect(admin.getByRole("link", { name: "德化县2023年10月城建项目完成投资：这个数字的变更记录" })).toHaveAttribute("href", history);
});
