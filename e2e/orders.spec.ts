import { expect, test, type Browser, type Page } from "./support/test";
import { captureAction, replay, requestAs, snapshotState } from "./support/actions";
import { authFile } from "./support/auth-file";
import { signIn } from "./support/login";
import { createUser, queryOne, run, uniqueName } from "./support/users";
import { openDatabase } from "@/db/client";
import { escalateOverdueOrders } from "@/db/mutations/orders";
import { todayInShanghai } from "@/domain/months";

/* Closed-loop dispatch: issue → respond → return → respond → close, escalation, and scope. */

const PASSWORD = "Orders-spec-password-1";

async function clerk(browser: Browser, district: string): Promise<Page> {
  // No saved sign-in: a clerk context must not inherit the admin session of a describe's test.use.
  const page = await (await browser.newContext({ storageState: undefined })).newPage();
  const username = uniqueName(`ord${district}`);
  await createUser({ username, password: PASSWORD, district });
  await signIn(page, username, PASSWORD);
  return page;
}

async function issueFromLaggingIndicator(page: Page, district: string, indicator = "key_projects_started"): Promise<string> {
  await page.goto(`/city/orders/new?subject=indicator&indicator=${indicator}&district=${district}&month=2023-09`);
  const issue = page.getByLabel("存在问题（已按数据预填，可修改）");
  await expect(issue).toHaveValue(/截至2023年9月：完成 \d+\.\d%，序时 75\.0%/);
  await page.getByRole("button", { name: "下达督办单" }).click();
  await expect(page).toHaveURL(/\/city\/orders\/\d+\?issued=1/);
  return page.url().match(/\/city\/orders\/(\d+)/)![1]!;
}

test.describe("the dispatch loop", () => {
  test.describe.configure({ timeout: 120_000 });
  test.use({ storageState: authFile("admin") });

  test("an order issued from a lagging indicator is answered, sent back, answered again and closed", async ({ page, browser }) => {
    const id = await issueFromLaggingIndicator(page, "taishang", "key_investment");
    await expect(page.locator("[data-order-status]")).toHaveText("待办理");

    const district = await clerk(browser, "taishang");
    await district.goto("/district");
    const waiting = district.getByRole("region", { name: "待办督办单" });
    await expect(waiting).toContainText("市重点项目完成投资");
    await waiting.getByRole("link", { name: /^DB-/ }).first().click();
    await expect(district).toHaveURL(new RegExp(`/district/orders/${id}$`));
    await district.getByLabel("原因分析").fill("部分项目用地报批滞后");
    await district.getByLabel("整改措施").fill("协调自然资源局加快报批，倒排工期");
    await district.getByLabel("预计完成日期").fill("2023-12-15");
    await district.getByRole("button", { name: "提交反馈，申请销号" }).click();
    await expect(district.getByText("已反馈，等待市里审核销号")).toBeVisible();

    await page.goto(`/city/orders/${id}`);
    await expect(page.locator("[data-order-status]")).toHaveText("已反馈，待销号");
    await page.getByRole("button", { name: "退回重办" }).click();
    await expect(page.locator("#comment-error")).toContainText("请写明退回原因");
    await page.getByLabel("退回意见").fill("措施不具体，请明确责任人和节点");
    await page.getByRole("button", { name: "退回重办" }).click();
    await expect(page.locator("[data-order-status]")).toHaveText("已退回，重新办理");

    await district.goto(`/district/orders/${id}`);
    await expect(district.getByText("退回意见：措施不具体，请明确责任人和节点")).toBeVisible();
    await district.getByLabel("整改措施").fill("由区发改局牵头，11月底前完成报批");
    await district.getByRole("button", { name: "提交反馈，申请销号" }).click();
    await expect(district.getByText("已反馈，等待市里审核销号")).toBeVisible();

    await page.goto(`/city/orders/${id}`);
    await page.getByRole("button", { name: "同意销号" }).click();
    await expect(page.locator("[data-order-status]")).toHaveText("已销号");
    await expect(page.locator("[data-order-status]")).toHaveText("已销号");
    const steps = page.getByRole("list", { name: "办理过程" }).getByRole("listitem");
    await expect(steps).toHaveCount(5);
    const audit = await queryOne<{ n: number }>("select count(*) as n from audit_events where entity = 'supervision_order' and entity_id = ?", [id]);
    expect(Number(audit?.n)).toBe(5);
  });

  test("an overdue order escalates one level and stands out", async ({ page }) => {
    const id = await issueFromLaggingIndicator(page, "taishang");
    await run("update supervision_orders set deadline_on = '2023-11-01' where id = ?", [id]);
    await page.goto("/city/orders?overdue=1");
    const row = page.locator(`li[data-order]`).filter({ has: page.locator(`a[href="/city/orders/${id}"]`) });
    await expect(row.locator("[data-order-level]")).toHaveText("重点督办");
    await expect(row).toContainText("已逾期");
    await page.goto("/city/orders");
    await expect(page.locator('tr[data-district="taishang"] [data-col="overdue"]')).not.toHaveText("0");
    // Reading shows the level computed from the deadline (e2e/read-only.spec.ts: without writing);
    // the step is stored by the escalation timer (run here as its tick runs it), once, and the
    // page then shows the same level, not one more.
    const open = await openDatabase(`file:${process.env.E2E_DB_FILE}`);
    try {
      await escalateOverdueOrders(open, todayInShanghai());
    } finally {
      open.close();
    }
    const again = await queryOne<{ level: string; escalations: number }>("select level, escalations from supervision_orders where id = ?", [id]);
    expect(again).toEqual({ level: "key", escalations: 1 });
    await page.goto("/city/orders?overdue=1");
    await expect(row.locator("[data-order-level]")).toHaveText("重点督办");
  });

  test("when the underlying problem is resolved, the order says so", async ({ page }) => {
    const p = await queryOne<{ id: number }>("select id from problems where status <> 'resolved' and district_id = (select id from districts where code = 'anxi') limit 1");
    await page.goto(`/city/orders/new?subject=problem&problem=${p!.id}`);
    await expect(page.getByLabel("存在问题（已按数据预填，可修改）")).toHaveValue(/难题未解决/);
    await page.getByRole("button", { name: "下达督办单" }).click();
    await expect(page.locator("[data-recovered]")).toHaveAttribute("data-recovered", "0");
    await run("update problems set status = 'resolved', resolved_on = '2023-10-20', resolution_note = '已协调解决' where id = ?", [p!.id]);
    await page.reload();
    await expect(page.locator("[data-recovered]")).toHaveAttribute("data-recovered", "1");
    await expect(page.locator("[data-recovered]")).toContainText("该难题已解决");
  });
});

