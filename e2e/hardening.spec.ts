import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { expect, test, type Page } from "./support/test";
import { captureAction, type CapturedAction } from "./support/actions";
import { loginMessage, signIn, submitPassword } from "./support/login";
import { authFile } from "./support/auth-file";
import { createUser, queryOne, run, uniqueName } from "./support/users";

/*
 * Issue 14, the parts a request can probe: HTTPS behind a proxy, client addresses that cannot be
 * spoofed, Origin checks on mutations, and 4xx (never 500) for bad requests. Requests "from
 * another machine" are sent from other loopback addresses (127.0.0.2 …): on Linux all of
 * 127.0.0.0/8 reaches the server, and it sees that address on the socket.
 */

const PASSWORD = "Correct-horse-42";
const USER_MARK = "zzcaptureduserzz";
const PASS_MARK = "ZZcapturedpasswordZZ";

interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * One request over a fresh connection. With `expectContinue` the body is sent only after the
 * server's "100 Continue", as curl does for large bodies, so a refusal can come first.
 */
function send(baseURL: string, opts: { method?: string; path: string; headers?: Record<string, string>; body?: Buffer; from?: string; expectContinue?: boolean }): Promise<RawResponse> {
  const u = new URL(opts.path, baseURL);
  const headers = { ...opts.headers, ...(opts.expectContinue ? { expect: "100-continue" } : {}) };
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: u.hostname, port: u.port, path: u.pathname + u.search, method: opts.method ?? "GET", headers, localAddress: opts.from },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
      },
    );
    req.on("error", reject);
    if (opts.expectContinue) req.on("continue", () => req.end(opts.body));
    else req.end(opts.body);
  });
}

/** The sign-in form's server-action POST, captured (and aborted) with marker credentials to fill in later. */
async function captureSignIn(page: Page): Promise<CapturedAction> {
  return captureAction(page, async () => {
    await page.goto("/login");
    await page.getByLabel("用户名").fill(USER_MARK);
    await page.getByLabel("密码", { exact: true }).fill(PASS_MARK);
    await page.getByRole("button", { name: "登录" }).click();
  });
}

/** Posts the captured sign-in with these credentials, from a chosen address, with extra headers. */
function signInRequest(baseURL: string, a: CapturedAction, o: { username: string; password: string; from?: string; headers?: Record<string, string>; origin?: string | null }) {
  const body = Buffer.from(a.body.toString("utf8").replace(USER_MARK, o.username).replace(PASS_MARK, o.password), "utf8");
  const headers: Record<string, string> = { ...a.headers, ...o.headers, "content-length": String(body.length) };
  const origin = o.origin === undefined ? new URL(baseURL).origin : o.origin;
  if (origin !== null) headers.origin = origin;
  return send(baseURL, { method: "POST", path: new URL(a.url).pathname, headers, body, from: o.from });
}

const hasSession = (r: RawResponse) => (r.headers["set-cookie"] ?? []).some((c) => c.includes("authjs.session-token"));

test.describe("behind an HTTPS proxy", () => {
  const PUBLIC = [
    "/", "/actions", "/actions/battle_year", "/indicators/key_investment", "/districts", "/districts/quangang", "/projects", "/projects/page/2",
    "/projects/search?district=dehua", "/projects/DEMO-2023-0002", "/rankings", "/open-data", "/status", "/en", "/en/projects", "/en/rankings", "/api/v1/projects.json",
  ];

  test("every public URL answers 200 with X-Forwarded-Proto: https, Chinese pages included", async ({ request }) => {
    for (const path of PUBLIC) {
      const res = await request.get(path, { headers: { "x-forwarded-proto": "https" }, maxRedirects: 0 });
      expect(res.status(), path).toBe(200);
      // Public pages get their fixed policy from next.config.ts, the API its nonce policy from proxy.ts.
      expect(res.headers()["content-security-policy"], path).toContain("frame-ancestors 'none'");
      expect(res.headers()["content-security-policy"], path).toContain("upgrade-insecure-requests");
      expect(res.headers()["strict-transport-security"], path).toContain("max-age=");
    }
    const home = await request.get("/projects", { headers: { "x-forwarded-proto": "https" } });
    expect(await home.text()).toContain("项目列表");
    expect(home.headers()["strict-transport-security"]).toContain("max-age=");
  });
});

