import { expect, test, type APIRequestContext, type Browser } from "./support/test";
import { totpCode } from "@/domain/totp";
import { captureAction, deniedCount, replay, requestAs, snapshotState, type CapturedAction } from "./support/actions";
import { submitPassword } from "./support/login";
import { createUser, queryOne, run, uniqueName } from "./support/users";
import { authFile } from "./support/auth-file";

/*
 * Every mutation, sent straight over HTTP (not through the UI) by callers who must be refused:
 * the database must not change and the attempt must be audited. A positive control replays
 * each captured request as an allowed caller, so a refusal can't pass because the replay
 * itself is broken.
 */

const PASSWORD = "Authz-suite-password-1";
const SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

test.describe.configure({ mode: "serial" });

async function signInAdmin(browser: Browser, username: string, file: string): Promise<void> {
  const page = await (await browser.newContext()).newPage();
  await submitPassword(page, username, PASSWORD);
  await page.getByLabel("动态验证码或恢复码").fill(totpCode(SECRET, Date.now()));
  await page.getByRole("button", { name: "验证并登录" }).click();
  await expect(page).toHaveURL(/\/(city\/review|district|account)/);
  await page.context().storageState({ path: file });
  await page.context().close();
}

async function createAdmin(username: string): Promise<number> {
  const id = await createUser({ username, password: PASSWORD, role: "city_admin" });
  await run("update users set totp_enabled = 1, totp_secret = ? where id = ?", [SECRET, id]);
  return id;
}

let baseURL: string;
const callers: Record<string, APIRequestContext> = {};
const adminActions: Record<string, CapturedAction> = {};
const ownActions: Record<string, CapturedAction> = {};
let victimId: number;
let stranger: string;

test.beforeAll(async ({ browser }, info) => {
  test.setTimeout(120_000);
  baseURL = info.project.use.baseURL!;
  // A deactivated admin and an admin whose password changed after this session began.
  const deactivated = uniqueName("exadmin");
  const deactivatedId = await createAdmin(deactivated);
  await signInAdmin(browser, deactivated, authFile("authz-deactivated"));
  await run("update users set active = 0 where id = ?", [deactivatedId]);
  const stale = uniqueName("staleadmin");
  const staleId = await createAdmin(stale);
  await signInAdmin(browser, stale, authFile("authz-stale"));
  await run("update users set password_hash = password_hash || '', session_version = session_version + 1 where id = ?", [staleId]);

  callers.anonymous = await requestAs(baseURL);
  callers.district_editor = await requestAs(baseURL, authFile("jinjiang"));
  callers.department_editor = await requestAs(baseURL, authFile("shangwu"));
  callers.city_leader = await requestAs(baseURL, authFile("leader"));
  callers.deactivated = await requestAs(baseURL, authFile("authz-deactivated"));
  callers.stale_session = await requestAs(baseURL, authFile("authz-stale"));
  callers.admin = await requestAs(baseURL, authFile("admin"));

  victimId = await createUser({ username: uniqueName("victim"), password: PASSWORD });
  await run("insert into lockouts (kind, key, locked_until, failures) values ('username', 'authz-locked', strftime('%Y-%m-%dT%H:%M:%fZ','now','+15 minutes'), 5)");

  // Capture each admin mutation as the admin makes it (aborted before it reaches the server).
  const admin = await (await browser.newContext({ storageState: authFile("admin") })).newPage();
  await admin.goto("/city/users/new");
  stranger = uniqueName("intruder");
  await admin.getByLabel("用户名").fill(stranger);
  await admin.getByLabel("姓名").fill("不该存在的用户");
  await admin.getByLabel("角色").selectOption("city_admin");
  await admin.getByLabel("初始密码").fill("Created-by-replay-1");
  adminActions.create_user = await captureAction(admin, () => admin.getByRole("button", { name: "创建用户" }).click());

  await admin.goto(`/city/users/${victimId}`);
  await admin.getByLabel("姓名").fill("被改掉的名字");
  adminActions.update_user = await captureAction(admin, () => admin.getByRole("button", { name: "保存修改" }).click());
  await admin.goto(`/city/users/${victimId}`);
  await admin.getByLabel("新的临时密码").fill("Reset-by-replay-123");
  adminActions.reset_password = await captureAction(admin, () => admin.getByRole("button", { name: "重置密码" }).click());
  await admin.goto(`/city/users/${victimId}`);
  adminActions.end_sessions = await captureAction(admin, () => admin.getByRole("button", { name: "结束该用户所有登录" }).click());
  await admin.goto("/city/lockouts");
  adminActions.lift_lockout = await captureAction(admin, () => admin.getByRole("button", { name: "解除账号 authz-locked 的锁定" }).click());
  await admin.context().close();

  // Own-account mutations, captured as a district editor acting on their own account.
  const editorName = uniqueName("ownacct");
  await createUser({ username: editorName, password: PASSWORD });
  const editor = await (await browser.newContext()).newPage();
  await submitPassword(editor, editorName, PASSWORD);
  await expect(editor).toHaveURL(/\/district/);
  await editor.goto("/account/password");
  await editor.getByLabel("当前密码").fill(PASSWORD);
  await editor.getByLabel("新密码", { exact: true }).fill("Changed-by-replay-1");
  await editor.getByLabel("再次输入新密码").fill("Changed-by-replay-1");
  ownActions.change_password = await captureAction(editor, () => editor.getByRole("button", { name: "保存新密码" }).click());
  await editor.goto("/account/two-factor");
  ownActions.start_two_factor = await captureAction(editor, () => editor.getByRole("button", { name: "开始设置" }).click());
  await editor.goto("/account");
  ownActions.sign_out_everywhere = await captureAction(editor, () => editor.getByRole("button", { name: "退出所有设备" }).click());
  await editor.context().close();
});

