import { test } from "@playwright/test";
import { authFile } from "./support/auth-file";

test.use({ storageState: authFile("admin") });
test("shots", async ({ page }) => {
  test.setTimeout(120_000);
  for (const w of [1280, 390]) {
    await page.setViewportSize({ width: w, height: 900 });
    await page.goto("/city/audit?district=11");
    await page.screenshot({ path: `/tmp/sheets-audit-${w}.png`, fullPage: false });
    await page.goto("/city/users/bulk");
    await page.screenshot({ path: `/tmp/sheets-bulk-${w}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/city/audit/figure?district=11&month=2023-10&indicator=" + (await page.request.get("/").then(() => "1")));
  await page.screenshot({ path: `/tmp/sheets-figure-1280.png`, fullPage: true });
});