test.describe("who may see and answer an order", () => {
  test("another district's clerk can neither open nor answer the order, even over HTTP", async ({ browser }, info) => {
    const admin = await (await browser.newContext({ storageState: authFile("admin") })).newPage();
    const id = await issueFromLaggingIndicator(admin, "quangang");
    const owner = await clerk(browser, "quangang");
    await owner.goto(`/district/orders/${id}`);
    await owner.getByLabel("原因分析").fill("越权测试原因");
    await owner.getByLabel("整改措施").fill("越权测试措施");
    await owner.getByLabel("预计完成日期").fill("2023-12-31");
    const captured = await captureAction(owner, () => owner.getByRole("button", { name: "提交反馈，申请销号" }).click());

    const other = await clerk(browser, "licheng");
    const res = await other.goto(`/district/orders/${id}`);
    expect(res?.status()).toBe(403);
    await other.goto("/district/orders");
    await expect(other.locator(`a[href="/district/orders/${id}"]`)).toHaveCount(0);

    const file = info.outputPath("licheng.json");
    await other.context().storageState({ path: file });
    const before = await snapshotState();
    const ctx = await requestAs(info.project.use.baseURL!, file);
    await replay(ctx, captured);
    await ctx.dispose();
    expect(await snapshotState()).toBe(before);
    expect(await queryOne("select status from supervision_orders where id = ?", [id])).toEqual({ status: "open" });
  });

  test("a district clerk cannot issue orders", async ({ browser }) => {
    const page = await clerk(browser, "dehua");
    const res = await page.goto("/city/orders/new");
    expect(res?.status()).toBe(403);
  });

  test("two answers loaded from the same version: the second is refused, not overwritten", async ({ browser }) => {
    const admin = await (await browser.newContext({ storageState: authFile("admin") })).newPage();
    const id = await issueFromLaggingIndicator(admin, "yongchun");
    const a = await clerk(browser, "yongchun");
    const b = await clerk(browser, "yongchun");
    for (const p of [a, b]) {
      await p.goto(`/district/orders/${id}`);
      await p.getByLabel("原因分析").fill(p === a ? "甲的原因" : "乙的原因");
      await p.getByLabel("整改措施").fill(p === a ? "甲的措施" : "乙的措施");
      await p.getByLabel("预计完成日期").fill("2023-12-31");
    }
    await a.getByRole("button", { name: "提交反馈，申请销号" }).click();
    await expect(a.getByText("已反馈，等待市里审核销号")).toBeVisible();
    await b.getByRole("button", { name: "提交反馈，申请销号" }).click();
    await expect(b.locator("form [role=alert]")).toContainText("未保存");
    expect(await queryOne("select response_measures from supervision_orders where id = ?", [id])).toEqual({ response_measures: "甲的措施" });
  });
});

