import { expect, test, type Browser, type Page } from "./support/test";
import { captureAction, replay, requestAs } from "./support/actions";
import { authFile } from "./support/auth-file";
import { signIn } from "./support/login";
import { createUser, queryOne, run, uniqueName } from "./support/users";

/*
 * The campaign office's review: the queue of every waiting month with bulk approval, the review
 * page (full precision, ratio parts in their units, 本月无数据, warnings with the clerk's notes,
 * the change since the compared data), returning with the warnings listed, and reopening an
 * approved month for correction. Each test prepares the district-months it uses, so it does not
 * depend on the order the specs run in.
 */

const PASSWORD = "Trust-review-password-1";

test.use({ storageState: authFile("admin") });

const REPORT = `(select r.id from monthly_reports r join periods p on p.id = r.period_id join districts d on d.id = r.district_id where d.code = ? and p.month = ?)`;

async function reportOf(district: string, month: string) {
  const r = await queryOne<{ id: number; status: string; restating: number; reopen_reason: string | null; version: number }>(
    `select id, status, restating, reopen_reason, version from monthly_reports where id = ${REPORT}`,
    [district, month],
  );
  return { ...r!, id: Number(r!.id) };
}

async function indicatorId(code: string): Promise<number> {
  return Number((await queryOne<{ id: number }>("select id from indicators where code = ?", [code]))!.id);
}

/** Puts an approved (unlocked) month back into the queue, as a district's submission would. */
async function markSubmitted(district: string, month: string): Promise<void> {
  await run(`update monthly_reports set status = 'submitted', submitted_at = '2023-11-03T02:00:00.000Z', version = version + 1 where id = ${REPORT}`, [district, month]);
  // Other specs share the database and may have left warnings on the same district-month; this
  // spec plants its own warnings where it tests them, so start from none.
  await run("delete from plausibility_flags where resolved_at is null and month = ? and district_id = (select id from districts where code = ?)", [month, district]);
}

async function setFigure(district: string, month: string, code: string, v: { value?: number | null; numerator?: number | null; denominator?: number | null; noData?: boolean; note?: string | null }) {
  await run(
    `insert into figure_values (report_id, indicator_id, value, numerator, denominator, no_data, note) values (${REPORT}, ?, ?, ?, ?, ?, ?)
     on conflict (report_id, indicator_id) do update set value = excluded.value, numerator = excluded.numerator, denominator = excluded.denominator, no_data = excluded.no_data, note = excluded.note`,
    [district, month, await indicatorId(code), v.value ?? null, v.numerator ?? null, v.denominator ?? null, v.noData ? 1 : 0, v.note ?? null],
  );
}

async function clerkOf(browser: Browser, district: string): Promise<Page> {
  const username = uniqueName(`rv${district}`);
  await createUser({ username, password: PASSWORD, district });
  const page = await (await browser.newContext({ storageState: undefined })).newPage();
  await signIn(page, username, PASSWORD);
  return page;
}

test("the queue lists every waiting month oldest first and approves several at once, each on its own", async ({ page }) => {
  await markSubmitted("fengze", "2023-07");
  await markSubmitted("shishi", "2023-07");
  await markSubmitted("anxi", "2023-08");
  const ids = [await reportOf("fengze", "2023-07"), await reportOf("shishi", "2023-07"), await reportOf("anxi", "2023-08")].map((r) => r.id);
  const lastAudit = Number((await queryOne<{ n: number }>("select coalesce(max(id), 0) as n from audit_events"))!.n);

  await page.goto("/city/review");
  const months = await page.locator("[data-waiting-month]").evaluateAll((els) => els.map((e) => e.getAttribute("data-waiting-month")));
  expect(months.slice(0, 2)).toEqual(["2023-07", "2023-08"]);
  expect(months).toEqual([...months].sort());
  await expect(page.locator('[data-waiting-month="2023-07"]')).toContainText("丰泽区");
  await expect(page.locator('[data-waiting-month="2023-07"]')).toContainText("石狮市");

  await page.getByRole("checkbox", { name: "选择 丰泽区 2023年7月" }).check();
  await page.getByRole("checkbox", { name: "选择 石狮市 2023年7月" }).check();
  await page.getByRole("checkbox", { name: "选择 安溪县 2023年8月" }).check();
  await page.getByRole("button", { name: "批量审核通过所选月报" }).click();

  const approved = page.locator("[data-bulk-approved]");
  await expect(approved).toContainText("丰泽区 2023年7月");
  await expect(approved).toContainText("石狮市 2023年7月");
  await expect(approved).toContainText("安溪县 2023年8月");
  await expect(page.locator('[data-waiting="fengze|2023-07"]')).toHaveCount(0);
  for (const id of ids) {
    const r = await queryOne<{ status: string; audits: number }>(
      "select status, (select count(*) from audit_events a where a.id > ? and a.action in ('report.approve', 'report.approve_correction') and a.entity = 'monthly_report' and a.entity_id = cast(r.id as text)) as audits from monthly_reports r where r.id = ?",
      [lastAudit, id],
    );
    expect(r).toEqual({ status: "approved", audits: 1 });
  }
});

