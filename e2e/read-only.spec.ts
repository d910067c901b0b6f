import { expect, request as playwrightRequest, test, type APIRequestContext, type Browser } from "./support/test";
import type { Client } from "@libsql/client";
import { totpCode } from "@/domain/totp";
import { disposeOwnServer, ownPort, signInAt, startOwnServer, type OwnServer } from "./support/own-server";
import { DEMO_ADMIN_TOTP_SECRET, DEMO_PASSWORD } from "./support/users";

/*
 * Reading never writes (issue #17): a GET of every staff page, by the office, a leader, a
 * district clerk and a department, leaves the database exactly as it was — no data_version bump
 * (which would throw away every cached rollup), no audit row, no escalated order. The server is
 * our own with the escalation timer off (startOwnServer's default), so an overdue order that
 * changes can only have been changed by a page read.
 *
 * Not compared: user_sessions.last_seen_at, which a signed-in request refreshes at most once a
 * minute (data: false, no data_version bump) to enforce the idle timeout.
 */

let own: OwnServer | undefined;
test.afterAll(async () => disposeOwnServer(own));

async function one(db: Client, sql: string, args: (string | number)[] = []): Promise<Record<string, unknown>> {
  const r = (await db.execute({ sql, args })).rows[0];
  if (!r) throw new Error(`no row: ${sql}`);
  return r as unknown as Record<string, unknown>;
}

/** Every row of every table (user_sessions without last_seen_at), the data version and the audit count. */
async function everything(db: Client): Promise<{ dataVersion: unknown; audited: number; tables: Record<string, string> }> {
  const names = (await db.execute("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name")).rows.map((r) => String(r.name));
  const tables: Record<string, string> = {};
  for (const name of names) {
    const rows = await db.execute(`select * from "${name}" order by rowid`);
    const cols = rows.columns.filter((c) => !(name === "user_sessions" && c === "last_seen_at"));
    tables[name] = JSON.stringify(rows.rows.map((r) => cols.map((c) => r[c])));
  }
  const dataVersion = (await one(db, "select coalesce((select value from app_meta where key = 'data_version'), '0') as v")).v;
  const audited = Number((await one(db, "select count(*) as n from audit_events")).n);
  return { dataVersion, audited, tables };
}

async function signedIn(browser: Browser, base: string, username: string): Promise<APIRequestContext> {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  if (username === "admin") {
    await page.goto(`${base}/login`);
    await page.getByLabel("用户名").fill("admin");
    await page.getByLabel("密码", { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "登录" }).click();
    await page.getByLabel("动态验证码或恢复码").fill(totpCode(DEMO_ADMIN_TOTP_SECRET, Date.now()));
    await page.getByRole("button", { name: "验证并登录" }).click();
    await page.waitForURL(/\/(city|district|account)\b/);
  } else {
    await signInAt(page, base, username, DEMO_PASSWORD);
  }
  const api = await playwrightRequest.newContext({ baseURL: base, storageState: await ctx.storageState() });
  await ctx.close();
  return api;
}

