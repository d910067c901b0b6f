import { test as base, type Locator, type Page } from "@playwright/test";

export * from "@playwright/test";

/**
 * Playwright's `test`, plus one thing: a browser context a test opens itself (a second clerk, a
 * leader, an anonymous visitor) is closed when the test ends. Playwright closes only the contexts it
 * made; the rest stayed open for the rest of the worker — forty-odd live pages by the end of a long
 * spec file, each holding memory and a renderer in a 2-core machine.
 */
export const test = base.extend<{ closeOwnContexts: void }>({
  closeOwnContexts: [
    async ({ browser }, use) => {
      const before = new Set(browser.contexts());
      await use();
      await Promise.all(browser.contexts().filter((context) => !before.has(context)).map((context) => context.close()));
    },
    { auto: true },
  ],
});

/**
 * Waits until React has hydrated the element. Before that, what a test types can be set back to
 * the server's text when hydration reaches it (a <textarea> does), and a click can go to plain HTML.
 * React marks a DOM node it has claimed with its own `__reactFiber$…` property.
 */
export async function hydrated(locator: Locator): Promise<void> {
  await base.expect
    .poll(() => locator.evaluate((el) => Object.keys(el).some((key) => key.startsWith("__reactFiber$"))), {
      message: "the element was never hydrated by React",
    })
    .toBe(true);
}

/** Waits until React has hydrated every form on the page (see `hydrated`). */
export async function formsHydrated(page: Page): Promise<void> {
  await base.expect
    .poll(() => page.locator("form").evaluateAll((forms) => forms.every((form) => Object.keys(form).some((key) => key.startsWith("__reactFiber$")))), {
      message: "a form on the page was never hydrated by React",
    })
    .toBe(true);
}