test("a month with an unresolved warning is listed for the reviewer, refused without confirmation, and approved with it", async ({ page }) => {
  await markSubmitted("dehua", "2023-07");
  const report = await reportOf("dehua", "2023-07");
  const urban = await indicatorId("urban_investment");
  await run("delete from plausibility_flags where district_id = (select id from districts where code = 'dehua') and month = '2023-07'");
  await run(
    `insert into plausibility_flags (campaign_id, district_id, month, subject, indicator_id, rule, message, note)
     values ((select campaign_id from periods where month = '2023-07' limit 1), (select id from districts where code = 'dehua'), '2023-07', 'figure', ?, 'month_far_above_usual', '本月值是前三个月平均值的 5 倍', '年中集中结算')`,
    [urban],
  );

  // The review page lists the warning at the top and beside its value, and the return comment starts with it.
  await page.goto(`/city/review/${report.id}`);
  await expect(page.locator("[data-flag-summary]")).toContainText("城建项目完成投资：本月值是前三个月平均值的 5 倍（填报说明：年中集中结算）");
  await expect(page.locator(`tr[data-figure="${urban}"]`)).toContainText("本月值是前三个月平均值的 5 倍");
  await expect(page.locator(`tr[data-figure="${urban}"]`)).toContainText("填报说明：年中集中结算");
  await expect(page.getByLabel("退回意见")).toHaveValue("城建项目完成投资：本月值是前三个月平均值的 5 倍（填报说明：年中集中结算）");
  await page.getByRole("button", { name: "审核通过", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "1 条未核实的数据提醒" })).toBeVisible();
  await expect(page.getByLabel("我已逐条核实以上 1 条数据提醒")).toBeVisible();
  expect((await reportOf("dehua", "2023-07")).status).toBe("submitted");

  // In bulk: refused, with its reason, unless the reviewer confirms the warnings.
  await page.goto("/city/review");
  await expect(page.locator('[data-waiting="dehua|2023-07"] [data-open-flags]')).toContainText("1 条待核实");
  await page.getByRole("checkbox", { name: "选择 德化县 2023年7月" }).check();
  await page.getByRole("button", { name: "批量审核通过所选月报" }).click();
  await expect(page.locator("[data-bulk-refused]")).toContainText("德化县 2023年7月：有 1 条未核实的数据提醒");
  expect((await reportOf("dehua", "2023-07")).status).toBe("submitted");

  await page.getByRole("checkbox", { name: "选择 德化县 2023年7月" }).check();
  await page.getByLabel("所选月报中的数据提醒我已核实").check();
  await page.getByRole("button", { name: "批量审核通过所选月报" }).click();
  await expect(page.locator("[data-bulk-approved]")).toContainText("德化县 2023年7月");
  expect((await reportOf("dehua", "2023-07")).status).toBe("approved");
  const flag = await queryOne<{ resolved: number }>("select count(*) as resolved from plausibility_flags where district_id = (select id from districts where code = 'dehua') and month = '2023-07' and resolved_at is not null");
  expect(Number(flag!.resolved)).toBe(1);
});