test("the dispatch meeting sheet lists open orders and lagging items by district", async ({ browser }) => {
  const admin = await (await browser.newContext({ storageState: authFile("admin") })).newPage();
  await issueFromLaggingIndicator(admin, "huian");
  await admin.goto("/city/meeting");
  await expect(admin.getByRole("heading", { level: 1 })).toContainText("重点项目调度会");
  const huian = admin.locator('article[data-district="huian"]');
  await expect(huian).toContainText("DB-");
  await expect(huian).toContainText("落后");
});

test("public district pages show issued and closed order counts, without details, only while the office turns them on", async ({ browser }) => {
  test.setTimeout(120_000);
  const admin = await (await browser.newContext({ storageState: authFile("admin") })).newPage();
  const citizen = await (await browser.newContext({ storageState: undefined })).newPage();
  const counts = async () => {
    const row = await queryOne<{ issued: number; closed: number }>(
      "select count(*) as issued, coalesce(sum(status = 'closed'), 0) as closed from supervision_orders o join districts d on d.id = o.district_id where d.code = 'anxi'",
    );
    return { issued: Number(row?.issued), closed: Number(row?.closed) };
  };
  const toggle = async (to: "在公开页面显示" | "停止公开") => {
    await admin.goto("/city/orders");
    await admin.getByRole("button", { name: to }).click();
    await expect(admin.getByText(`公开页面${to === "停止公开" ? "没有" : "正在"}显示各区县督办单的下达数和销号数`)).toBeVisible();
  };

  const issueText = await (async () => {
    await issueFromLaggingIndicator(admin, "anxi");
    return (await queryOne<{ issue: string }>("select issue from supervision_orders order by id desc limit 1"))!.issue;
  })();
  await citizen.goto("/districts/anxi");
  await expect(citizen.getByRole("heading", { level: 1 })).toHaveText("安溪县");
  await expect(citizen.getByRole("region", { name: "督办情况" })).toHaveCount(0);

  await toggle("在公开页面显示");
  try {
    let c = await counts();
    expect(c.issued).toBeGreaterThan(0);
    await citizen.goto("/districts/anxi");
    const region = citizen.getByRole("region", { name: "督办情况" });
    await expect(region).toContainText(`下发督办单 ${c.issued} 件，已销号 ${c.closed} 件`);
    // Counts only: the order's own text never reaches the public page.
    expect(await citizen.content()).not.toContain(issueText.slice(0, 20));
    await citizen.goto("/districts");
    await expect(citizen.locator('tr[data-district="anxi"] [data-orders-issued]')).toHaveText(String(c.issued));
    await citizen.goto("/en/districts/anxi");
    await expect(citizen.getByRole("region", { name: "Supervision orders" })).toContainText(`${c.issued} supervision order`);

    // A new order reaches the (cached) public page at once while the switch is on.
    await issueFromLaggingIndicator(admin, "anxi", "key_investment");
    c = await counts();
    await citizen.goto("/districts/anxi");
    await expect(region).toContainText(`下发督办单 ${c.issued} 件`);
  } finally {
    await toggle("停止公开");
  }
  await citizen.goto("/districts/anxi");
  await expect(citizen.getByRole("heading", { level: 1 })).toHaveText("安溪县");
  await expect(citizen.getByRole("region", { name: "督办情况" })).toHaveCount(0);
});
