import { expect, test as setup } from "@playwright/test";
import { totpCode } from "@/domain/totp";
import { signIn, submitPassword } from "./support/login";
import { DEMO_ADMIN_TOTP_SECRET, DEMO_PASSWORD } from "./support/users";
import { authFile } from "./support/auth-file";

/* Signs in once per demo role and saves the session for the specs that need it. */

for (const username of ["leader", "jinjiang", "licheng", "shangwu"]) {
  setup(`sign in as ${username}`, async ({ page }) => {
    await signIn(page, username, DEMO_PASSWORD);
    await page.context().storageState({ path: authFile(username) });
  });
}

setup("sign in as admin with the second factor", async ({ page }) => {
  await submitPassword(page, "admin", DEMO_PASSWORD);
  await page.getByLabel("动态验证码或恢复码").fill(totpCode(DEMO_ADMIN_TOTP_SECRET, Date.now()));
  await page.getByRole("button", { name: "验证并登录" }).click();
  await expect(page).toHaveURL(/\/(city\/review|district|account)/);
  await page.context().storageState({ path: authFile("admin") });
});
