import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "./support/test";
import { authFile } from "./support/auth-file";
import { signIn } from "./support/login";
import { createUser, queryOne, uniqueName } from "./support/users";

/*
 * Correcting an approved month (restatement), end to end through the UI: the campaign office
 * reopens 安溪县's approved August 2023 with a reason, the district corrects 城建项目完成投资 and
 * resubmits, the office approves. While the month is reopened the public keeps the approved
 * figure; afterwards the public indicator page shows the revised figure with “已更正”, the later
 * cumulative figure has moved by exactly the correction, the open-data API lists original and
 * revised, and the staff history names who reopened and who approved.
 */

const DISTRICT = "anxi";
const DISTRICT_NAME = "安溪县";
const MONTH = "2023-08";
const CODE = "urban_investment";
const DELTA = 15_000; // 1.5 亿元, in 万元
const REASON = "核实发现8月漏报一个城建项目的完成投资";
const PASSWORD = "Restatement-spec-password-1";

/** "1,234.6 亿元" → 1234.6 */
const amount = (text: string) => Number(text.replace(/[^\d.-]/g, ""));
/** 万元 → the exact 亿元 text the history shows ("12.3456 亿元"). */
const yi = (wan: number) => `${new Intl.NumberFormat("zh-CN", { maximumFractionDigits: 4 }).format(wan / 10000)} 亿元`;

async function stored() {
  return queryOne<{ report_id: number; status: string; official: number; restating: number; value: number; approved_value: number; indicator_id: number }>(
    `select r.id as report_id, r.status, r.official, r.restating, f.value, f.approved_value, f.indicator_id from figure_values f
     join monthly_reports r on r.id = f.report_id join periods p on p.id = r.period_id join districts d on d.id = r.district_id
     join indicators i on i.id = f.indicator_id where d.code = ? and p.month = ? and i.code = ?`,
    [DISTRICT, MONTH, CODE],
  );
}

async function asAdmin(browser: Browser): Promise<Page> {
  return (await browser.newContext({ storageState: authFile("admin") })).newPage();
}

/** Drops the cached public pages (as the office's "refresh" does), so the next visit renders what the database publishes. */
async function refreshPublicPages(admin: Page, baseURL: string): Promise<void> {
  const res = await admin.request.post(`${baseURL}/api/admin/revalidate`, { headers: { origin: baseURL } });
  expect(res.status()).toBe(200);
}

/** The public indicator page's "1—10月累计完成" figure and the district's row, as numbers. */
async function publicFigures(page: Page, path = `/indicators/${CODE}`) {
  await page.goto(path);
  const city = amount(await page.locator("[data-city-actual]").innerText());
  const district = amount(await page.locator(`tr[data-district="${DISTRICT}"] [data-actual]`).innerText());
  return { city, district };
}

