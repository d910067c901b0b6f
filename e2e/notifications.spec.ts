import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type Browser, type Page } from "./support/test";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { authFile } from "./support/auth-file";
import { signIn } from "./support/login";
import { createUser, queryOne, run, uniqueName } from "./support/users";

/*
 * Notifications reach people: a real SMTP sink (smtp-server on 127.0.0.1) and a webhook receiver
 * (node http) run inside the test; the server was told the sink's port (playwright.config.ts).
 * The timers' work is run on demand through POST /api/test/notifications (test hook).
 */

const PASSWORD = "Notify-spec-password-1";
const smtpPort = Number(process.env.E2E_SMTP_PORT);
const hookPort = Number(process.env.E2E_HOOK_PORT);

interface Sink {
  mails: ParsedMail[];
  refuse: boolean;
  close: () => Promise<void>;
}

async function startSmtpSink(): Promise<Sink> {
  const sink: Sink = { mails: [], refuse: false, close: async () => undefined };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(_address, _session, cb) {
      // A refusing server: the mailbox is "temporarily unavailable".
      if (sink.refuse) return cb(Object.assign(new Error("Mailbox busy, try later"), { responseCode: 451 }));
      cb();
    },
    onData(stream, _session, cb) {
      simpleParser(stream)
        .then((mail) => {
          sink.mails.push(mail);
          cb();
        })
        .catch(cb);
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(smtpPort, "127.0.0.1", () => resolve());
  });
  sink.close = () => new Promise((r) => server.close(() => r()));
  return sink;
}

interface Hook {
  calls: { path: string; contentType: string; body: unknown }[];
  close: () => Promise<void>;
}

