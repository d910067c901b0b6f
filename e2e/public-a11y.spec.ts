import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./support/test";

/* axe-core on every public page, in Chinese and English: no serious or critical violation. */

const PAGES = [
  "/",
  "/actions",
  "/actions/battle_year",
  "/actions/culture_tourism_plus",
  "/indicators/key_investment",
  "/indicators/enterprise_entry_rate",
  "/districts",
  "/districts/jinjiang",
  "/projects",
  "/projects/search?q=%E6%99%8B%E6%B1%9F&stage=under_construction",
  "/projects/page/50",
  "/projects/page/2",
  "/projects/DEMO-2023-0002",
  "/rankings",
  "/open-data",
];

for (const locale of ["zh", "en"] as const) {
  for (const path of PAGES) {
    const url = locale === "zh" ? path : path === "/" ? "/en" : `/en${path}`;
    test(`${url} has no serious or critical accessibility violation`, async ({ page }) => {
      const res = await page.goto(url);
      expect(res?.status()).toBe(200);
      // Open the chart data tables too, so their markup is checked as well.
      for (const summary of await page.locator("details > summary").all()) await summary.click();
      const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
      const bad = results.violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
      expect(bad).toEqual([]);
    });
  }
}
