import { expect, test } from "./support/test";
import { authFile } from "./support/auth-file";

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
