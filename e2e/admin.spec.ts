import { expect, test } from "./support/test";
import { loginMessage, signIn, submitPassword } from "./support/login";
import { createUser, queryOne, uniqueName } from "./support/users";
import { authFile } from "./support/auth-file";

const PASSWORD = "Admin-spec-password-1";

test.describe("city admin: users, lock-outs and the audit log", () => {
  test.use({ storageState: authFile("admin") });

  test("an admin creates a district clerk, who must change the issued password at first sign-in", async ({ page, browser }) => {
    const username = uniqueName("clerk");
    await page.goto("/city/users/new");
    await page.getByLabel("用户名").fill(username);
    await page.getByLabel("姓名").fill("新来的填报员");
    await page.getByLabel("角色").selectOption("district_editor");
    await page.getByLabel("初始密码").fill("short");
    await page.getByRole("button", { name: "创建用户" }).click();
    await expect(page.locator("#password-error")).toContainText("密码至少 10 个字符");
    await expect(page.locator("#districtId-error")).not.toBeEmpty();
    expect(await queryOne("select id from users where username = ?", [username])).toBeUndefined();

    await page.getByLabel("所属区县").selectOption({ label: "南安市" });
    await page.getByLabel("初始密码").fill(PASSWORD);
    await page.getByRole("button", { name: "创建用户" }).click();
    await expect(page).toHaveURL(/\/city\/users\/\d+\?created=1/);
    const row = await queryOne<{ role: string; district: string; must: number }>(
      "select u.role, d.code as district, u.must_change_password as must from users u join districts d on d.id = u.district_id where username = ?",
      [username],
    );
    expect(row).toEqual({ role: "district_editor", district: "nanan", must: 1 });

    const clerk = await (await browser.newContext({ storageState: undefined })).newPage();
    await submitPassword(clerk, username, PASSWORD);
    await expect(clerk).toHaveURL(/\/account\/password$/);
  });

  test("an edit based on an old version is refused and says so", async ({ page, browser }) => {
    const id = await createUser({ username: uniqueName("edited"), password: PASSWORD });
    const other = await (await browser.newContext({ storageState: authFile("admin") })).newPage();
    await page.goto(`/city/users/${id}`);
    await other.goto(`/city/users/${id}`);
    await other.getByLabel("姓名").fill("第一次修改");
    await other.getByRole("button", { name: "保存修改" }).click();
    await expect(other.getByRole("status").filter({ hasText: "已保存" }).first()).toBeVisible();
    await page.getByLabel("姓名").fill("第二次修改");
    await page.getByRole("button", { name: "保存修改" }).click();
    await expect(page.getByText("该用户已被他人修改，请刷新页面后重试")).toBeVisible();
    expect(await queryOne("select display_name from users where id = ?", [id])).toEqual({ display_name: "第一次修改" });
  });

  test("an admin sees a locked account and lifts the lock, after which the user can sign in", async ({ page, browser }) => {
    const username = uniqueName("lockme");
    await createUser({ username, password: PASSWORD });
    const user = await (await browser.newContext({ storageState: undefined })).newPage();
    for (let i = 0; i < 5; i++) {
      await submitPassword(user, username, `Wrong-password-${i}`);
      await expect(loginMessage(user)).toContainText("用户名或密码错误");
    }
    await page.goto("/city/lockouts");
    await page.getByRole("button", { name: `解除账号 ${username} 的锁定` }).click();
    await expect(page.getByRole("button", { name: `解除账号 ${username} 的锁定` })).toHaveCount(0);
    await signIn(user, username, PASSWORD);
  });

  test("the audit log can be filtered to denied attempts", async ({ page, browser }) => {
    const clerk = await (await browser.newContext({ storageState: authFile("jinjiang") })).newPage();
    const res = await clerk.goto("/city/users");
    expect(res?.status()).toBe(403);
    await expect(clerk.getByRole("heading", { name: "无权访问" })).toBeVisible();
    await page.goto("/city/audit");
    await page.getByLabel("结果").selectOption("denied");
    await page.getByRole("button", { name: "筛选" }).click();
    await expect(page).toHaveURL(/outcome=denied/);
    const first = page.locator("tbody tr").first();
    await expect(first).toContainText("jinjiang");
    await expect(first).toContainText("拒绝");
    await expect(page.locator("tbody tr").filter({ hasText: "成功" })).toHaveCount(0);
  });
});