async function startWebhookReceiver(): Promise<Hook> {
  const hook: Hook = { calls: [], close: async () => undefined };
  const server = http.createServer((req, res) => {
    let text = "";
    req.setEncoding("utf8");
    req.on("data", (c: string) => (text += c));
    req.on("end", () => {
      hook.calls.push({ path: req.url ?? "", contentType: req.headers["content-type"] ?? "", body: JSON.parse(text) });
      res.writeHead(200, { "content-type": "application/json" });
      res.end('{"errcode":0,"errmsg":"ok"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(hookPort, "127.0.0.1", () => resolve()));
  expect((server.address() as AddressInfo).port).toBe(hookPort);
  hook.close = () => new Promise((r) => server.close(() => r()));
  return hook;
}

let sink: Sink;
let hook: Hook;

test.beforeAll(async () => {
  sink = await startSmtpSink();
  hook = await startWebhookReceiver();
});
test.afterAll(async () => {
  await sink.close();
  await hook.close();
});

/** Runs escalation and one worker pass now (or as if at `now`), as the timers would. */
async function runTimers(admin: Page, now?: Date) {
  const res = await admin.request.post("/api/test/notifications", { headers: { origin: new URL(admin.url()).origin, "content-type": "application/json" }, data: now ? { now: now.toISOString() } : {} });
  expect(res.status()).toBe(200);
  return (await res.json()) as { escalated: number; reminders: number; digests: number; sent: number; failed: number };
}

/** A new clerk of the district, signed in, with a notification email set through the settings form. */
async function clerkWithEmail(browser: Browser, district: string): Promise<{ page: Page; email: string; id: number }> {
  const page = await (await browser.newContext({ storageState: undefined })).newPage();
  const username = uniqueName(`ntf${district}`);
  const id = await createUser({ username, password: PASSWORD, district });
  await signIn(page, username, PASSWORD);
  const email = `${username}@example.test`;
  await page.goto("/account/notifications/settings");
  await page.getByLabel("接收通知的邮箱").fill(email);
  await page.getByRole("button", { name: "保存接收设置" }).click();
  await expect(page.getByRole("status").filter({ hasText: "接收设置已保存" })).toBeVisible();
  return { page, email, id };
}

async function issueOrder(admin: Page, district: string): Promise<{ id: string; code: string }> {
  await admin.goto(`/city/orders/new?subject=indicator&indicator=key_projects_started&district=${district}&month=2023-09`);
  await admin.getByRole("button", { name: "下达督办单" }).click();
  await expect(admin).toHaveURL(/\/city\/orders\/\d+\?issued=1/, { timeout: 20_000 });
  const id = admin.url().match(/\/city\/orders\/(\d+)/)![1]!;
  const row = await queryOne<{ code: string }>("select code from supervision_orders where id = ?", [Number(id)]);
  return { id, code: row!.code };
}

const mailsTo = (address: string) => sink.mails.filter((m) => m.to && !Array.isArray(m.to) && m.to.value.some((v) => v.address === address));

test.describe("notifications", () => {
  test.describe.configure({ timeout: 90_000 });
  test.use({ storageState: authFile("admin") });

  test("a returned month reaches the district clerk: bell count, the list with the comment, and an email", async ({ page, browser }) => {
    const clerk = await clerkWithEmail(browser, "licheng");
    // Setup: licheng's October report waiting for review, whatever earlier specs did with it.
    await run(`update monthly_reports set status = 'submitted', version = version + 1 where district_id = (select id from districts where code = 'licheng') and period_id = (select id from periods where month = '2023-10')`);
    const report = await queryOne<{ id: number }>(`select r.id from monthly_reports r join periods p on p.id = r.period_id where p.month = '2023-10' and r.district_id = (select id from districts where code = 'licheng')`);

    await page.goto(`/city/review/${report!.id}`);
    await page.getByLabel("退回意见").fill("固定资产投资请与项目台账核对后重报");
    await page.getByRole("button", { name: "退回修改" }).click();
    await expect(page.getByRole("status").filter({ hasText: "已退回" }).first()).toBeVisible();

    await clerk.page.goto("/district");
    await expect(clerk.page.locator("[data-bell] [data-unread-count]")).toHaveText("1");
    await clerk.page.locator("[data-bell]").click();
    const item = clerk.page.getByRole("list", { name: "消息列表" }).getByRole("listitem");
    await expect(item).toHaveCount(1);
    await expect(item).toContainText("鲤城区2023年10月月报被专项办退回，退回意见：固定资产投资请与项目台账核对后重报");
    await expect(item.getByRole("link", { name: "查看" })).toHaveAttribute("href", "/district/figures?month=2023-10");

    const result = await runTimers(page);
    expect(result.sent).toBeGreaterThanOrEqual(1);
    const mails = mailsTo(clerk.email).filter((m) => m.subject?.includes("月报被专项办退回"));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toContain("鲤城区2023年10月月报被专项办退回");
    expect(mails[0]!.text).toContain("退回意见：固定资产投资请与项目台账核对后重报");
    const log = await queryOne<{ status: string; attempts: number; channel: string }>("select status, attempts, channel from outbox_messages where user_id = ? and kind = 'month_returned'", [clerk.id]);
    expect(log).toEqual({ status: "sent", attempts: 1, channel: "email" });

    await clerk.page.getByRole("button", { name: "标为已读", exact: true }).click();
    await expect(clerk.page.locator("[data-bell] [data-unread-count]")).toHaveCount(0);
    await expect(clerk.page.getByText("没有未读消息")).toBeVisible();
  });

  test("an overdue order calls the district's group robot with the text body 企业微信 and 钉钉 accept", async ({ page, browser }) => {
    const clerk = await clerkWithEmail(browser, "dehua");
    await clerk.page.getByLabel("名称").fill("德化县项目调度群");
    await clerk.page.getByLabel("Webhook 地址").fill("ftp://127.0.0.1/robot");
    await clerk.page.getByRole("button", { name: "添加" }).click();
    await expect(clerk.page.locator("#url-error")).toContainText("只支持 http(s) 地址");
    await clerk.page.getByLabel("Webhook 地址").fill("http://10.0.0.8/robot");
    await clerk.page.getByRole("button", { name: "添加" }).click();
    await expect(clerk.page.locator("#url-error")).toContainText("指向内网、本机或保留地址");
    expect(await queryOne("select id from webhook_endpoints where url like 'http://10.0.0.8%'")).toBeUndefined();
    await clerk.page.getByLabel("Webhook 地址").fill(`http://127.0.0.1:${hookPort}/robot/send?key=dehua`);
    await clerk.page.getByRole("button", { name: "添加" }).click();
    await expect(clerk.page.getByRole("status").filter({ hasText: "已添加群机器人“德化县项目调度群”" })).toBeVisible();

    const order = await issueOrder(page, "dehua");
    await run("update supervision_orders set deadline_on = '2023-11-01' where id = ?", [Number(order.id)]);
    const before = hook.calls.length;
    const result = await runTimers(page);
    expect(result.escalated).toBeGreaterThanOrEqual(1);
    const calls = hook.calls.slice(before).filter((c) => JSON.stringify(c.body).includes(order.code));
    expect(calls).toHaveLength(1);
    expect(calls[0]!.path).toBe("/robot/send?key=dehua");
    expect(calls[0]!.contentType).toContain("application/json");
    expect(calls[0]!.body).toEqual({ msgtype: "text", text: { content: `【推进】督办单 ${order.code} 已逾期（期限 2023-11-01），已升为重点督办，请立即办理反馈` } });
  });

  test("a daily digest groups the day's events into one message", async ({ page, browser }) => {
    const clerk = await clerkWithEmail(browser, "anxi");
    const first = await issueOrder(page, "anxi");
    const second = await issueOrder(page, "anxi");
    await runTimers(page);
    expect(mailsTo(clerk.email)).toHaveLength(0);

    // The next day (Asia/Shanghai) the day's digest goes out: one message with both orders.
    const tomorrow = new Date(Date.now() + 24 * 3_600_000);
    await runTimers(page, tomorrow);
    const mails = mailsTo(clerk.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toMatch(/^推进平台 \d{4}年\d{1,2}月\d{1,2}日消息汇总（2 条）$/);
    expect(mails[0]!.text).toContain(`1. 收到督办单 ${first.code}`);
    expect(mails[0]!.text).toContain(`2. 收到督办单 ${second.code}`);
  });

  test("a refusing mail server is retried with backoff and recorded; the 催报 itself succeeded", async ({ page, browser }) => {
    const clerk = await clerkWithEmail(browser, "luojiang");
    await run(`update monthly_reports set status = 'draft' where district_id = (select id from districts where code = 'luojiang') and period_id = (select id from periods where month = '2023-10')`);
    sink.refuse = true;
    await page.goto("/city/completeness");
    const form = page.getByRole("form", { name: /催报/ });
    await form.getByLabel("区县").selectOption({ label: "洛江区（草稿未报）" });
    await form.getByRole("button", { name: "发送催报" }).click();
    await expect(form.getByRole("status")).toHaveText("已向洛江区发送催报（1 个区县）");

    const failedAt = new Date();
    const first = await runTimers(page, failedAt);
    expect(first.failed).toBeGreaterThanOrEqual(1);
    const row = await queryOne<{ id: number; status: string; attempts: number; last_error: string; next_attempt_at: string }>("select id, status, attempts, last_error, next_attempt_at from outbox_messages where user_id = ? and kind = 'deadline_reminder'", [clerk.id]);
    expect(row).toMatchObject({ status: "pending", attempts: 1 });
    expect(row!.last_error).toContain("451");
    expect(Date.parse(row!.next_attempt_at) - failedAt.getTime()).toBe(60_000);
    await clerk.page.goto("/account/notifications");
    await expect(clerk.page.getByRole("list", { name: "消息列表" })).toContainText("专项办催报：洛江区2023年10月月报（截止11月5日）尚未报送，请尽快报送");

    // Not due again yet: no new attempt. Then the server accepts, and the retry is delivered.
    sink.refuse = false;
    await runTimers(page, new Date(failedAt.getTime() + 30_000));
    expect(mailsTo(clerk.email)).toHaveLength(0);
    await runTimers(page, new Date(row!.next_attempt_at));
    expect(mailsTo(clerk.email)).toHaveLength(1);
    const after = await queryOne<{ status: string; attempts: number }>("select status, attempts from outbox_messages where id = ?", [row!.id]);
    expect(after).toEqual({ status: "sent", attempts: 2 });
  });
});
