import { expect, test, type Locator, type Page, type TestInfo } from "./support/test";
import { authFile } from "./support/auth-file";

/*
 * The clerk's pages on a phone (390 px) and a tablet (768 px): the district home, the figures
 * form and the project grid never scroll the page sideways, and the forms are a stack of cards —
 * each indicator's or project's input below its name and inside the screen. Layout is checked
 * by element positions, not pixel snapshots; a screenshot of each page is attached to the report.
 * jinjiang's clerk, October 2023 (a draft month, so the forms are editable); nothing is saved.
 */

test.use({ storageState: authFile("jinjiang") });

async function box(l: Locator) {
  const b = await l.boundingBox();
  expect(b, "element is rendered").not.toBeNull();
  return b!;
}

/** The page is no wider than the window (no sideways scroll); a screenshot goes with the report. */
async function expectNoSidewaysScroll(page: Page, name: string, info: TestInfo): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.scrollingElement!.scrollWidth, innerWidth: window.innerWidth }));
  const shot = info.outputPath(`${name}-${innerWidth}.png`);
  await page.screenshot({ path: shot, fullPage: true });
  await info.attach(`${name}-${innerWidth}.png`, { path: shot, contentType: "image/png" });
  expect(scrollWidth, `${page.url()} is ${scrollWidth} px wide in a ${innerWidth} px window`).toBeLessThanOrEqual(innerWidth);
}

/** The row's input starts below the bottom of its name and lies wholly inside the viewport. */
async function expectStacked(page: Page, name: Locator, input: Locator, width: number): Promise<void> {
  const n = await box(name);
  const i = await box(input);
  expect(i.y, "input below the name").toBeGreaterThanOrEqual(n.y + n.height - 1);
  expect(i.x, "input inside the left edge").toBeGreaterThanOrEqual(0);
  expect(i.x + i.width, "input inside the right edge").toBeLessThanOrEqual(width);
  expect(i.width, "input wide enough to type in").toBeGreaterThanOrEqual(100);
}

for (const width of [390, 768]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 900 } });

    test("the district home fits the screen, its one button inside it", async ({ page }, info) => {
      await page.goto("/district");
      const button = page.locator("[data-next-step]");
      await expect(button).toBeVisible();
      const b = await box(button);
      expect(b.x + b.width).toBeLessThanOrEqual(width);
      await expectNoSidewaysScroll(page, "home", info);
    });

    test("the figures form fits the screen as a card per indicator: name, last month, inputs, note, one under the other", async ({ page }, info) => {
      await page.goto("/district/figures?month=2023-10");
      const rows = page.locator("tr[data-indicator-row]");
      await expect(rows.first()).toBeVisible();
      await expectNoSidewaysScroll(page, "figures", info);
      const count = await rows.count();
      expect(count).toBeGreaterThan(3);
      for (let k = 0; k < count; k++) {
        const row = rows.nth(k);
        const id = await row.getAttribute("data-indicator-row");
        const name = row.locator("th[scope=row] > span").first();
        const first = row.locator(`#m_${id}, #n_${id}`);
        await expectStacked(page, name, first, width);
        await expectStacked(page, row.locator("[data-cell=last-month]"), first, width);
        await expectStacked(page, first, row.locator(`#note_${id}`), width);
        await expect(row.locator("[data-cell=last-month]")).toContainText("上月");
      }
    });

    test("the project grid fits the screen as a card per project: name, then the amount input", async ({ page }, info) => {
      await page.goto("/district/projects/progress?month=2023-10");
      const rows = page.locator("tr[data-project-row]");
      await expect(rows.first()).toBeVisible();
      await expectNoSidewaysScroll(page, "grid", info);
      const count = await rows.count();
      expect(count).toBeGreaterThan(3);
      for (const k of [0, Math.floor(count / 2), count - 1]) {
        const row = rows.nth(k);
        const id = await row.getAttribute("data-project-row");
        await row.scrollIntoViewIfNeeded();
        await expectStacked(page, row.locator("th[scope=row]"), row.locator(`#amount-${id}`), width);
      }
    });
  });
}

test("at 1280 px the figures form is a table: the input beside its indicator's name", async ({ page }, info) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/district/figures?month=2023-10");
  const row = page.locator("tr[data-indicator-row]").first();
  const id = await row.getAttribute("data-indicator-row");
  const name = await box(row.locator("th[scope=row]"));
  const input = await box(row.locator(`#m_${id}, #n_${id}`));
  expect(input.x).toBeGreaterThan(name.x + name.width - 1);
  expect(input.y).toBeLessThan(name.y + name.height);
  const shot = info.outputPath("figures-1280.png");
  await page.screenshot({ path: shot, fullPage: true });
  await info.attach("figures-1280.png", { path: shot, contentType: "image/png" });
});
