import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { openDataKeeper, type OpenDataBody } from "@/app/api/v1/_lib/respond";

/* Open-data answers kept until the data changes (issue #17): built once, never stale. */

const BASE = "http://localhost/api/v1/indicators.json";
const TYPE = "application/json; charset=utf-8";

function setup(opts: { maxBytes?: number } = {}) {
  let version = "1";
  let clock = 1_000_000;
  let builds = 0;
  let payload = "A";
  const keeper = openDataKeeper({ version: async () => version, now: () => clock, keepMs: 60_000, ...opts });
  const build = async (): Promise<OpenDataBody> => {
    builds += 1;
    return { body: JSON.stringify({ values: Array.from({ length: 400 }, (_, i) => ({ i, v: `${payload}${i}` })) }), contentType: TYPE };
  };
  const get = (url = BASE, headers: Record<string, string> = {}, method = "GET") => keeper.respond(new Request(url, { method, headers }), build);
  return {
    keeper,
    get,
    builds: () => builds,
    setVersion: (v: string) => (version = v),
    advance: (ms: number) => (clock += ms),
    setPayload: (p: string) => (payload = p),
  };
}

describe("open-data answers kept per data version", () => {
  it("builds once for every caller of the same URL while the data is unchanged", async () => {
    const t = setup();
    const a = await t.get();
    const b = await t.get();
    expect(t.builds()).toBe(1);
    expect(await b.text()).toBe(await a.text());
    expect(b.headers.get("etag")).toBe(a.headers.get("etag"));
    expect(JSON.parse(await (await t.get()).text()).values[3]).toEqual({ i: 3, v: "A3" });
  });

  it("builds again after a data write (a new data version), so a caller never gets the old figures", async () => {
    const t = setup();
    const before = await (await t.get()).text();
    t.setPayload("B");
    expect(await (await t.get()).text()).toBe(before);
    t.setVersion("2");
    const after = await (await t.get()).text();
    expect(t.builds()).toBe(2);
    expect(JSON.parse(after).values[3]).toEqual({ i: 3, v: "B3" });
  });

  it("keeps an answer a minute at most, whatever the version", async () => {
    const t = setup();
    await t.get();
    t.advance(59_000);
    await t.get();
    expect(t.builds()).toBe(1);
    t.advance(2_000);
    await t.get();
    expect(t.builds()).toBe(2);
  });

  it("keeps each query apart, and lets a refusal through without keeping it", async () => {
    const t = setup();
    await t.get(`${BASE}?indicator=a`);
    await t.get(`${BASE}?indicator=b`);
    await t.get(`${BASE}?indicator=a`);
    expect(t.builds()).toBe(2);
    let refusals = 0;
    const refuse = async () => {
      refusals += 1;
      return Response.json({ error: { code: "bad", message: "no" } }, { status: 400 });
    };
    const r1 = await t.keeper.respond(new Request(`${BASE}?indicator=zzz`), refuse);
    const r2 = await t.keeper.respond(new Request(`${BASE}?indicator=zzz`), refuse);
    expect([r1.status, r2.status, refusals]).toEqual([400, 400, 2]);
  });

  it("tags the answer with the hash of its bytes, which the front server compresses by (scripts/precompress.mjs)", async () => {
    const t = setup();
    const res = await t.get(BASE, { "accept-encoding": "gzip, br" });
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(res.headers.get("content-encoding")).toBeNull();
    expect(res.headers.get("etag")).toBe(`"${createHash("sha256").update(bytes).digest("base64url").slice(0, 32)}"`);
    expect(res.headers.get("etag")).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
    expect(res.headers.get("content-type")).toBe(TYPE);
    expect(res.headers.get("vary")).toContain("Accept-Encoding");
  });

  it("answers 304 with no body to a client holding any representation of the same bytes", async () => {
    const t = setup();
    const tag = (await t.get()).headers.get("etag")!;
    const again = await t.get(BASE, { "if-none-match": tag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    // The front server's tags of the compressed forms of the same bytes.
    const br = `${tag.slice(0, -1)}-br"`;
    expect((await t.get(BASE, { "accept-encoding": "br", "if-none-match": br })).status).toBe(304);
    expect((await t.get(BASE, { "if-none-match": `W/${tag.slice(0, -1)}-gzip"` })).status).toBe(304);
    expect((await t.get(BASE, { "if-none-match": `"${"x".repeat(32)}-br"` })).status).toBe(200);
    t.setVersion("2");
    t.setPayload("C");
    expect((await t.get(BASE, { "accept-encoding": "br", "if-none-match": br })).status).toBe(200);
  });

  it("answers HEAD with the headers and no body", async () => {
    const t = setup();
    const head = await t.get(BASE, {}, "HEAD");
    expect(head.status).toBe(200);
    expect(head.headers.get("content-type")).toBe(TYPE);
    expect(await head.text()).toBe("");
  });

  it("keeps no more than its byte bound, dropping the least recently used", async () => {
    const t = setup({ maxBytes: 20_000 });
    const size = Buffer.byteLength(await (await t.get(`${BASE}?n=1`)).text());
    expect(size).toBeGreaterThan(7_000);
    await t.get(`${BASE}?n=2`);
    await t.get(`${BASE}?n=1`);
    await t.get(`${BASE}?n=3`);
    expect(t.keeper.size).toBe(2);
    const builds = t.builds();
    await t.get(`${BASE}?n=1`);
    expect(t.builds()).toBe(builds);
    await t.get(`${BASE}?n=2`);
    expect(t.builds()).toBe(builds + 1);
  });

  it("counts a URL built by two requests at once once against the bound", async () => {
    const t = setup({ maxBytes: 20_000 });
    await Promise.all([t.get(`${BASE}?n=1`), t.get(`${BASE}?n=1`)]);
    expect(t.builds()).toBe(2);
    await t.get(`${BASE}?n=2`);
    expect(t.keeper.size).toBe(2);
    await t.get(`${BASE}?n=1`);
    await t.get(`${BASE}?n=2`);
    expect(t.builds()).toBe(3);
  });
});
