import { expect, test } from "./support/test";
import { authFile } from "./support/auth-file";
import { signIn } from "./support/login";
import { createUser, uniqueName } from "./support/users";

const PASSWORD = "Plain-page-2023!";

/*
 * Signed-in pages are compressed by the front server (scripts/precompress.mjs), whole, with what
 * the browser offers; downloads go out as the app wrote them.
 */
test.use({ storageState: authFile("leader") });

test("the leader's dashboard arrives brotli-compressed, and the same page on a client navigation too", async ({ request }) => {
  const page = await request.get("/city", { headers: { "accept-encoding": "gzip, deflate, br" } });
  expect(page.status()).toBe(200);
  expect(page.headers()["content-encoding"]).toBe("br");
  expect(page.headers()["vary"]).toMatch(/Accept-Encoding/);
  expect(await page.text()).toContain("全市总览");

  const gz = await request.get("/city", { headers: { "accept-encoding": "gzip" } });
  expect(gz.headers()["content-encoding"]).toBe("gzip");
  expect(await gz.text()).toContain("全市总览");

  const nav = await request.get("/city/lagging", { headers: { "accept-encoding": "br", RSC: "1" } });
  expect(nav.headers()["content-type"]).toContain("text/x-component");
  expect(nav.headers()["content-encoding"]).toBe("br");
  expect(await nav.text()).toContain("滞后");
});

test("an Excel download is sent as the app wrote it, not compressed again", async ({ request }) => {
  const res = await request.get("/city/export/dashboard", { headers: { "accept-encoding": "gzip, br" } });
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toContain("spreadsheetml");
  expect(res.headers()["content-encoding"]).toBeUndefined();
  expect((await res.body()).subarray(0, 2).toString()).toBe("PK");
});

test.describe("public pages as plain HTML", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("the public home goes out without the framework's scripts or inlined payload, compressed or not, and reads the same in a browser", async ({ request, browser }) => {
    for (const encoding of ["identity", "gzip, deflate, br"]) {
      const res = await request.get("/", { headers: { "accept-encoding": encoding } });
      expect(res.status()).toBe(200);
      const html = await res.text();
      expect(html).toContain("专项行动");
      expect(html).toMatch(/<link rel="stylesheet" href="\/_next\/static\/[^"]+\.css"/);
      expect(html).not.toContain("<script");
      expect(html).not.toContain("__next_f");
      expect(html.length).toBeLessThan(120_000);
      // The public pages' fixed policy (next.config.ts): no nonce, no framing; no HSTS over plain HTTP.
      expect(res.headers()["content-security-policy"]).toContain("script-src 'self' 'unsafe-inline'");
      expect(res.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
      expect(res.headers()["content-security-policy"]).not.toContain("upgrade-insecure-requests");
      expect(res.headers()["strict-transport-security"]).toBeUndefined();
      // The front server's validator: a browser's revisit with it is answered 304, without a body.
      const etag = res.headers()["etag"];
      expect(etag).toMatch(/^"[\w-]+-p(-br)?"$/);
      const again = await request.get("/", { headers: { "accept-encoding": encoding, "if-none-match": etag! } });
      expect(again.status()).toBe(304);
      expect(await again.text()).toBe("");
    }
    // Links are plain links: the language switch and the nav go by full page loads.
    const context = await browser.newContext();
    const page = await context.newPage();
    const scripts: string[] = [];
    page.on("request", (r) => {
      if (r.resourceType() === "script") scripts.push(r.url());
    });
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("专项行动");
    await page.getByRole("link", { name: "English" }).click();
    await expect(page).toHaveURL(/\/en$/);
    await expect(page.getByRole("link", { name: "中文" })).toBeVisible();
    expect(scripts).toEqual([]);
  });

  test("a signed-in page with client forms keeps its scripts", async ({ browser }) => {
    const context = await browser.newContext({ storageState: authFile("leader") });
    const res = await context.request.get("/account/password");
    expect(await res.text()).toMatch(/<script src="\/_next\/static\/[^"]+\.js"/);
  });
});

test.describe("the leader's read-only pages as plain HTML", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("they go out without the framework's runtime; links, the month picker, printing and signing out still work", async ({ browser }) => {
    const username = uniqueName("plain");
    await createUser({ username, password: PASSWORD, role: "city_leader" });
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, username, PASSWORD);
    for (const url of ["/city", "/city/lagging", "/city/rankings", "/city/projects", "/city/districts/jinjiang", "/city/bulletin"]) {
      const res = await context.request.get(url, { headers: { "accept-encoding": "gzip, br" } });
      expect(res.status(), url).toBe(200);
      const html = await res.text();
      expect(html, url).not.toMatch(/<script(?![^>]*src="\/js\/print\.js")/);
      expect(html, url).not.toContain("__next_f");
      expect(html, url).toContain('src="/js/print.js"');
      // Nothing of the request is left in a plain page: no nonce, and a script policy of 'self' alone
      // (the print button's script is the app's own file), so the same page is the same bytes.
      expect(html, url).not.toContain("nonce=");
      expect(res.headers()["content-security-policy"], url).toMatch(/(?:^|; )script-src 'self'(?:;|$)/);
    }

    const scripts: string[] = [];
    page.on("request", (r) => {
      if (r.resourceType() === "script") scripts.push(new URL(r.url()).pathname);
    });
    const violations: string[] = [];
    page.on("console", (m) => {
      if (/Content[- ]Security[- ]Policy/i.test(m.text())) violations.push(m.text());
    });
    await page.addInitScript(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void (window as unknown as { printed: number }).printed++;
    });
    await page.goto("/city?month=2023-10");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await page.getByRole("button", { name: "打印" }).click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

    // The month picker is a GET form; a drill-down link is a full page load.
    await page.getByLabel("截至月份").selectOption("2023-09");
    await page.getByRole("button", { name: "查看" }).first().click();
    await expect(page).toHaveURL(/month=2023-09/);
    await page.getByRole("link", { name: "滞后清单" }).first().click();
    await expect(page).toHaveURL(/\/city\/lagging/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("滞后");
    expect(new Set(scripts)).toEqual(new Set(["/js/print.js"]));
    expect(violations).toEqual([]);

    // Signing out is a server-action form: it posts without the runtime.
    await page.getByRole("button", { name: "退出登录" }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto("/city");
    await expect(page).toHaveURL(/\/login/);
  });
});
