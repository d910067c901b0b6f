import { expect, test } from "./support/test";
import { totpCode } from "@/domain/totp";
import { loginMessage, signIn, signOut, submitPassword } from "./support/login";
import { createUser, queryOne, run, uniqueName } from "./support/users";
import { authFile } from "./support/auth-file";

const PASSWORD = "Correct-horse-42";

test.describe("signing in", () => {
  for (const [role, label] of [
    ["admin", "专项办管理员"],
    ["leader", "市领导"],
    ["jinjiang", "区县填报员"],
    ["shangwu", "市直部门填报员"],
  ] as const) {
    test.describe(`as ${role}`, () => {
      test.use({ storageState: authFile(role) });
      test(`the saved ${role} session opens the account page with the role`, async ({ page }) => {
        await page.goto("/account");
        await expect(page.getByRole("heading", { name: "我的账号" })).toBeVisible();
        await expect(page.locator("dl")).toContainText(label);
      });
    });
  }

  test("an unknown user and a wrong password get the same answer", async ({ page }) => {
    const username = uniqueName("same");
    await createUser({ username, password: PASSWORD });
    await submitPassword(page, username, "Wrong-password-1");
    await expect(loginMessage(page)).toHaveText("用户名或密码错误");
    await submitPassword(page, uniqueName("nobody"), "Wrong-password-1");
    await expect(loginMessage(page)).toHaveText("用户名或密码错误");
  });

  test("a deactivated user cannot sign in and gets the same answer", async ({ page }) => {
    const username = uniqueName("gone");
    const id = await createUser({ username, password: PASSWORD });
    await run("update users set active = 0 where id = ?", [id]);
    await submitPassword(page, username, PASSWORD);
    await expect(loginMessage(page)).toHaveText("用户名或密码错误");
  });

  test("staff pages send an anonymous visitor to sign in and back afterwards", async ({ page }) => {
    const username = uniqueName("back");
    await createUser({ username, password: PASSWORD });
    await page.goto("/account/two-factor");
    await expect(page).toHaveURL(/\/login\?next=%2Faccount%2Ftwo-factor/);
    await page.getByLabel("用户名").fill(username);
    await page.getByLabel("密码", { exact: true }).fill(PASSWORD);
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page).toHaveURL(/\/account\/two-factor$/);
  });
});

test.describe("forced password change", () => {
  test("an admin-issued password must be changed before anything else, and the form names the failed rule", async ({ page }) => {
    const username = uniqueName("newbie");
    await createUser({ username, password: PASSWORD, mustChangePassword: true });
    await submitPassword(page, username, PASSWORD);
    await expect(page).toHaveURL(/\/account\/password$/);
    await page.goto("/account");
    await expect(page).toHaveURL(/\/account\/password$/);

    await page.getByLabel("当前密码").fill(PASSWORD);
    await page.getByLabel("新密码", { exact: true }).fill("short");
    await page.getByLabel("再次输入新密码").fill("short");
    await page.getByRole("button", { name: "保存新密码" }).click();
    await expect(page.locator("#newPassword-error")).toHaveText("密码至少 10 个字符（当前 5 个）");

    await page.getByLabel("当前密码").fill(PASSWORD);
    await page.getByLabel("新密码", { exact: true }).fill(username);
    await page.getByLabel("再次输入新密码").fill(username);
    await page.getByRole("button", { name: "保存新密码" }).click();
    expect(username.length).toBeGreaterThanOrEqual(10);
    await expect(page.locator("#newPassword-error")).toHaveText("密码不能与用户名相同");

    await page.getByLabel("当前密码").fill(PASSWORD);
    await page.getByLabel("新密码", { exact: true }).fill("A-much-better-passphrase");
    await page.getByLabel("再次输入新密码").fill("A-different-passphrase");
    await page.getByRole("button", { name: "保存新密码" }).click();
    await expect(page.locator("#confirmPassword-error")).toHaveText("两次输入的新密码不一致");

    await page.getByLabel("当前密码").fill(PASSWORD);
    await page.getByLabel("新密码", { exact: true }).fill("A-much-better-passphrase");
    await page.getByLabel("再次输入新密码").fill("A-much-better-passphrase");
    await page.getByRole("button", { name: "保存新密码" }).click();
    await expect(page).toHaveURL(/\/account\?changed=password$/);
    const row = await queryOne<{ must_change_password: number }>("select must_change_password from users where username = ?", [username]);
    expect(row?.must_change_password).toBe(0);
  });

  test("changing the password ends the user's other sessions but not this one", async ({ browser }) => {
    const username = uniqueName("twice");
    await createUser({ username, password: PASSWORD });
    const other = await (await browser.newContext()).newPage();
    await signIn(other, username, PASSWORD);
    const here = await (await browser.newContext()).newPage();
    await signIn(here, username, PASSWORD);
    await here.goto("/account/password");
    await here.getByLabel("当前密码").fill(PASSWORD);
    await here.getByLabel("新密码", { exact: true }).fill("Another-good-passphrase");
    await here.getByLabel("再次输入新密码").fill("Another-good-passphrase");
    await here.getByRole("button", { name: "保存新密码" }).click();
    await expect(here).toHaveURL(/\/account\?changed=password$/);
    await here.goto("/account");
    await expect(here.getByRole("heading", { name: "我的账号" })).toBeVisible();
    await other.goto("/account");
    await expect(other).toHaveURL(/\/login/);
  });
});

