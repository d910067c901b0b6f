import { expect, test } from "./support/test";

/* The static files in public/: what a browser, a crawler and a map user ask for without a page. */

test("/favicon.ico is an icon, for browsers that ask for it without reading the page", async ({ request }) => {
  const res = await request.get("/favicon.ico");
  expect(res.status()).toBe(200);
  const bytes = await res.body();
  // An ICO container: reserved 0, type 1, then at least one image.
  expect([...bytes.subarray(0, 4)]).toEqual([0, 0, 1, 0]);
  expect(bytes.readUInt16LE(4)).toBeGreaterThan(0);
});

test("/robots.txt lets crawlers read the public pages and keeps them out of the signed-in areas", async ({ request }) => {
  const res = await request.get("/robots.txt");
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toContain("text/plain");
  const lines = (await res.text()).split("\n").map((l) => l.trim());
  for (const path of ["/city/", "/district/", "/account/", "/login"]) expect(lines).toContain(`Disallow: ${path}`);
  expect(lines.some((l) => l === "Disallow: /")).toBe(false);
});

test("the demo city's district boundaries download as GeoJSON with their source and licence", async ({ request }) => {
  const res = await request.get("/maps/quanzhou-boundaries.geojson");
  expect(res.status()).toBe(200);
  const geo = JSON.parse(await res.text()) as { type: string; properties: { licence: string; source: string }; features: { properties: { name: string } }[] };
  expect(geo.type).toBe("FeatureCollection");
  expect(geo.properties.licence).toContain("MIT");
  expect(geo.features.map((f) => f.properties.name)).toContain("鲤城区");
});
