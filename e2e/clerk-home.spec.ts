import { expect, test } from "./support/test";
import { authFile } from "./support/auth-file";
import { signIn } from "./support/login";
import { createUser, queryOne, uniqueName } from "./support/users";

/*
 * Where editors land and what "同上月" does without JavaScript (issue #15). Department editors
 * see the indicators their department owns, not a list of districts with nothing to fill.
 * Nothing here saves: the shared database is left as it was.
 */

const PASSWORD = "Clerk-home-password-1";

async function filledCount(department: string, indicator: string, month: string): Promise<number> {
  const r = await queryOne<{ n: number }>(
    `select count(distinct r.district_id) as n from figure_values f join monthly_reports r on r.id = f.report_id join periods p on p.id = r.period_id
     join indicators i on i.id = f.indicator_id join departments d on d.id = i.owner_department_id join districts x on x.id = r.district_id
     where d.code = ? and i.code = ? and p.month = ? and x.active = 1 and x.reports = 1
       and (f.no_data = 1 or f.value is not null or (f.numerator is not null and f.denominator is not null))`,
    [department, indicator, month],
  );
  return Number(r!.n);
}

test.describe("the commerce bureau (owns only indicators summed from the signings ledger)", () => {
  test.use({ storageState: authFile("shangwu") });

  test("lands on its own indicators with a link to the ledger that feeds them, not on thirteen empty districts", async ({ page }) => {
    await page.goto("/district");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("市商务局");
    const owned = page.getByRole("region", { name: "本部门主管的指标" });
    await expect(owned).toContainText("新签招商项目投资总额");
    await expect(owned.getByRole("link", { name: "由签约项目台账自动汇总" }).first()).toHaveAttribute("href", "/district/signings");
    await expect(owned).toContainText("不需要按区县逐月填报");
    await expect(page.getByText("没有需要您填报的指标")).toHaveCount(0);
    await expect(page.locator("a[href^='/district/figures']")).toHaveCount(0);
  });
});

test("the industry bureau sees how many districts have filled each of its indicators, and one button to the next district", async ({ page }) => {
  const username = uniqueName("gxjhome");
  await createUser({ username, password: PASSWORD, role: "department_editor", department: "gxj" });
  await signIn(page, username, PASSWORD);
  await expect(page).toHaveURL(/\/district$/);
  const month = (await queryOne<{ month: string }>("select max(month) as month from periods where is_open = 1 and campaign_id = (select id from campaigns where slug = 'quanzhou-2023')"))!.month;
  const districts = Number((await queryOne<{ n: number }>("select count(*) as n from districts where active = 1 and reports = 1"))!.n);
  const owned = page.getByRole("region", { name: "本部门主管的指标" });
  await expect(owned.locator("li").filter({ hasText: "标准化园区开工建设面积" })).toContainText(`已填 ${await filledCount("gxj", "standard_park_area_started", month)}/${districts} 个区县`);
  const next = owned.getByRole("link", { name: /^填写下一个区县：/ });
  await expect(next).toHaveCount(1);
  await next.click();
  await expect(page).toHaveURL(/\/district\/figures\?district=\w+&month=/);
  await expect(page.locator("tr[data-indicator-row]")).toHaveCount(4);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("同上月 fills a stock indicator's numerator and denominator with last month's values, and saves nothing", async ({ page }) => {
    const username = uniqueName("samejj");
    await createUser({ username, password: PASSWORD, district: "jinjiang" });
    await signIn(page, username, PASSWORD);
    const rate = await queryOne<{ id: number; numerator: number; denominator: number }>(
      `select i.id, f.numerator, f.denominator from indicators i join figure_values f on f.indicator_id = i.id join monthly_reports r on r.id = f.report_id
       join periods p on p.id = r.period_id where i.code = 'enterprise_entry_rate' and p.month = '2023-09' and r.district_id = (select id from districts where code = 'jinjiang')`,
    );
    const id = Number(rate!.id);
    const before = await queryOne(`select f.* from figure_values f join monthly_reports r on r.id = f.report_id join periods p on p.id = r.period_id
       where f.indicator_id = ? and p.month = '2023-10' and r.district_id = (select id from districts where code = 'jinjiang')`, [id]);
    await page.goto("/district/figures?month=2023-10");
    await page.locator(`#n_${id}`).fill("1");
    await page.locator(`#d_${id}`).fill("");
    // A flow (a month's amount) never offers 同上月.
    const urban = await queryOne<{ id: number }>("select id from indicators where code = 'urban_investment'");
    await expect(page.locator(`tr[data-indicator-row="${urban!.id}"]`).getByRole("button", { name: /同上月/ })).toHaveCount(0);
    await page.getByRole("button", { name: "规上工业企业入园率 同上月" }).click();
    await expect(page.locator("form [role=status]")).toContainText("已按上月填入“规上工业企业入园率”");
    await expect(page.locator(`#n_${id}`)).toHaveValue(String(rate!.numerator));
    await expect(page.locator(`#d_${id}`)).toHaveValue(String(rate!.denominator));
    const after = await queryOne(`select f.* from figure_values f join monthly_reports r on r.id = f.report_id join periods p on p.id = r.period_id
       where f.indicator_id = ? and p.month = '2023-10' and r.district_id = (select id from districts where code = 'jinjiang')`, [id]);
    expect(after).toEqual(before);
  });
});
