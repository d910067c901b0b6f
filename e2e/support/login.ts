import { expect, type Page } from "@playwright/test";

/** Signs in through the real form; waits until the password step has been answered. */
export async function submitPassword(page: Page, username: string, password: string): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码", { exact: true }).fill(password);
  await page.getByRole("button", { name: "登录" }).click();
}

export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await submitPassword(page, username, password);
  await expect(page).toHaveURL(/\/(city|district|account)\b/);
}

/** The login form's own message (Next.js also renders an empty role=alert route announcer). */
export function loginMessage(page: Page) {
  return page.locator("form [role=alert]");
}