test("the review page shows figures with full precision, ratio parts in their own unit, 本月无数据 with its reason, and the month's project investment", async ({ page }) => {
  await setFigure("yongchun", "2023-09", "planned_investment", { value: 139_800 });
  await setFigure("yongchun", "2023-09", "park_value_added_share", { numerator: 4_320_000, denominator: 7_200_000 });
  await setFigure("yongchun", "2023-09", "standard_factory_area", { noData: true, note: "本月园区统计口径调整" });
  await markSubmitted("yongchun", "2023-09");
  const report = await reportOf("yongchun", "2023-09");
  const total = await queryOne<{ sum: number; n: number }>(
    `select coalesce(sum(g.investment), 0) as sum, count(*) as n from project_progress g join projects p on p.id = g.project_id
     where p.district_id = (select id from districts where code = 'yongchun') and g.month = '2023-09'`,
  );

  await page.goto(`/city/review/${report.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("永春县 · 2023年9月月报");
  const planned = page.locator(`tr[data-figure="${await indicatorId("planned_investment")}"]`);
  await expect(planned).toContainText("13.98 亿元");
  await expect(planned).toHaveAttribute("data-changed", "1");
  await expect(page.locator(`tr[data-figure="${await indicatorId("park_value_added_share")}"]`)).toContainText("60.0%（432 / 720 亿元）");
  const noData = page.locator(`tr[data-figure="${await indicatorId("standard_factory_area")}"]`);
  await expect(noData).toContainText("本月无数据");
  await expect(noData).toContainText("本月园区统计口径调整");
  await expect(page.locator("[data-baseline]")).toContainText("与上次审定值相比");

  const yi = new Intl.NumberFormat("zh-CN", { maximumFractionDigits: 4 }).format(Number(total!.sum) / 10_000);
  expect(Number(total!.n)).toBeGreaterThan(0);
  await expect(page.locator("[data-projects-total]")).toContainText(`${total!.n} 个项目，本月完成投资合计 ${yi} 亿元`);
  await expect(page.locator("tr[data-project]")).toHaveCount(Number(total!.n));
  await expect(page.getByRole("rowheader", { name: /小计/ }).first()).toBeVisible();
});

test("after a return and a resubmission the review page compares with the submission that was returned", async ({ page, browser }) => {
  const urban = await indicatorId("urban_investment");
  await run(`update monthly_reports set status = 'returned' where id = ${REPORT}`, ["quangang", "2023-10"]);
  const clerk = await clerkOf(browser, "quangang");
  await clerk.goto("/district/figures?month=2023-10");
  await clerk.getByRole("button", { name: "保存并报送" }).click();
  await expect.poll(async () => (await reportOf("quangang", "2023-10")).status).toBe("submitted");
  const report = await reportOf("quangang", "2023-10");

  await page.goto(`/city/review/${report.id}`);
  await page.getByLabel("退回意见").fill("城建项目完成投资请与项目台账核对");
  await page.getByRole("button", { name: "退回修改" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已退回" }).first()).toBeVisible();

  const before = Number((await queryOne<{ value: number }>(`select value from figure_values where report_id = ? and indicator_id = ?`, [report.id, urban]))!.value);
  const after = before + 100;
  await clerk.reload();
  await clerk.locator(`#m_${urban}`).fill(String(after / 10_000));
  await clerk.getByRole("button", { name: "保存并报送" }).click();
  await expect.poll(async () => (await reportOf("quangang", "2023-10")).status).toBe("submitted");

  await page.goto(`/city/review/${report.id}`);
  await expect(page.locator('[data-baseline="returned"]')).toContainText("与退回前报送的数据相比");
  await expect(page.locator("main")).not.toContainText("首次报送");
  const row = page.locator(`tr[data-figure="${urban}"]`);
  await expect(row).toHaveAttribute("data-changed", "1");
  const fmt = (v: number) => new Intl.NumberFormat("zh-CN", { maximumFractionDigits: 4 }).format(v / 10_000);
  await expect(row).toContainText(`已修改：${fmt(before)} 亿元 → ${fmt(after)} 亿元`);
  await expect(page.locator('tr[data-figure][data-changed="1"]')).toHaveCount(1);
  await clerk.context().close();
});

test("an approved month is reopened for correction with a reason, and the correction is shown against the approved values", async ({ page }) => {
  const urban = await indicatorId("urban_investment");
  const original = await reportOf("fengze", "2023-09");
  expect(original.status).toBe("approved");
  await page.goto(`/city/review/${original.id}`);
  await page.getByLabel("更正原因").fill("核对");
  await page.getByRole("button", { name: "重新打开以更正" }).click();
  await expect(page.locator("#reason-error")).toContainText("请写明更正原因");
  expect((await reportOf("fengze", "2023-09")).status).toBe("approved");

  await page.getByLabel("更正原因").fill("城建投资重复计入一个项目，需核减");
  await page.getByRole("button", { name: "重新打开以更正" }).click();
  await expect(page.locator("[data-restating]")).toContainText("城建投资重复计入一个项目，需核减");
  const reopened = await reportOf("fengze", "2023-09");
  expect(reopened).toMatchObject({ status: "returned", restating: 1, reopen_reason: "城建投资重复计入一个项目，需核减" });

  // The district corrects and resubmits (written straight to the database here); the page shows 原审定值 → 更正后.
  const approved = Number((await queryOne<{ v: number }>("select approved_value as v from figure_values where report_id = ? and indicator_id = ?", [original.id, urban]))!.v);
  await run("update figure_values set value = ? where report_id = ? and indicator_id = ?", [approved - 500, original.id, urban]);
  await markSubmitted("fengze", "2023-09");
  await page.reload();
  await expect(page.locator('[data-baseline="restating"]')).toContainText("更正：原审定值 → 更正后");
  await expect(page.locator(`tr[data-figure="${urban}"]`)).toContainText("更正：");
  await page.getByRole("button", { name: "审核通过", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "已审核通过" }).first()).toBeVisible();
  const kept = await queryOne<{ old_value: number; new_value: number; reason: string }>(
    "select old_value, new_value, reason from corrections where report_id = ? and indicator_id = ? order by id desc limit 1",
    [original.id, urban],
  );
  expect(kept).toEqual({ old_value: approved, new_value: approved - 500, reason: "城建投资重复计入一个项目，需核减" });
  await expect(page.locator("[data-correction]").first()).toContainText("原审定值");
});