test("a GET of every staff page, by every kind of signed-in user, writes nothing", async ({ browser }) => {
  test.setTimeout(180_000);
  own = await startOwnServer({ port: ownPort(5) });
  const db = own.db();
  try {
    const campaign = Number((await one(db, "select id from campaigns where year = 2023")).id);
    const admin = Number((await one(db, "select id from users where username = 'admin'")).id);
    const jinjiang = Number((await one(db, "select id from districts where code = 'jinjiang'")).id);
    const shangwu = await one(db, "select department_id as id from users where username = 'shangwu'");
    // Overdue orders the escalation timer (off here) has not reached: a read that escalates changes them.
    const overdue = "insert into supervision_orders (campaign_id, code, subject_type, district_id, department_id, issue, requirement, deadline_on, level, status, issued_by) values (?, ?, 'other', ?, ?, '只读检查：逾期未办结', '按期反馈', '2023-11-01', 'general', 'open', ?)";
    await db.execute({ sql: overdue, args: [campaign, "RO-DISTRICT", jinjiang, null, admin] });
    await db.execute({ sql: overdue, args: [campaign, "RO-DEPT", null, Number(shangwu.id), admin] });
    const districtOrder = Number((await one(db, "select id from supervision_orders where code = 'RO-DISTRICT'")).id);
    const deptOrder = Number((await one(db, "select id from supervision_orders where code = 'RO-DEPT'")).id);
    const id = async (sql: string) => Number((await one(db, sql, [jinjiang])).id);
    const indicator = await one(db, "select id, code from indicators where campaign_id = (select id from campaigns where year = 2023) order by sort_order limit 1");
    const report = await id("select id from monthly_reports where district_id = ? order by id desc limit 1");
    const figure = await id("select f.indicator_id as id from figure_values f join monthly_reports r on r.id = f.report_id join periods p on p.id = r.period_id where r.district_id = ? and p.month = '2023-09' limit 1");
    const user = await id("select id from users where district_id = ? limit 1");
    const park = await id("select id from parks where district_id = ? limit 1");
    const problem = await id("select id from problems where district_id = ? limit 1");
    const project = await id("select id from projects where district_id = ? limit 1");
    const signing = await id("select id from signings where district_id = ? limit 1");

    const setup = `/city/setup/campaigns/${campaign}`;
    const pages: Record<string, string[]> = {
      admin: [
        "/city", "/city/audit", `/city/audit/figure?district=${jinjiang}&month=2023-09&indicator=${figure}`, "/city/bulletin", "/city/completeness", "/city/corrections", "/city/districts/jinjiang", `/city/indicators/${String(indicator.code)}`,
        "/city/lagging", "/city/lockouts", "/city/meeting", "/city/orders", "/city/orders?overdue=1", `/city/orders/${districtOrder}`, `/city/orders/${deptOrder}`, "/city/orders/new", "/city/periods", "/city/projects", "/city/rankings",
        "/city/review", `/city/review/${report}`, "/city/setup", setup, `${setup}/actions`, `${setup}/indicators`, `${setup}/indicators/${Number(indicator.id)}`, `${setup}/indicators/new`, `${setup}/periods`,
        `${setup}/projects`, `${setup}/targets`, `${setup}/targets/${Number(indicator.id)}`, "/city/setup/campaigns/new", "/city/setup/districts", "/city/setup/sectors", "/city/users", `/city/users/${user}`,
        "/city/users/bulk", "/city/users/new", "/account", "/account/two-factor",
      ],
      leader: ["/city", "/city/districts/jinjiang", `/city/indicators/${String(indicator.code)}`, "/city/lagging", "/city/projects", "/city/rankings", "/city/bulletin", "/city/completeness", "/account"],
      jinjiang: [
        "/district", "/district/figures", "/district/figures?month=2023-10", "/district/orders", `/district/orders/${districtOrder}`, "/district/parks", `/district/parks/${park}`, "/district/problems", `/district/problems/${problem}`,
        "/district/problems/new", "/district/projects", `/district/projects/${project}`, "/district/projects/new", "/district/projects/progress", "/district/signings", `/district/signings/${signing}`, "/district/signings/new",
        "/account", "/account/password",
      ],
      shangwu: ["/district", "/district/orders", `/district/orders/${deptOrder}`, "/account"],
    };

    const clients = Object.fromEntries(await Promise.all(Object.keys(pages).map(async (u) => [u, await signedIn(browser, own!.baseURL, u)] as const)));
    const before = await everything(db);
    const notShown: string[] = [];
    for (const [username, urls] of Object.entries(pages)) {
      for (const url of urls) {
        const res = await clients[username]!.get(url, { maxRedirects: 0 });
        if (res.status() !== 200) notShown.push(`${username} GET ${url}: ${res.status()}`);
      }
    }
    expect(notShown, "every page answers 200 (it was really rendered)").toEqual([]);
    // The orders look overdue and one level up on the pages, computed at read time.
    const list = await (await clients.admin!.get("/city/orders?overdue=1")).text();
    expect(list).toContain("RO-DISTRICT");
    const home = await (await clients.jinjiang!.get("/district")).text();
    expect(home).toMatch(/RO-DISTRICT<\/a>[^]*?data-order-level="key"[^>]*>重点督办<\/span><span[^>]*>已逾期 (?:<!-- -->)?\d+/);
    const after = await everything(db);

    expect(after.dataVersion, "data_version after reading every page").toBe(before.dataVersion);
    expect(after.audited, "audit rows after reading every page").toBe(before.audited);
    for (const name of Object.keys(before.tables)) expect(after.tables[name], `table ${name} after reading every page`).toBe(before.tables[name]);
    const stored = await one(db, "select level, escalations from supervision_orders where id = ?", [districtOrder]);
    expect({ level: stored.level, escalations: Number(stored.escalations) }).toEqual({ level: "general", escalations: 0 });
    await Promise.all(Object.values(clients).map((c) => c.dispose()));
  } finally {
    db.close();
  }
});
