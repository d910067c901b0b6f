import { expect, test } from "./support/test";
import { authFile } from "./support/auth-file";
import { queryOne, run } from "./support/users";

/*
 * Issue 15, history back-fill: the campaign office marks a month as entered late on purpose
 * (历史补录, with a reason) on 月份与锁定; the bulletin then counts its late submissions as 补录,
 * not 截止后报送, and the district home no longer calls an unsent month of it 已逾期. Lateness is
 * otherwise against the month's own deadline. Works on the 2023 demo and clears its marks after.
 */

test.describe("history back-fill", () => {
  test("a month marked as historical entry is not reported late in the bulletin nor overdue on the district home", async ({ browser }) => {
    test.setTimeout(90_000);
    const admin = await (await browser.newContext({ storageState: authFile("admin") })).newPage();
    const clerk = await (await browser.newContext({ storageState: authFile("jinjiang") })).newPage();
    // A demo month with reports submitted after its own deadline.
    const late = (await queryOne<{ month: string; n: number }>(
      `select p.month as month, count(*) as n from monthly_reports r join periods p on p.id = r.period_id join campaigns c on c.id = p.campaign_id
       where c.slug = 'quanzhou-2023' and r.submitted_at is not null and date(r.submitted_at, '+8 hours') > p.due_on and r.status = 'approved'
       group by p.month order by p.month desc limit 1`,
    ))!;
    expect(Number(late.n)).toBeGreaterThan(0);
    // The bulletin counts every sent report of that month (other specs may have resubmitted one): count them the same way.
    const sentLate = Number((await queryOne<{ n: number }>(
      `select count(*) as n from monthly_reports r join periods p on p.id = r.period_id join campaigns c on c.id = p.campaign_id
       where c.slug = 'quanzhou-2023' and p.month = ? and r.status <> 'draft' and r.submitted_at is not null and date(r.submitted_at, '+8 hours') > p.due_on`,
      [late.month],
    ))!.n);
    const label = `${Number(late.month.slice(0, 4))}年${Number(late.month.slice(5))}月`;
    try {
      await admin.goto(`/city/bulletin?month=${late.month}`);
      const section = admin.locator("section").filter({ has: admin.getByRole("heading", { name: "五、月报报送情况" }) });
      await expect(section).toContainText("截止后报送");

      // The review page calls them 逾期报送 before the mark.
      await admin.goto(`/city/review?month=${late.month}`);
      const lateRows = admin.locator("tr[data-district]", { hasText: "逾期报送" });
      await expect(admin.locator("tr[data-district]").first()).toBeVisible();
      const lateOnReview = await lateRows.count();
      expect(lateOnReview).toBeGreaterThan(0);

      // Jinjiang's October is an unsent draft past its deadline: 已逾期.
      await clerk.goto("/district");
      await expect(clerk.getByText("已逾期", { exact: true })).toBeVisible();

      // The office marks both months as historical entry, with a reason.
      await admin.goto("/city/periods");
      for (const [month, name] of [[late.month, label], ["2023-10", "2023年10月"]] as const) {
        const row = admin.locator(`tr[data-month="${month}"]`);
        await row.getByLabel(`${name}补录原因`).fill("系统上线前的月份集中补录");
        await row.getByRole("button", { name: /^标为历史补录/ }).click();
        await expect(row.locator("[data-historical]")).toContainText("已标为历史补录：系统上线前的月份集中补录");
      }
      expect(await queryOne("select count(*) as n from audit_events where action = 'period.historical'")).toMatchObject({ n: 2 });

      await admin.goto(`/city/bulletin?month=${late.month}`);
      await expect(section).not.toContainText("截止后报送");
      await expect(section).toContainText(`补录 ${sentLate} 个（本月由专项办标为历史补录：系统上线前的月份集中补录，不计迟报）`);

      await admin.goto(`/city/review?month=${late.month}`);
      await expect(admin.locator("tr[data-district]", { hasText: "补录" })).toHaveCount(lateOnReview);
      await expect(lateRows).toHaveCount(0);

      await clerk.goto("/district");
      await expect(clerk.getByRole("heading", { name: "2023年10月月报" })).toBeVisible();
      await expect(clerk.getByText("已逾期", { exact: true })).toHaveCount(0);
    } finally {
      await run("update periods set historical = 0, historical_reason = null where month in (?, '2023-10') and campaign_id = (select id from campaigns where slug = 'quanzhou-2023')", [late.month]);
    }
  });
});