test.describe("client addresses", () => {
  test("the rightful user on her usual address still signs in while an attacker elsewhere fails five times", async ({ page, browser, baseURL }) => {
    const username = uniqueName("rightful");
    await createUser({ username, password: PASSWORD });
    await signIn(page, username, PASSWORD);
    await page.context().clearCookies();

    const action = await captureSignIn(page);
    for (let i = 1; i <= 4; i++) {
      const r = await signInRequest(baseURL!, action, { username, password: `Wrong-password-${i}`, from: "127.0.0.2" });
      expect(r.status).toBe(200);
      expect(r.body).toContain("用户名或密码错误");
    }
    const fifth = await signInRequest(baseURL!, action, { username, password: "Wrong-password-5", from: "127.0.0.2" });
    expect(fifth.body).toContain("已锁定 15 分钟");
    // The attacker, even with the right password now, stays locked out at that address…
    const guessed = await signInRequest(baseURL!, action, { username, password: PASSWORD, from: "127.0.0.2" });
    expect(guessed.body).toContain("已锁定至");
    expect(hasSession(guessed)).toBe(false);
    expect((await queryOne<{ n: number }>("select count(*) as n from lockouts where kind = 'username_address' and key = ?", [`${username}@127.0.0.2`]))?.n).toBe(1);

    // …while she signs in as usual from her own address.
    const ctx = await browser.newContext();
    const own = await ctx.newPage();
    await signIn(own, username, PASSWORD);
    await expect(own).toHaveURL(/\/district$/);
    await ctx.close();
  });

  test("throttling with spoofed X-Forwarded-For and no trusted proxy blocks the real address", async ({ page, baseURL }) => {
    const action = await captureSignIn(page);
    const from = "127.0.0.3";
    let last: RawResponse | null = null;
    for (let i = 0; i < 21; i++) {
      last = await signInRequest(baseURL!, action, {
        username: uniqueName("guess"),
        password: `Guess-${i}`,
        from,
        headers: { "x-forwarded-for": `10.20.${i}.1, 5.6.7.${i}`, "x-real-ip": `10.30.${i}.1` },
      });
    }
    expect(last!.body).toContain("本机地址失败次数过多");
    expect((await queryOne<{ n: number }>("select count(*) as n from lockouts where kind = 'address' and key = ? and lifted_at is null", [from]))?.n).toBe(1);
    const spoofed = await queryOne<{ n: number }>("select count(*) as n from login_attempts where client_address like '10.%' or client_address like '5.6.7.%'");
    expect(spoofed?.n).toBe(0);

    // A real user's right password from the blocked address is refused, whatever it claims to be.
    const username = uniqueName("blocked");
    await createUser({ username, password: PASSWORD });
    const r = await signInRequest(baseURL!, action, { username, password: PASSWORD, from, headers: { "x-forwarded-for": "198.51.100.77" } });
    expect(r.body).toContain("本机地址登录失败次数过多");
    expect(hasSession(r)).toBe(false);
    // The browser, on another address, is not affected.
    await submitPassword(page, username, PASSWORD);
    await expect(page).toHaveURL(/\/district$/);
  });
});

test.describe("the admin's notice", () => {
  test.use({ storageState: authFile("admin") });

  test("an account locked from unfamiliar addresses is announced on the lock-out page, and the admin can lift it", async ({ page }) => {
    const username = uniqueName("target");
    await run("insert into lockouts (kind, key, locked_until, failures) values ('username', ?, strftime('%Y-%m-%dT%H:%M:%fZ','now','+60 minutes'), 50)", [username]);
    await page.goto("/city/lockouts");
    await expect(page.getByRole("alert").filter({ hasText: "有账号可能正被人猜测密码" })).toContainText(username);
    const lift = page.getByRole("button", { name: `解除账号 ${username} 的锁定（不常用地址）` });
    await lift.click();
    await expect(lift).toHaveCount(0);
    expect(await queryOne("select lifted_at is not null as lifted from lockouts where kind = 'username' and key = ?", [username])).toEqual({ lifted: 1 });
  });
});

test.describe("Origin checks on mutations", () => {
  test("a server action without Origin is refused and does nothing", async ({ page, baseURL }) => {
    const action = await captureSignIn(page);
    const username = uniqueName("noorigin");
    const r = await signInRequest(baseURL!, action, { username, password: "Whatever-1", origin: null });
    expect(r.status).toBe(403);
    expect((await queryOne<{ n: number }>("select count(*) as n from login_attempts where username = ?", [username]))?.n).toBe(0);
  });

  test("a foreign Origin is refused even with a matching X-Forwarded-Host", async ({ page, baseURL }) => {
    const action = await captureSignIn(page);
    const username = uniqueName("foreign");
    const r = await signInRequest(baseURL!, action, { username, password: "Whatever-1", origin: "https://evil.example", headers: { "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" } });
    expect(r.status).toBe(403);
    expect((await queryOne<{ n: number }>("select count(*) as n from login_attempts where username = ?", [username]))?.n).toBe(0);
  });

  test("the route handler that changes data refuses a missing Origin", async ({ baseURL }) => {
    const r = await send(baseURL!, { method: "POST", path: "/api/admin/revalidate", headers: { "content-length": "0" } });
    expect(r.status).toBe(403);
  });
});