test.afterAll(async () => {
  await Promise.all(Object.values(callers).map((c) => c.dispose()));
});

const adminRefused = ["anonymous", "district_editor", "department_editor", "city_leader", "deactivated", "stale_session"];
const adminActionNames = ["create_user", "update_user", "reset_password", "end_sessions", "lift_lockout"];

for (const action of adminActionNames) {
  for (const caller of adminRefused) {
    test(`${action} sent directly by ${caller} is refused, audited, and changes nothing`, async () => {
      const auditedAs = ["district_editor", "department_editor", "city_leader"].includes(caller)
        ? { district_editor: "jinjiang", department_editor: "shangwu", city_leader: "leader" }[caller as "district_editor"]
        : "anonymous";
      const deniedBefore = await deniedCount(auditedAs);
      const before = await snapshotState();
      const res = await replay(callers[caller]!, adminActions[action]!);
      expect(res.status()).not.toBe(500);
      expect(await snapshotState()).toBe(before);
      expect(await deniedCount(auditedAs)).toBeGreaterThan(deniedBefore);
    });
  }
}

for (const action of ["change_password", "start_two_factor", "sign_out_everywhere"]) {
  for (const caller of ["anonymous", "deactivated", "stale_session"]) {
    test(`own-account ${action} sent by ${caller} is refused and changes nothing`, async () => {
      const before = await snapshotState();
      await replay(callers[caller]!, ownActions[action]!);
      expect(await snapshotState()).toBe(before);
    });
  }
}

test("a server action posted from a foreign Origin is refused, even with an admin's cookies", async () => {
  const before = await snapshotState();
  await replay(callers.admin!, adminActions.create_user!, "https://evil.example");
  expect(await snapshotState()).toBe(before);
  expect(await queryOne("select id from users where username = ?", [stranger])).toBeUndefined();
});

test("control: the same captured requests do change data when the admin sends them", async () => {
  await replay(callers.admin!, adminActions.create_user!);
  expect(await queryOne("select id from users where username = ?", [stranger])).toBeDefined();
  await replay(callers.admin!, adminActions.update_user!);
  expect(await queryOne<{ display_name: string }>("select display_name from users where id = ?", [victimId])).toEqual({ display_name: "被改掉的名字" });
  await replay(callers.admin!, adminActions.lift_lockout!);
  expect(await queryOne<{ lifted: number }>("select lifted_at is not null as lifted from lockouts where key = 'authz-locked'")).toEqual({ lifted: 1 });
});
