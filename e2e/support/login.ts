import { expect, type Page } from "@playwright/test";

/** Signs in through the real form; waits until the password step has been answered. */
export async function submitPassword(page: Page, username: string, password: string): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码", { exact: true }).fill(password);
  await page.getByRole("button", { name: "登录" }).click();
}

/**
 * Signs out through the header's button and waits for the login page. Going to /login before the
 * sign-out has landed races it: a still-signed-in /login sends on to /account, which then asks
 * for a sign-in with next=/account, and the next sign-in lands there instead of the role's home.
 */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/login(\?|$)/);
}

export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await submitPassword(page, username, password);
  await expect(page).toHaveURL(/\/(city|district|account)\b/);
}

/** The login form's own message (Next.js also renders an empty role=alert route announcer). */
export function loginMessage(page: Page) {
  return page.locator("form [role=alert]");
}