test("a locked month cannot be reopened until it is unlocked", async ({ page }) => {
  const report = await reportOf("fengze", "2023-03");
  await page.goto(`/city/review/${report.id}`);
  await expect(page.getByText("该月已锁定，请先在“月份锁定”页解锁")).toBeVisible();
  await expect(page.getByRole("button", { name: "重新打开以更正" })).toHaveCount(0);
  await expect(page.getByLabel("更正原因")).toHaveCount(0);
});

test("a reopen posted for a month that has since been locked changes nothing", async ({ page, baseURL }) => {
  const report = await reportOf("fengze", "2023-08");
  expect(report.status).toBe("approved");
  await page.goto(`/city/review/${report.id}`);
  await page.getByLabel("更正原因").fill("锁定后不应生效的更正");
  const reopen = await captureAction(page, () => page.getByRole("button", { name: "重新打开以更正" }).click());
  await run("update periods set locked = 1 where month = '2023-08'");
  try {
    const admin = await requestAs(baseURL!, authFile("admin"));
    const res = await replay(admin, reopen);
    expect(res.status()).toBe(403);
    await admin.dispose();
    expect(await reportOf("fengze", "2023-08")).toMatchObject({ status: "approved", restating: 0, reopen_reason: null });
  } finally {
    await run("update periods set locked = 0 where month = '2023-08'");
  }
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("bulk approval works with a plain form post", async ({ page }) => {
    await markSubmitted("nanan", "2023-07");
    await page.goto("/city/review");
    await page.getByRole("checkbox", { name: "选择 南安市 2023年7月" }).check();
    await page.getByRole("button", { name: "批量审核通过所选月报" }).click();
    await expect(page.locator("[data-bulk-approved]")).toContainText("南安市 2023年7月");
    expect((await reportOf("nanan", "2023-07")).status).toBe("approved");
  });
});
