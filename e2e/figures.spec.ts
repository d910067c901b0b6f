import { expect, test, type Page } from "./support/test";
import { captureAction, replay, requestAs, snapshotState } from "./support/actions";
import { signIn } from "./support/login";
import { createUser, queryOne, run, uniqueName } from "./support/users";
import { authFile } from "./support/auth-file";

/*
 * The monthly figures of a district: entry (month or cumulative, blank is not zero, errors by
 * the field, outliers need a note, paste from Excel), saving, conflicts, submission, review
 * (approve / return with a comment), and the month lock. October 2023 of the demo data has
 * districts in every state; each test uses its own district so they do not interfere.
 */

const PASSWORD = "Figures-spec-password-1";

async function clerkOf(page: Page, district: string): Promise<string> {
  const username = uniqueName(`clerk${district}`);
  await createUser({ username, password: PASSWORD, district });
  await signIn(page, username, PASSWORD);
  return username;
}

function row(page: Page, code: string) {
  return page.locator(`tr[data-indicator-row="${code}"]`);
}

async function indicatorId(code: string): Promise<number> {
  const r = await queryOne<{ id: number }>("select id from indicators where code = ?", [code]);
  return Number(r!.id);
}

async function stored(district: string, month: string, code: string) {
  return queryOne<{ value: number | null; numerator: number | null; denominator: number | null; note: string | null; status: string }>(
    `select f.value, f.numerator, f.denominator, f.note, r.status from figure_values f
     join monthly_reports r on r.id = f.report_id join periods p on p.id = r.period_id join districts d on d.id = r.district_id
     join indicators i on i.id = f.indicator_id where d.code = ? and p.month = ? and i.code = ?`,
    [district, month, code],
  );
}