test("an approved month is reopened with a reason, corrected and approved; the public and staff see the revision", async ({ page, browser, baseURL }) => {
  test.setTimeout(180_000);
  const admin = await asAdmin(browser);
  await refreshPublicPages(admin, baseURL!);
  const original = (await stored())!;
  expect(original).toMatchObject({ status: "approved", official: 1, restating: 0 });
  expect(original.approved_value).toBe(original.value);
  const before = await publicFigures(page);

  await test.step("the office reopens the approved month with a reason", async () => {
    await admin.goto(`/city/review/${original.report_id}`);
    await admin.getByLabel("更正原因").fill(REASON);
    await admin.getByRole("button", { name: "重新打开以更正" }).click();
    await expect.poll(async () => (await stored())?.status).toBe("returned");
    expect(await stored()).toMatchObject({ official: 1, restating: 1 });
  });

  await test.step("while the district corrects, the public keeps the approved figure", async () => {
    await refreshPublicPages(admin, baseURL!);
    expect(await publicFigures(page)).toEqual(before);
  });

  await test.step("the district corrects the figure and resubmits", async () => {
    const clerk = await (await browser.newContext()).newPage();
    const username = uniqueName("restate");
    await createUser({ username, password: PASSWORD, district: DISTRICT });
    await signIn(clerk, username, PASSWORD);
    await clerk.goto(`/district/figures?month=${MONTH}`);
    await expect(clerk.getByText(REASON)).toBeVisible();
    const field = clerk.locator(`#m_${original.indicator_id}`);
    await field.fill(String((original.value + DELTA) / 10000));
    await clerk.getByRole("button", { name: "保存并报送" }).click();
    await expect.poll(async () => (await stored())?.status).toBe("submitted");
    expect(await stored()).toMatchObject({ value: original.value + DELTA, approved_value: original.value });
    await clerk.context().close();
  });

  await test.step("the office approves the correction", async () => {
    await admin.goto(`/city/review/${original.report_id}`);
    await admin.getByRole("button", { name: "审核通过" }).click();
    await expect(admin.getByRole("status").filter({ hasText: "已审核通过" })).toBeVisible();
    expect(await stored()).toMatchObject({ status: "approved", official: 1, restating: 0, approved_value: original.value + DELTA });
  });

  const correctedAt = (await queryOne<{ at: string }>("select approved_at as at from corrections where report_id = ? order by id desc limit 1", [original.report_id]))!.at;
  const day = new Date(correctedAt).toLocaleDateString("en-CA", { timeZone: "Asia/Shanghai" }).split("-").map(Number);
  const zhDay = `${day[0]}年${day[1]}月${day[2]}日`;

  await test.step("the public indicator page shows the revised figure with its mark; the later cumulative figure moved by exactly the correction", async () => {
    const after = await publicFigures(page);
    expect(after.city - before.city).toBeCloseTo(DELTA / 10000, 6);
    expect(after.district - before.district).toBeCloseTo(DELTA / 10000, 6);
    const mark = page.locator('section[aria-labelledby="city"] [data-corrected]');
    await expect(mark).toContainText(`已更正 ${zhDay}`);
    await expect(page.locator(`tr[data-district="${DISTRICT}"] [data-corrected]`)).toContainText("已更正");
    await expect(page.locator('tr[data-district="luojiang"] [data-corrected]')).toHaveCount(0);

    await mark.click();
    await expect(page).toHaveURL(new RegExp(`/corrections/${CODE}$`));
    const row = page.locator(`tbody[data-correction="${DISTRICT}|${MONTH}"]`);
    await expect(row.locator("[data-district-name]")).toHaveText(DISTRICT_NAME);
    await expect(row.locator("[data-original]")).toHaveText(yi(original.value));
    await expect(row.locator("[data-revised]")).toHaveText(yi(original.value + DELTA));
    await expect(row.locator("[data-reason]")).toContainText(REASON);
    await expect(row).toContainText(zhDay);
    await expect(row).toContainText("专项办");

    await page.goto(`/districts/${DISTRICT}`);
    await expect(page.locator(`tr[data-indicator="${CODE}"] [data-corrected]`)).toContainText("已更正");
    await page.goto(`/en/indicators/${CODE}`);
    await expect(page.locator('section[aria-labelledby="city"] [data-corrected]')).toContainText("Revised");
  });

  await test.step("the open-data API lists the original and the revised value and marks the figures that include it", async () => {
    const list = await (await page.request.get("/api/v1/corrections.json")).json();
    expect(list.corrections).toContainEqual(
      expect.objectContaining({
        subject: "indicator",
        indicator_code: CODE,
        district_code: DISTRICT,
        month: MONTH,
        unit: "亿元",
        original_value: original.value / 10000,
        revised_value: (original.value + DELTA) / 10000,
        base_unit: "万元",
        original_base: original.value,
        revised_base: original.value + DELTA,
        reason: REASON,
        corrected_at: correctedAt,
      }),
    );
    const csv = await (await page.request.get(`/api/v1/corrections.csv?indicator=${CODE}`)).text();
    expect(csv).toContain(`${DISTRICT},${DISTRICT_NAME}`);
    expect(csv).toContain(`,${original.value},${original.value + DELTA},`);
    const values = (await (await page.request.get(`/api/v1/indicators.json?indicator=${CODE}&area=${DISTRICT}`)).json()).values as { month: string; corrected: boolean; corrected_at: string | null }[];
    expect(values.find((v) => v.month === "2023-07")).toMatchObject({ corrected: false, corrected_at: null });
    expect(values.find((v) => v.month === "2023-09")).toMatchObject({ corrected: true, corrected_at: correctedAt });
  });

  await test.step("the staff history shows original and revised, why, who reopened and who approved", async () => {
    const adminName = (await queryOne<{ name: string }>("select display_name as name from users where username = 'admin'"))!.name;
    await admin.goto("/city/corrections");
    await admin.getByLabel("区县").selectOption(DISTRICT);
    await admin.getByLabel("被更正的月份").selectOption(MONTH);
    await admin.getByRole("button", { name: "筛选" }).click();
    await expect(admin).toHaveURL(new RegExp(`district=${DISTRICT}&month=${MONTH}`));
    const row = admin.locator("tbody[data-correction]").filter({ hasText: CODE });
    await expect(row).toHaveCount(1);
    await expect(row.locator("[data-original]")).toHaveText(yi(original.value));
    await expect(row.locator("[data-revised]")).toHaveText(yi(original.value + DELTA));
    await expect(row.locator("[data-reason]")).toContainText(REASON);
    await expect(row.locator("th")).toContainText(DISTRICT_NAME);
    await expect(row.locator("[data-reopened]")).toContainText(`重新打开：${adminName}`);
    await expect(row.locator("[data-approved]")).toContainText(`审核通过：${adminName}`);
  });

  await test.step("the history pages, public and staff, have no serious or critical accessibility violation", async () => {
    for (const [p, url] of [[page, `/corrections/${CODE}`], [page, "/corrections"], [page, "/en/corrections"], [admin, "/city/corrections"]] as const) {
      await p.goto(url);
      const results = await new AxeBuilder({ page: p }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
      const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${url}: ${v.id} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
      expect(bad).toEqual([]);
    }
  });
  await admin.context().close();
});