test.describe("sessions end when the account changes", () => {
  test("deactivating a user ends their open session at once", async ({ page }) => {
    const username = uniqueName("fired");
    const id = await createUser({ username, password: PASSWORD });
    await signIn(page, username, PASSWORD);
    await run("update users set active = 0 where id = ?", [id]);
    await page.goto("/account");
    await expect(page).toHaveURL(/\/login/);
  });

  test("sign out everywhere ends every session of the account", async ({ browser }) => {
    const username = uniqueName("every");
    await createUser({ username, password: PASSWORD });
    const a = await (await browser.newContext()).newPage();
    const b = await (await browser.newContext()).newPage();
    await signIn(a, username, PASSWORD);
    await signIn(b, username, PASSWORD);
    await a.goto("/account");
    await a.getByRole("button", { name: "退出所有设备" }).click();
    await expect(a).toHaveURL(/\/login/);
    await b.goto("/account");
    await expect(b).toHaveURL(/\/login/);
  });

  test("an idle session expires after the idle timeout", async ({ page }) => {
    const username = uniqueName("idle");
    const id = await createUser({ username, password: PASSWORD });
    await signIn(page, username, PASSWORD);
    await run("update user_sessions set last_seen_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-31 minutes') where user_id = ?", [id]);
    await page.goto("/account");
    await expect(page).toHaveURL(/\/login/);
  });

  test("a session ends 12 hours after sign-in even when active", async ({ page }) => {
    const username = uniqueName("long");
    const id = await createUser({ username, password: PASSWORD });
    await signIn(page, username, PASSWORD);
    await run("update user_sessions set created_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-721 minutes') where user_id = ?", [id]);
    await page.goto("/account");
    await expect(page).toHaveURL(/\/login/);
  });

  test("signing out ends the session", async ({ page }) => {
    const username = uniqueName("bye");
    await createUser({ username, password: PASSWORD });
    await signIn(page, username, PASSWORD);
    await page.getByRole("button", { name: "退出登录" }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto("/account");
    await expect(page).toHaveURL(/\/login/);
  });
});

test.describe("lock-out", () => {
  test("five failures lock the username at this address for 15 minutes, even for the right password", async ({ page }) => {
    const username = uniqueName("locked");
    await createUser({ username, password: PASSWORD });
    for (let i = 1; i <= 4; i++) {
      await submitPassword(page, username, `Wrong-password-${i}`);
      await expect(loginMessage(page)).toHaveText("用户名或密码错误");
    }
    await submitPassword(page, username, "Wrong-password-5");
    await expect(loginMessage(page)).toContainText("已锁定 15 分钟");
    await submitPassword(page, username, PASSWORD);
    await expect(loginMessage(page)).toContainText("已锁定至");
    await expect(page).toHaveURL(/\/login/);
    const lock = await queryOne<{ n: number }>("select count(*) as n from lockouts where kind = 'username_address' and key = ? and lifted_at is null", [`${username}@127.0.0.1`]);
    expect(lock?.n).toBe(1);
    const audit = await queryOne<{ n: number }>("select count(*) as n from audit_events where action = 'auth.lock_username_address' and after like ?", [`%${username}%`]);
    expect(audit?.n).toBe(1);
  });
});

test.describe("two-factor sign-in", () => {
  test("a user enrols an authenticator, gets recovery codes, and then needs a code to sign in", async ({ page }) => {
    const username = uniqueName("otp");
    await createUser({ username, password: PASSWORD });
    await signIn(page, username, PASSWORD);
    await page.goto("/account/two-factor");
    await page.getByRole("button", { name: "开始设置" }).click();
    await expect(page.getByRole("img", { name: "两步验证二维码" })).toBeVisible();
    const secret = (await page.locator("[data-totp-secret]").textContent())!.trim();
    await page.getByLabel("验证器显示的 6 位数字").fill("000000");
    await page.getByRole("button", { name: "确认开启" }).click();
    await expect(page.locator("#code-error")).toContainText("验证码不正确");
    await page.getByLabel("验证器显示的 6 位数字").fill(totpCode(secret, Date.now()));
    await page.getByRole("button", { name: "确认开启" }).click();
    const codes = page.getByRole("list", { name: "恢复码" }).getByRole("listitem");
    await expect(codes).toHaveCount(10);
    const recovery = (await codes.first().textContent())!.trim();

    await signOut(page);
    await submitPassword(page, username, PASSWORD);
    await expect(page.getByLabel("动态验证码或恢复码")).toBeVisible();
    await page.getByLabel("动态验证码或恢复码").fill("123456");
    await page.getByRole("button", { name: "验证并登录" }).click();
    await expect(page.locator("#code-error")).toContainText("验证码不正确");
    // The next 30-second step: the enrolment already used the current one, and codes never repeat.
    await page.getByLabel("动态验证码或恢复码").fill(totpCode(secret, Date.now() + 30_000));
    await page.getByRole("button", { name: "验证并登录" }).click();
    await expect(page).toHaveURL(/\/district$/);

    await signOut(page);
    await submitPassword(page, username, PASSWORD);
    await page.getByLabel("动态验证码或恢复码").fill(recovery.toUpperCase());
    await page.getByRole("button", { name: "验证并登录" }).click();
    await expect(page).toHaveURL(/\/district$/);

    await signOut(page);
    await submitPassword(page, username, PASSWORD);
    await page.getByLabel("动态验证码或恢复码").fill(recovery);
    await page.getByRole("button", { name: "验证并登录" }).click();
    await expect(page.locator("#code-error")).toContainText("验证码不正确或已使用");
  });

  test("a city admin without two-factor is sent to enrol before anything else", async ({ page }) => {
    const username = uniqueName("boss");
    await createUser({ username, password: PASSWORD, role: "city_admin" });
    await signIn(page, username, PASSWORD);
    await expect(page).toHaveURL(/\/account\/two-factor$/);
    await page.goto("/city/users");
    await expect(page).toHaveURL(/\/account\/two-factor$/);
    await expect(page.getByText("专项办管理员账号必须开启两步验证")).toBeVisible();
  });
});

test.describe("response headers", () => {
  test("pages carry a nonce-based script policy, no framing, nosniff and a referrer policy", async ({ request }) => {
    const res = await request.get("/login");
    const h = res.headers();
    expect(h["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(h["content-security-policy"]).not.toContain("unsafe-inline' 'strict");
    expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(h["x-content-type-options"]).toBe("nosniff");
    expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(h["x-powered-by"]).toBeUndefined();
  });

  test("HSTS is sent when the request came over HTTPS", async ({ request }) => {
    const res = await request.get("/login", { headers: { "x-forwarded-proto": "https" } });
    expect(res.headers()["strict-transport-security"]).toContain("max-age=");
  });

  test("every inline script on a page carries the request's nonce", async ({ page }) => {
    const res = await page.goto("/login");
    const nonce = /'nonce-([^']+)'/.exec(res!.headers()["content-security-policy"]!)![1];
    const inline = await page.locator("script:not([src])").evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).nonce));
    expect(inline.length).toBeGreaterThan(0);
    for (const n of inline) expect(n).toBe(nonce);
  });
});