test.describe("entering a month's figures", () => {
  test("a clerk saves the month's value as a draft, and a year-to-date total is turned into the month", async ({ page }) => {
    await clerkOf(page, "luojiang");
    await page.goto("/district/figures?month=2023-10");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("洛江区 · 2023年10月月度指标");
    const urban = await indicatorId("urban_investment");
    const planned = await indicatorId("planned_projects");
    await page.locator(`#m_${urban}`).fill("3.25");
    const before = await queryOne<{ ytd: number }>(
      `select coalesce(sum(f.value), 0) as ytd from figure_values f join monthly_reports r on r.id = f.report_id join periods p on p.id = r.period_id
       join districts d on d.id = r.district_id where d.code = 'luojiang' and f.indicator_id = ? and p.month < '2023-10'`,
      [planned],
    );
    await page.locator(`#m_${planned}`).fill("");
    await page.locator(`#c_${planned}`).fill(String(Number(before!.ytd) + 7));
    await page.getByRole("button", { name: "保存草稿" }).click();
    await expect(page.locator("form [role=status]")).toContainText("已保存草稿");
    expect(await stored("luojiang", "2023-10", "urban_investment")).toMatchObject({ value: 32_500, status: "draft" });
    expect(await stored("luojiang", "2023-10", "planned_projects")).toMatchObject({ value: 7 });
  });

  test("a blank field is kept as not reported, never stored as zero", async ({ page }) => {
    await clerkOf(page, "luojiang");
    await page.goto("/district/figures?month=2023-10");
    const area = await indicatorId("standard_park_area_started");
    await page.locator(`#m_${area}`).fill("");
    await page.locator(`#c_${area}`).fill("");
    await page.getByRole("button", { name: "保存草稿" }).click();
    await expect(page.locator("form [role=status]")).toBeVisible();
    const s = await stored("luojiang", "2023-10", "standard_park_area_started");
    expect(s?.value ?? null).toBeNull();
  });

  test("bad input is reported in Chinese next to its field and nothing is stored", async ({ page }) => {
    await clerkOf(page, "taishang");
    await page.goto("/district/figures?month=2023-10");
    const urban = await indicatorId("urban_investment");
    const factory = await indicatorId("standard_factory_area");
    await page.locator(`#m_${factory}`).fill("2.5");
    await page.locator(`#m_${urban}`).fill("3亿");
    await page.getByRole("button", { name: "保存草稿" }).click();
    await expect(row(page, String(urban))).toContainText("请输入数字");
    await expect(page.locator("form [role=alert]")).toContainText("未保存任何数据");
    expect(await stored("taishang", "2023-10", "standard_factory_area")).toBeUndefined();
    await expect(page.locator(`#m_${factory}`)).toHaveValue("2.5");
  });

  test("a value far outside the district's history needs a note before it is saved", async ({ page }) => {
    await clerkOf(page, "taishang");
    await page.goto("/district/figures?month=2023-10");
    const urban = await indicatorId("urban_investment");
    await page.locator(`#m_${urban}`).fill("900");
    await page.getByRole("button", { name: "保存草稿" }).click();
    await expect(row(page, String(urban))).toContainText("与本区以往差异较大");
    expect(await stored("taishang", "2023-10", "urban_investment")).toBeUndefined();
    await page.locator(`#note_${urban}`).fill("重大项目集中结算");
    await page.getByRole("button", { name: "保存草稿" }).click();
    await expect(page.locator("form [role=status]")).toContainText("已保存草稿");
    expect(await stored("taishang", "2023-10", "urban_investment")).toMatchObject({ value: 9_000_000, note: "重大项目集中结算" });
  });

  test("a block copied from Excel pastes down the column", async ({ page }) => {
    await clerkOf(page, "luojiang");
    await page.goto("/district/figures?month=2023-10");
    const first = page.locator("tbody input[data-grid-row='0'][data-grid-col='0']");
    await first.focus();
    await page.evaluate(() => {
      const target = document.activeElement!;
      const data = new DataTransfer();
      data.setData("text/plain", "11\n\n1.5\t\t粘贴测试\n");
      target.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await expect(first).toHaveValue("11");
    await expect(page.locator("tbody input[data-grid-row='1'][data-grid-col='0']")).toHaveValue("");
    await expect(page.locator("tbody input[data-grid-row='2'][data-grid-col='0']")).toHaveValue("1.5");
    await expect(page.locator("tbody input[data-grid-row='2'][data-grid-col='2']")).toHaveValue("粘贴测试");
  });

  test("a save based on an old version is refused with the current value, who and when", async ({ browser }) => {
    const a = await (await browser.newContext()).newPage();
    const b = await (await browser.newContext()).newPage();
    await clerkOf(a, "luojiang");
    await clerkOf(b, "luojiang");
    const factory = await indicatorId("standard_factory_area");
    await a.goto("/district/figures?month=2023-10");
    await b.goto("/district/figures?month=2023-10");
    await a.locator(`#m_${factory}`).fill("4.2");
    await a.getByRole("button", { name: "保存草稿" }).click();
    await expect(a.locator("form [role=status]")).toContainText("已保存草稿");
    await b.locator(`#m_${factory}`).fill("9.9");
    await b.getByRole("button", { name: "保存草稿" }).click();
    await expect(b.locator("form [role=alert]")).toContainText("有数据已被他人修改");
    await expect(row(b, String(factory))).toContainText("当前为“4.2 万平方米”");
    await expect(row(b, String(factory))).toContainText("测试用户");
    expect(await stored("luojiang", "2023-10", "standard_factory_area")).toMatchObject({ value: 42_000 });
  });
});

test.describe("submitting and reviewing", () => {
  test("submitting needs every figure; a complete month is submitted and becomes read-only", async ({ page }) => {
    await clerkOf(page, "yongchun");
    await page.goto("/district/figures?month=2023-10");
    await expect(page.getByText("专项办退回意见")).toBeVisible();
    const urban = await indicatorId("urban_investment");
    await page.locator(`#m_${urban}`).fill("");
    await page.getByRole("button", { name: "保存并报送" }).click();
    await expect(row(page, String(urban))).toContainText("报送前请填写本项");
    expect((await stored("yongchun", "2023-10", "urban_investment"))?.status).toBe("returned");
    await page.locator(`#m_${urban}`).fill("2.1");
    await page.getByRole("button", { name: "保存并报送" }).click();
    await expect(page.locator("form [role=status]").or(page.getByText("已报送，审核期间不能修改"))).toBeVisible();
    await page.reload();
    await expect(page.getByText("已报送，审核期间不能修改")).toBeVisible();
    await expect(page.getByRole("button", { name: "保存草稿" })).toHaveCount(0);
    expect(await stored("yongchun", "2023-10", "urban_investment")).toMatchObject({ value: 21_000, status: "submitted" });
  });

  test.describe("as the campaign office", () => {
    test.use({ storageState: authFile("admin") });

    test("the reviewer approves a submitted month, which then counts as approved", async ({ page }) => {
      await page.goto("/city/review?month=2023-10");
      await page.locator('tr[data-district="licheng"]').getByRole("link", { name: /审核/ }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("鲤城区 · 2023年10月月报");
      await page.getByRole("button", { name: "审核通过", exact: true }).click();
      await expect(page.getByRole("status").filter({ hasText: "已审核通过" })).toBeVisible();
      const r = await queryOne<{ status: string; snap: number }>(
        `select r.status, (select count(*) from figure_values f where f.report_id = r.id and f.approved_value is f.value and f.approved_numerator is f.numerator) as snap
         from monthly_reports r join periods p on p.id = r.period_id join districts d on d.id = r.district_id where d.code = 'licheng' and p.month = '2023-10'`,
      );
      expect(r?.status).toBe("approved");
      expect(Number(r?.snap)).toBe(7);
    });

    test("returning a month needs a comment, which the district then sees", async ({ page, browser }) => {
      // Another spec (excel) reopens huian's October as a draft and uploads a flagged project into it: this test's
      // month is a submitted one without open flags (the return form would otherwise start with the flags as its comment).
      await run(
        `update monthly_reports set status = 'submitted', version = version + 1 where district_id = (select id from districts where code = 'huian') and period_id = (select id from periods where month = '2023-10')`,
      );
      await run(
        `update plausibility_flags set resolved_at = '2023-11-05T00:00:00.000Z' where resolved_at is null and month = '2023-10' and district_id = (select id from districts where code = 'huian')`,
      );
      await page.goto("/city/review?month=2023-10");
      await page.locator('tr[data-district="huian"]').getByRole("link", { name: /审核/ }).click();
      await page.getByRole("button", { name: "退回修改" }).click();
      await expect(page.locator("#comment-error")).toContainText("请写明退回原因");
      await page.getByLabel("退回意见").fill("标准厂房面积与园区台账不符，请核实");
      await page.getByRole("button", { name: "退回修改" }).click();
      await expect(page.getByRole("status").filter({ hasText: "已退回" })).toBeVisible();
      const clerk = await (await browser.newContext({ storageState: undefined })).newPage();
      await clerkOf(clerk, "huian");
      await clerk.goto("/district");
      await expect(clerk.getByRole("region", { name: "被退回的月报" })).toContainText("标准厂房面积与园区台账不符，请核实");
    });

    test("a resubmitted month shows what changed since the approved version", async ({ page }) => {
      const urban = await indicatorId("urban_investment");
      await run(
        `update figure_values set value = value + 10000 where indicator_id = ? and report_id =
          (select r.id from monthly_reports r join periods p on p.id = r.period_id join districts d on d.id = r.district_id where d.code = 'anxi' and p.month = '2023-10')`,
        [urban],
      );
      await run(
        `update monthly_reports set status = 'submitted', version = version + 1 where id =
          (select r.id from monthly_reports r join periods p on p.id = r.period_id join districts d on d.id = r.district_id where d.code = 'anxi' and p.month = '2023-10')`,
      );
      await page.goto("/city/review?month=2023-10");
      await page.locator('tr[data-district="anxi"]').getByRole("link", { name: /审核/ }).click();
      const changed = page.locator('tr[data-changed="1"]');
      await expect(changed).toHaveCount(1);
      await expect(changed).toContainText("城建项目完成投资");
      await expect(changed).toContainText("已修改");
    });

    test("a month locks only when every district is approved, and unlocking records a reason", async ({ page }) => {
      await page.goto("/city/periods");
      await page.locator('tr[data-month="2023-10"]').getByRole("button", { name: /锁定/ }).click();
      await expect(page.locator('tr[data-month="2023-10"]')).toContainText("不能锁定");
      await page.locator('tr[data-month="2023-09"]').getByRole("button", { name: /锁定/ }).click();
      await expect(page.locator('tr[data-month="2023-09"]')).toContainText("已锁定");
      await page.locator('tr[data-month="2023-09"]').getByRole("button", { name: /解锁/ }).click();
      await expect(page.locator('tr[data-month="2023-09"]')).toContainText("请写明解锁原因");
      await page.locator('tr[data-month="2023-09"]').getByLabel(/解锁原因/).fill("晋江补报九月园区数据");
      await page.locator('tr[data-month="2023-09"]').getByRole("button", { name: /解锁/ }).click();
      await expect(page.locator('tr[data-month="2023-09"]')).toContainText("开放填报");
      const audit = await queryOne<{ after: string }>("select after from audit_events where action = 'period.unlock' order by id desc limit 1");
      expect(audit?.after).toContain("晋江补报九月园区数据");
    });
  });
});

test.describe("locked months", () => {
  test("a locked month is shown read-only", async ({ page }) => {
    await clerkOf(page, "luojiang");
    await page.goto("/district/figures?month=2023-03");
    await expect(page.getByText("本月已锁定，不能修改")).toBeVisible();
    await expect(page.getByRole("button", { name: "保存草稿" })).toHaveCount(0);
  });

  test("a save posted directly for a month that has since been locked changes nothing", async ({ page }, info) => {
    const username = await clerkOf(page, "dehua");
    await run("update monthly_reports set status = 'draft' where district_id = (select id from districts where code = 'dehua') and period_id = (select id from periods where month = '2023-08')");
    await page.goto("/district/figures?month=2023-08");
    const urban = await indicatorId("urban_investment");
    await page.locator(`#m_${urban}`).fill("1.23");
    const captured = await captureAction(page, () => page.getByRole("button", { name: "保存草稿" }).click());
    await page.context().storageState({ path: authFile(username) });
    await run("update periods set locked = 1 where month = '2023-08'");
    try {
      const before = await snapshotState();
      const ctx = await requestAs(info.project.use.baseURL!, authFile(username));
      const res = await replay(ctx, captured);
      expect(res.status()).toBe(403);
      expect(await snapshotState()).toBe(before);
      // The refusal is on record, with the clerk and the month's state that decided it.
      const denied = await queryOne<{ action: string; actor_name: string; after: string }>("select action, actor_name, after from audit_events where outcome = 'denied' order by id desc limit 1");
      expect(denied).toMatchObject({ action: "report.edit", actor_name: username });
      expect(JSON.parse(denied!.after)).toMatchObject({ state: "locked" });
      await ctx.dispose();
    } finally {
      await run("update periods set locked = 0 where month = '2023-08'");
    }
  });

  test("another district's clerk cannot save into this district's month", async ({ page }, info) => {
    await clerkOf(page, "luojiang");
    await page.goto("/district/figures?month=2023-10&district=jinjiang");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("洛江区");
    const urban = await indicatorId("urban_investment");
    await page.locator(`#m_${urban}`).fill("5.55");
    const captured = await captureAction(page, () => page.getByRole("button", { name: "保存草稿" }).click());
    // The same request from the jinjiang clerk writes to jinjiang (the session decides), never to luojiang.
    const before = await stored("luojiang", "2023-10", "urban_investment");
    const ctx = await requestAs(info.project.use.baseURL!, authFile("jinjiang"));
    await replay(ctx, captured);
    await ctx.dispose();
    expect(await stored("luojiang", "2023-10", "urban_investment")).toEqual(before);
  });
});

test.describe("department editors", () => {
  test("the industry bureau fills only its own indicators for a district, and cannot submit the district's month", async ({ page }) => {
    const username = uniqueName("gxj");
    await createUser({ username, password: PASSWORD, role: "department_editor", department: "gxj" });
    await signIn(page, username, PASSWORD);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("市工业和信息化局");
    await page.goto("/district/figures?month=2023-10&district=luojiang");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("洛江区");
    await expect(page.locator("tr[data-indicator-row]")).toHaveCount(4);
    await expect(page.locator("tbody")).not.toContainText("城建项目完成投资");
    await expect(page.getByRole("button", { name: "保存并报送" })).toHaveCount(0);
    const area = await indicatorId("standard_park_area_started");
    await page.locator(`#m_${area}`).fill("35");
    await page.getByRole("button", { name: "保存草稿" }).click();
    await expect(page.locator("form [role=status]")).toContainText("已保存草稿");
    expect(await stored("luojiang", "2023-10", "standard_park_area_started")).toMatchObject({ value: 3500 });
  });

  test("a department that owns no reported indicator is told so", async ({ page }) => {
    const username = uniqueName("swj");
    await createUser({ username, password: PASSWORD, role: "department_editor", department: "swj" });
    await signIn(page, username, PASSWORD);
    await page.goto("/district/figures?month=2023-10&district=nanan");
    await expect(page.getByText("没有需要您填报的指标")).toBeVisible();
  });
});
