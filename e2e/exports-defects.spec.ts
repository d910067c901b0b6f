import { expect, test } from "./support/test";
import { authFile } from "./support/auth-file";
import { signIn } from "./support/login";
import { createUser, run, uniqueName } from "./support/users";

/* Small defects of issue #15: the admin bar, the public district caption, English amounts, a doubled upload error. */

test.describe("the campaign office's navigation bar", () => {
  test.use({ storageState: authFile("admin") });

  test("fits one line at 1280 px: every item shares the bar's one row", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto("/city");
    const nav = page.getByRole("navigation", { name: "工作台" });
    const logout = nav.getByRole("button", { name: "退出登录" });
    const first = nav.getByRole("link", { name: "总览" });
    const [navBox, logoutBox, firstBox, logoBox] = await Promise.all([nav.boundingBox(), logout.boundingBox(), first.boundingBox(), page.locator("header[data-staff-header] a").first().boundingBox()]);
    // One row: the bar is no taller than its tallest item, and the first link and 退出登录 sit on it side by side.
    expect(navBox!.height).toBeLessThanOrEqual(logoutBox!.height + 2);
    expect(Math.abs(logoutBox!.y + logoutBox!.height / 2 - (firstBox!.y + firstBox!.height / 2))).toBeLessThan(4);
    expect(Math.abs(navBox!.y + navBox!.height / 2 - (logoBox!.y + logoBox!.height / 2))).toBeLessThan(8);
    // The admin pages are one click away under 设置, without script.
    await nav.getByText("设置", { exact: true }).click();
    await nav.getByRole("link", { name: "审计日志" }).click();
    await expect(page).toHaveURL(/\/city\/audit/);
  });

  test("stays usable at 390 px: no sideways scroll, and the settings menu opens inside the screen", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 800 });
    await page.goto("/city/rankings");
    const nav = page.getByRole("navigation", { name: "工作台" });
    await expect(nav.getByRole("button", { name: "退出登录" })).toBeInViewport();
    await nav.getByText("设置", { exact: true }).click();
    const users = nav.getByRole("link", { name: "用户管理" });
    await expect(users).toBeInViewport({ ratio: 1 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});

test("the public district page's caption names the same months as its 完成 column, up to the district's approved month", async ({ page }) => {
  await page.goto("/districts/taishang");
  const approved = /数据已审核至 \d{4}年(\d{1,2})月/.exec(await page.getByText(/数据已审核至/).first().innerText());
  expect(approved).not.toBeNull();
  const ytd = Number(approved![1]) === 1 ? "1月" : `1—${approved![1]}月`;
  const tables = page.locator("table").filter({ has: page.locator("caption", { hasText: "各项指标完成情况" }) });
  expect(await tables.count()).toBeGreaterThan(0);
  for (let i = 0; i < (await tables.count()); i++) {
    const t = tables.nth(i);
    await expect(t.locator("caption")).toContainText(`（${ytd}）`);
    await expect(t.locator("thead th").nth(1)).toHaveText(`${ytd}完成`);
  }
});

test("English pages write money as CNY … billion and units as CNY 100 million, never 100m yuan", async ({ page }) => {
  await page.goto("/en");
  await expect(page.locator("main")).toContainText(/CNY [\d,.]+ billion/);
  await expect(page.locator("body")).not.toContainText(/100m yuan|10k yuan/);
  await page.goto("/en/projects");
  await expect(page.getByRole("columnheader", { name: "Total investment (CNY 100 million)" })).toBeVisible();
  await expect(page.locator("body")).not.toContainText(/100m yuan|10k yuan/);
});

test("an unreadable figures file states its reason once, next to the file field", async ({ page }) => {
  await run(`update monthly_reports set status = 'draft' where district_id = (select id from districts where code = 'nanan') and period_id = (select id from periods where month = '2023-10')`);
  const username = uniqueName("xpnanan");
  await createUser({ username, password: "Exports-spec-password-1", district: "nanan" });
  await signIn(page, username, "Exports-spec-password-1");
  await page.goto("/district/figures?month=2023-10");
  await page.getByLabel("选择填好的模板文件").setInputFiles({ name: "x.xlsx", mimeType: "text/plain", buffer: Buffer.from("hello") });
  await page.getByRole("button", { name: "上传并导入" }).click();
  await expect(page.locator("#file-error")).toContainText("无法读取文件");
  await expect(page.getByRole("alert").filter({ hasText: "未保存任何数据" })).toBeVisible();
  await expect(page.getByText(/无法读取文件/)).toHaveCount(1);
});