test.describe("bad requests get 4xx, never 500", () => {
  test("an action body over the limit is 413 and the server keeps answering", async ({ page, baseURL }) => {
    const action = await captureSignIn(page);
    const body = Buffer.alloc(4 * 1024 * 1024 + 1, 0x61);
    const headers = { ...action.headers, origin: new URL(baseURL!).origin, "content-length": String(body.length) };
    const r = await send(baseURL!, { method: "POST", path: "/login", headers, body, expectContinue: true });
    expect(r.status).toBe(413);
    expect(r.body).toContain("提交的内容太大");
    expect((await send(baseURL!, { path: "/status" })).status).toBe(200);
  });

  test("a sign-in posted without JavaScript is checked as React reads it: damaged action fields are 400, the form as sent is answered", async ({ browser, baseURL }) => {
    const ctx = await browser.newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    let captured: { contentType: string; body: Buffer } | null = null;
    await page.route("**/login", async (route) => {
      const req = route.request();
      if (req.method() !== "POST") return route.continue();
      captured = { contentType: req.headers()["content-type"]!, body: req.postDataBuffer()! };
      await route.abort();
    });
    await page.goto("/login");
    await page.getByLabel("用户名").fill(USER_MARK);
    await page.getByLabel("密码", { exact: true }).fill(PASS_MARK);
    await page.getByRole("button", { name: "登录" }).click();
    await expect.poll(() => captured !== null).toBe(true);
    await ctx.close();
    const { contentType, body } = captured!;
    const text = body.toString("utf8");
    // The form's own action fields: no Next-Action header, the action and its state in "$ACTION_<n>:<k>".
    const meta = /name="(\$ACTION_\d+:)0"\r\n\r\n([^\r]*)/.exec(text)!;
    const [prefix, metaValue] = [meta[1]!, meta[2]!];
    expect(metaValue).toContain('"bound":"$@1"');
    const post = (b: string) => send(baseURL!, { method: "POST", path: "/login", headers: { "content-type": contentType, origin: new URL(baseURL!).origin }, body: Buffer.from(b, "utf8") });
    const field = (k: string, value: string) => {
      const head = `name="${prefix}${k}"\r\n\r\n`;
      const at = text.indexOf(head) + head.length;
      return text.slice(0, at) + value + text.slice(text.indexOf("\r", at));
    };
    const asSent = await post(text.replace(USER_MARK, uniqueName("nojs")).replace(PASS_MARK, "Whatever-1"));
    expect(asSent.status).toBe(200);
    expect(asSent.body).toContain("用户名或密码错误");
    // Each of these was a 500 from Next.js before the front read the action fields.
    for (const [what, damaged] of [
      ["state that is not JSON", field("1", "{")],
      ["state null", field("1", "null")],
      ["a reference to a value not sent", field("1", '["$F5"]')],
      ["bound arguments that are not there", field("0", metaValue.replace("$@1", "$Q9"))],
    ]) {
      const r = await post(damaged!);
      expect(r.status, what).toBe(400);
      expect(r.body, what).toContain("提交的数据格式不正确");
    }
  });

  test("a malformed Origin is 400", async ({ page, baseURL }) => {
    const action = await captureSignIn(page);
    const r = await signInRequest(baseURL!, action, { username: uniqueName("bad"), password: "Whatever-1", origin: "http://[" });
    expect(r.status).toBe(400);
  });

  test("a newline in the sign-in `next` parameter leads to a safe page, not an error", async ({ page }) => {
    const username = uniqueName("nextnl");
    await createUser({ username, password: PASSWORD });
    await page.goto("/login?next=%2Faccount%0D%0ASet-Cookie%3A%20x%3D1");
    await page.getByLabel("用户名").fill(username);
    await page.getByLabel("密码", { exact: true }).fill(PASSWORD);
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page).toHaveURL(/\/district$/);
    await expect(loginMessage(page)).toHaveCount(0);
    // Signed in, the sign-in page sends such a `next` to the account page instead.
    const res = await page.goto("/login?next=%2Fcity%0Aabc");
    expect(res!.status()).toBe(200);
    await expect(page).toHaveURL(/\/account$/);
  });
});
