import { expect, hydrated, test, type Page } from "./support/test";
import { keepReplyBodies } from "./support/actions";
import { e2eDatabase } from "./support/db";
import { signIn } from "./support/login";
import { createUser, queryOne, run, uniqueName } from "./support/users";

/*
 * Plausibility warnings and "本月无数据" on the monthly figures form. Each test reopens one
 * approved July 2023 district-month (as the campaign office's reopen-for-correction leaves it:
 * returned, restating) that no other spec uses, so the tests do not interfere.
 */

const PASSWORD = "Trust-figures-password-1";
const MONTH = "2023-07";

async function reopenedMonthClerk(page: Page, district: string): Promise<void> {
  await run(
    `update monthly_reports set status = 'returned', restating = 1, reopen_reason = '演示：更正七月数据', return_comment = '演示：更正七月数据', version = version + 1
     where district_id = (select id from districts where code = ?) and period_id = (select id from periods where month = ?)`,
    [district, MONTH],
  );
  const username = uniqueName(`trust${district}`);
  await createUser({ username, password: PASSWORD, district });
  await signIn(page, username, PASSWORD);
  await page.goto(`/district/figures?month=${MONTH}`);
}

async function indicatorId(code: string): Promise<number> {
  const r = await queryOne<{ id: number }>("select id from indicators where code = ?", [code]);
  return Number(r!.id);
}

async function stored(district: string, code: string) {
  return queryOne<{ value: number | null; numerator: number | null; denominator: number | null; note: string | null; no_data: number; status: string }>(
    `select f.value, f.numerator, f.denominator, f.note, f.no_data, r.status from figure_values f
     join monthly_reports r on r.id = f.report_id join periods p on p.id = r.period_id join districts d on d.id = r.district_id
     join indicators i on i.id = f.indicator_id where d.code = ? and p.month = ? and i.code = ?`,
    [district, MONTH, code],
  );
}

async function e2eRows<T>(sql: string, args: (string | number)[] = []): Promise<T[]> {
  const db = e2eDatabase();
  try {
    return (await db.execute({ sql, args })).rows as unknown as T[];
  } finally {
    db.close();
  }
}

const row = (page: Page, id: number) => page.locator(`tr[data-indicator-row="${id}"]`);
const yi = (base: number) => `${new Intl.NumberFormat("zh-CN", { maximumFractionDigits: 4 }).format(base / 10_000)} 亿元`;

test("a month 50 times the district's median is refused without a note, naming the numbers, and kept with one as a flag", async ({ page }) => {
  await reopenedMonthClerk(page, "fengze");
  const urban = await indicatorId("urban_investment");
  const history = await queryOne<{ values: string }>(
    `select group_concat(f.value) as "values" from figure_values f join monthly_reports r on r.id = f.report_id join periods p on p.id = r.period_id
     where r.district_id = (select id from districts where code = 'fengze') and f.indicator_id = ? and p.month < ? and f.value > 0`,
    [urban, MONTH],
  );
  const past = history!.values.split(",").map(Number).sort((a, b) => a - b);
  const mid = past.length / 2;
  const median = past.length % 2 ? past[Math.floor(mid)]! : (past[mid - 1]! + past[mid]!) / 2;
  const value = Math.round(median) * 50;
  const before = await stored("fengze", "urban_investment");

  // The reply read below is the script's save. Before hydration a click posts the form as plain HTML and
  // the page navigates, and Playwright then has no body to read (seen once on CI).
  await hydrated(page.getByRole("button", { name: "保存草稿" }));
  const hintBefore = await page.locator(`#c_${urban}`).getAttribute("placeholder");
  await page.locator(`#m_${urban}`).fill(String(value / 10_000));
  await page.getByRole("button", { name: "保存草稿" }).click();
  const expected = `本月 ${yi(value)}，为本区以往月份中位数 ${yi(Math.round(median))}的 50 倍`;
  await expect(row(page, urban)).toContainText(expected);
  await expect(row(page, urban)).toContainText("确认无误请在“说明”中写明原因");
  await expect(page.locator(`#m_${urban}`)).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("form [role=alert]")).toContainText("未保存任何数据");
  expect(await stored("fengze", "urban_investment")).toEqual(before);

  await page.locator(`#note_${urban}`).fill("重大项目集中结算入账");
  // Enter in a field saves the draft (the form's default button), not a section's 本月无数据 control.
  const replies = await keepReplyBodies(page, (r) => r.method() === "POST" && new URL(r.url()).pathname === "/district/figures");
  await page.locator(`#note_${urban}`).press("Enter");
  await expect(page.locator("form [role=status]")).toContainText("已保存草稿");
  // The draft save answers with the form's state (what it stored in each row: the cumulative and
  // the reminders), not the page rendered again, nor the parts of a row a save does not change.
  // (Only ASCII is asserted on the raw reply: the RSC stream carries no charset.)
  expect(replies).toHaveLength(1);
  const body = replies[0]!;
  expect(body).toContain('"ok":true');
  expect(body).toMatch(/"saved":\[\{"id":\d+,"ytd":/);
  expect(body).not.toContain('"numeratorLabel"');
  expect(body).toContain('"rule":"figure_above_median"');
  expect(body).not.toContain('"monthText"');
  await expect(row(page, urban).locator("[data-flag-rule=figure_above_median]")).toContainText(expected);
  expect(await stored("fengze", "urban_investment")).toMatchObject({ value, note: "重大项目集中结算入账", no_data: 0 });
  const flag = await queryOne<{ rule: string; message: string; note: string }>(
    `select rule, message, note from plausibility_flags where district_id = (select id from districts where code = 'fengze') and month = ? and indicator_id = ? and resolved_at is null`,
    [MONTH, urban],
  );
  expect(flag).toMatchObject({ rule: "figure_above_median", note: "重大项目集中结算入账" });
  expect(flag!.message).toContain(expected);
  // The cumulative field's hint counts the stored month (from the save's reply), as the page does when opened afresh.
  const hint = await page.locator(`#c_${urban}`).getAttribute("placeholder");
  expect(hint).toMatch(/亿元$/);
  expect(hint).not.toBe(hintBefore);
  // The clerk sees what the reviewer will see, beside the value, also after a reload.
  await page.reload();
  await expect(row(page, urban).locator("[data-flag-rule=figure_above_median]")).toContainText(expected);
  await expect(page.locator(`#c_${urban}`)).toHaveAttribute("placeholder", hint!);
});

test("a month with one indicator marked 本月无数据 needs a reason, and is then submitted with no value stored", async ({ page }) => {
  await reopenedMonthClerk(page, "shishi");
  const park = await indicatorId("standard_park_area_started");
  const before = await stored("shishi", "standard_park_area_started");
  await page.locator(`#m_${park}`).fill("");
  await page.getByLabel("本月无数据：标准化园区开工建设面积").check();
  await page.getByRole("button", { name: "保存并报送" }).click();
  await expect(row(page, park)).toContainText("勾选“本月无数据”时，请在“说明”中写明原因");
  await expect(page.locator(`#note_${park}`)).toHaveAttribute("aria-invalid", "true");
  expect(await stored("shishi", "standard_park_area_started")).toEqual(before);

  await page.locator(`#note_${park}`).fill("本月无新开工园区");
  await page.getByRole("button", { name: "保存草稿" }).click();
  await expect(page.locator("form [role=status]")).toContainText("已保存草稿");
  await page.reload();
  await expect(page.getByLabel("本月无数据：标准化园区开工建设面积")).toBeChecked();
  await expect(page.locator(`#m_${park}`)).toHaveValue("");

  await page.getByRole("button", { name: "保存并报送" }).click();
  await expect(page.getByText("已报送，审核期间不能修改")).toBeVisible();
  await expect(page.locator("tbody tr").filter({ hasText: "标准化园区开工建设面积" })).toContainText("本月无数据");
  expect(await stored("shishi", "standard_park_area_started")).toMatchObject({ value: null, numerator: null, denominator: null, no_data: 1, note: "本月无新开工园区", status: "submitted" });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("one click marks every blank indicator of a section 本月无数据, and nothing else", async ({ page }) => {
    await reopenedMonthClerk(page, "kaifaqu");
    const factory = await indicatorId("standard_factory_area");
    const rate = await indicatorId("enterprise_entry_rate");
    const area = await indicatorId("standard_park_area_started");
    const urban = await indicatorId("urban_investment");
    const urbanValue = await page.locator(`#m_${urban}`).inputValue();
    await page.locator(`#m_${factory}`).fill("");
    await page.locator(`#n_${rate}`).fill("");
    await page.locator(`#d_${rate}`).fill("");
    await page.locator(`#m_${urban}`).fill("");
    await page.locator("tbody[data-section=park_standardization]").getByRole("button", { name: "本节未填的指标标为“本月无数据”" }).click();
    await expect(page.locator("form [role=status]")).toContainText("2 项未填的指标勾选为“本月无数据”");
    await expect(page.locator(`#nodata_${factory}`)).toBeChecked();
    await expect(page.locator(`#nodata_${rate}`)).toBeChecked();
    await expect(page.locator(`#nodata_${area}`)).not.toBeChecked();
    await expect(page.locator(`#nodata_${urban}`)).not.toBeChecked();
    // Nothing is stored by marking; the typed-in blanks are kept as they were.
    expect(await stored("kaifaqu", "standard_factory_area")).toMatchObject({ no_data: 0 });
    await expect(page.locator(`#m_${urban}`)).toHaveValue("");

    await page.locator(`#note_${factory}`).fill("本月无新建厂房");
    await page.locator(`#note_${rate}`).fill("统计局本月未发布");
    await page.locator(`#m_${urban}`).fill(urbanValue);
    await page.getByRole("button", { name: "保存草稿" }).click();
    await expect(page.locator("form [role=status]")).toContainText("已保存草稿");
    expect(await stored("kaifaqu", "standard_factory_area")).toMatchObject({ value: null, no_data: 1, note: "本月无新建厂房" });
    expect(await stored("kaifaqu", "enterprise_entry_rate")).toMatchObject({ numerator: null, denominator: null, no_data: 1, note: "统计局本月未发布" });
    expect(await stored("kaifaqu", "standard_park_area_started")).toMatchObject({ no_data: 0 });
  });
});

test("a form equal to last month in every indicator needs a form note, kept as one flag on the first indicator", async ({ page }) => {
  await reopenedMonthClerk(page, "nanan");
  const last = await e2eRows<{ id: number; code: string; value: number | null; numerator: number | null; denominator: number | null; scale: number }>(
    `select i.id, i.code, f.value, f.numerator, f.denominator, coalesce(pu.scale, u.scale) as scale from figure_values f
     join monthly_reports r on r.id = f.report_id join periods p on p.id = r.period_id join indicators i on i.id = f.indicator_id
     join units u on u.code = i.unit_code left join units pu on pu.code = i.part_unit_code
     where r.district_id = (select id from districts where code = 'nanan') and p.month = '2023-06' order by i.sort_order, i.id`,
  );
  expect(last).toHaveLength(7);
  const show = (base: number, scale: number) => String(base / scale);
  for (const r of last) {
    if (r.value != null) await page.locator(`#m_${r.id}`).fill(show(Number(r.value), Number(r.scale)));
    else {
      await page.locator(`#n_${r.id}`).fill(show(Number(r.numerator), Number(r.scale)));
      await page.locator(`#d_${r.id}`).fill(show(Number(r.denominator), Number(r.scale)));
    }
  }
  await page.getByRole("button", { name: "保存草稿" }).click();
  await expect(page.locator("#formnote-error")).toContainText("本表已填的 7 项指标与上月数值完全相同，疑似照抄上月报表");
  await expect(page.locator("form [role=alert]")).toContainText("未保存任何数据");
  await page.getByLabel("整表说明").fill("七月各项与六月持平，已逐项核对");
  await page.getByRole("button", { name: "保存草稿" }).click();
  await expect(page.locator("form [role=status]")).toContainText("已保存草稿");
  const flags = await e2eRows<{ indicator_id: number; rule: string; note: string; message: string }>(
    `select indicator_id, rule, note, message from plausibility_flags where district_id = (select id from districts where code = 'nanan') and month = ? and resolved_at is null`,
    [MONTH],
  );
  expect(flags).toHaveLength(1);
  expect(flags[0]).toMatchObject({ rule: "figures_copied_from_last_month", note: "七月各项与六月持平，已逐项核对" });
  const first = await page.locator("tr[data-indicator-row]").first().getAttribute("data-indicator-row");
  expect(Number(flags[0]!.indicator_id)).toBe(Number(first));
  await page.reload();
  await expect(page.getByLabel("整表说明")).toHaveValue("七月各项与六月持平，已逐项核对");
});
