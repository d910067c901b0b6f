import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
// @ts-expect-error plain JavaScript module of the front server, without type declarations
import { builtPlainPage, chooseEncoding, fixedPage, compressedOnce, encodedOnce, measureTextsOnce, passCompressed, withoutRuntime } from "../../scripts/precompress.mjs";
import { createServer, request, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** One GET to a test server: status, headers and the body as sent (not decompressed). */
async function getPath(port: number, path: string, headers: Record<string, string>) {
  return new Promise<{ status: number; headers: IncomingMessage["headers"]; body: Buffer }>((resolve, reject) => {
    request({ port, path, headers }, (res) => {
      const parts: Buffer[] = [];
      res.on("data", (c: Buffer) => parts.push(c));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(parts) }));
    }).on("error", reject).end();
  });
}

describe("front-server compression", () => {
  it("picks brotli when the browser offers it, gzip otherwise, nothing when neither is acceptable", () => {
    expect(chooseEncoding("gzip, deflate, br, zstd")).toBe("br");
    expect(chooseEncoding("gzip")).toBe("gzip");
    expect(chooseEncoding("br;q=0, gzip")).toBe("gzip");
    expect(chooseEncoding("identity")).toBeNull();
    expect(chooseEncoding(undefined)).toBeNull();
  });

  it("compresses a shared page once and hands the same bytes to the next request; new content gets new bytes", () => {
    const page = Buffer.from("<html>" + "重点项目完成投资 13.98 亿元。".repeat(400) + "</html>");
    const first = compressedOnce(page, "br");
    const second = compressedOnce(Buffer.from(page), "br");
    expect(first.hit).toBe(false);
    expect(second.hit).toBe(true);
    expect(second.bytes).toBe(first.bytes);
    expect(brotliDecompressSync(second.bytes).equals(page)).toBe(true);
    const changed = Buffer.from(page.toString().replace("13.98", "14.02"));
    const next = compressedOnce(changed, "br");
    expect(next.hit).toBe(false);
    expect(brotliDecompressSync(next.bytes).toString()).toContain("14.02");
    expect(gunzipSync(compressedOnce(page, "gzip").bytes).equals(page)).toBe(true);
  });
});

describe("signed-in pages compressed by the front server (pagesOnly)", () => {
  const html = "<!DOCTYPE html><html><body>" + "<tr><td>市重点项目完成投资</td><td>7,763.7 亿元</td></tr>".repeat(300) + "</body></html>";
  const file = Buffer.alloc(200_000, 7);
  /** What Next.js would answer for each path, written the ways Next.js writes. */
  function app(req: IncomingMessage, res: ServerResponse) {
    // The app never sees the browser's Accept-Encoding: it must not compress as well.
    res.setHeader("x-app-saw-encoding", String(req.headers["accept-encoding"] ?? "none"));
    if (req.url === "/city") {
      res.setHeader("content-type", "text/html; charset=utf-8");
      res.setHeader("vary", "RSC, Next-Router-State-Tree");
      for (let i = 0; i < html.length; i += 4000) res.write(html.slice(i, i + 4000));
      res.end();
    } else if (req.url === "/city/export/dashboard") {
      res.writeHead(200, { "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "content-length": String(file.length) });
      res.write(file.subarray(0, 1000));
      res.end(file.subarray(1000));
    } else {
      res.writeHead(307, { location: "/login?next=%2Fcity" });
      res.end();
    }
  }
  async function get(port: number, path: string) {
    return new Promise<{ status: number; headers: IncomingMessage["headers"]; body: Buffer }>((resolve, reject) => {
      request({ port, path, headers: { "accept-encoding": "gzip, deflate, br" } }, (res) => {
        const parts: Buffer[] = [];
        res.on("data", (c: Buffer) => parts.push(c));
        res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(parts) }));
      }).on("error", reject).end();
    });
  }

  it("a download written with backpressure through Next.js's own compression layer finishes, byte for byte", async () => {
    // @ts-expect-error Next.js's bundled copy of the compression middleware has no type declarations
    const { default: compression } = (await import("next/dist/compiled/compression/index.js")) as unknown as { default: () => (req: IncomingMessage, res: ServerResponse, next: () => void) => void };
    const big = Buffer.alloc(600_000, 9);
    // As Next.js answers a route handler: its compression layer wraps the response, headers are
    // flushed first, then chunks are written, waiting for 'drain' when the socket is full.
    const next = (req: IncomingMessage, res: ServerResponse) =>
      compression()(req, res, async () => {
        res.statusCode = 200;
        res.setHeader("content-type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        res.flushHeaders();
        for (let i = 0; i < big.length; i += 65_536) {
          if (!res.write(big.subarray(i, i + 65_536))) await new Promise((r) => res.once("drain", r));
        }
        res.end();
      });
    const server = createServer((req, res) => passCompressed(req, res, next, { pagesOnly: true }));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    try {
      const got = await get((server.address() as AddressInfo).port, "/city/export/rankings");
      expect(got.headers["content-encoding"]).toBeUndefined();
      expect(got.body.equals(big)).toBe(true);
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  }, 15_000);

  it("sends a page's HTML whole and brotli-compressed, passes a download and a redirect through untouched", async () => {
    const server = createServer((req, res) => passCompressed(req, res, app, { pagesOnly: true }));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const port = (server.address() as AddressInfo).port;
    try {
      const page = await get(port, "/city");
      expect(page.headers["x-app-saw-encoding"]).toBe("none");
      expect(page.headers["content-encoding"]).toBe("br");
      expect(page.headers.vary).toBe("RSC, Next-Router-State-Tree, Accept-Encoding");
      expect(Number(page.headers["content-length"])).toBe(page.body.length);
      expect(page.body.length).toBeLessThan(html.length / 10);
      expect(brotliDecompressSync(page.body).toString()).toBe(html);

      const download = await get(port, "/city/export/dashboard");
      expect(download.headers["content-encoding"]).toBeUndefined();
      expect(download.headers["content-type"]).toContain("spreadsheetml");
      expect(download.body.equals(file)).toBe(true);

      const redirect = await get(port, "/elsewhere");
      expect(redirect.status).toBe(307);
      expect(redirect.headers.location).toBe("/login?next=%2Fcity");
      expect(redirect.headers["content-encoding"]).toBeUndefined();
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});

describe("public pages as plain HTML (plainPages)", () => {
  // The shape Next.js renders: runtime chunks, a script preload, the inlined RSC payload (whose
  // `</script>` inside strings is escaped as \u003c), and a nomodule polyfill.
  const content = "<main><h1>“1+3+2”专项行动</h1><p>&lt;script&gt;alert(1)&lt;/script&gt; 是文字，不是脚本</p>" + "<tr><td>鲤城区</td><td>快于序时</td></tr>".repeat(200) + "</main>";
  const rendered =
    '<!DOCTYPE html><html lang="zh-CN"><head><meta charSet="utf-8"/><link rel="stylesheet" href="/_next/static/chunks/a.css" data-precedence="next"/>' +
    '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/b.js"/><link rel="modulepreload" href="/_next/static/chunks/m.js"/>' +
    '<script src="/_next/static/chunks/c.js" async=""></script><title>推进</title><link rel="icon" href="/icon.svg"/>' +
    '<script src="/_next/static/chunks/poly.js" noModule=""></script></head><body>' +
    content +
    '<script>(self.__next_f=self.__next_f||[]).push([0])</script><script>self.__next_f.push([1,"\\u003c/script\\u003e\\u003cmain\\u003e' +
    "x".repeat(5000) +
    '"])</script></body></html>';
  const plain =
    '<!DOCTYPE html><html lang="zh-CN"><head><meta charSet="utf-8"/><link rel="stylesheet" href="/_next/static/chunks/a.css" data-precedence="next"/>' +
    '<title>推进</title><link rel="icon" href="/icon.svg"/></head><body>' +
    content +
    "</body></html>";

  it("drops the framework's scripts, script preloads and inlined payload; keeps the page, its styles and its text", () => {
    expect(withoutRuntime(rendered)).toBe(plain);
  });

  it("keeps the app's own scripts from public/ (the print button's), drops the framework's", () => {
    const own = '<script src="/js/print.js" async="" nonce="abc"></script>';
    const page = rendered.replace("</head>", `${own}<link rel="preload" as="script" href="/js/print.js"/></head>`);
    expect(withoutRuntime(page)).toBe(plain.replace("</head>", `${own}<link rel="preload" as="script" href="/js/print.js"/></head>`));
    expect(withoutRuntime('<script src="//cdn.example/x.js"></script><script src="/_next/static/chunks/x.js"></script>')).toBe("");
  });

  function app(req: IncomingMessage, res: ServerResponse) {
    if (req.headers.rsc === "1") {
      res.setHeader("content-type", "text/x-component");
      res.end('0:{"a":"<script>"}\n' + "y".repeat(2000));
      return;
    }
    res.setHeader("content-type", "text/html; charset=utf-8");
    res.setHeader("x-nextjs-cache", "HIT");
    for (let i = 0; i < rendered.length; i += 3000) res.write(rendered.slice(i, i + 3000));
    res.end();
  }
  async function get(port: number, headers: Record<string, string>) {
    return getPath(port, "/", headers);
  }

  it("serves the plain page with and without compression, the same bytes each time; the router's RSC answer is left alone", async () => {
    const server = createServer((req, res) => passCompressed(req, res, app, { plainPages: true }));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const port = (server.address() as AddressInfo).port;
    try {
      const identity = await get(port, {});
      expect(identity.headers["content-encoding"]).toBeUndefined();
      expect(Number(identity.headers["content-length"])).toBe(Buffer.byteLength(plain));
      expect(identity.body.toString()).toBe(plain);

      const br = await get(port, { "accept-encoding": "gzip, br" });
      expect(br.headers["content-encoding"]).toBe("br");
      expect(brotliDecompressSync(br.body).toString()).toBe(plain);
      const again = await get(port, { "accept-encoding": "gzip, br" });
      expect(again.body.equals(br.body)).toBe(true);

      const gz = await get(port, { "accept-encoding": "gzip" });
      expect(gunzipSync(gz.body).toString()).toBe(plain);

      const rsc = await get(port, { rsc: "1" });
      expect(rsc.headers["content-type"]).toBe("text/x-component");
      expect(rsc.body.toString()).toContain('0:{"a":"<script>"}');
    } finally {
      await new Promise((r) => server.close(r));
    }
  });

  it("with compression off, the page is still plain and goes out uncompressed", async () => {
    const server = createServer((req, res) => passCompressed(req, res, app, { plainPages: true, compression: false }));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    try {
      const got = await get((server.address() as AddressInfo).port, { "accept-encoding": "br" });
      expect(got.headers["content-encoding"]).toBeUndefined();
      expect(got.body.toString()).toBe(plain);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });

  it('"marked": a signed-in page goes out plain only when it carries the plain mark', async () => {
    const mark = '<meta name="tuijin-runtime" content="none"/>';
    const server = createServer((req, res) => {
      res.setHeader("content-type", "text/html; charset=utf-8");
      res.end(req.url === "/marked" ? rendered.replace("<title>", `${mark}<title>`) : rendered);
    });
    const front = createServer((req, res) => passCompressed(req, res, (q: IncomingMessage, r: ServerResponse) => server.emit("request", q, r), { pagesOnly: true, plainPages: "marked" }));
    await new Promise<void>((r) => front.listen(0, "127.0.0.1", r));
    const port = (front.address() as AddressInfo).port;
    const at = (path: string, headers: Record<string, string>) => getPath(port, path, headers);
    try {
      const marked = await at("/marked", { "accept-encoding": "br" });
      expect(brotliDecompressSync(marked.body).toString()).toBe(plain.replace("<title>", `${mark}<title>`));
      expect(marked.headers.etag).toBeUndefined();
      const unmarked = await at("/other", {});
      expect(unmarked.body.toString()).toBe(rendered);
      expect(unmarked.headers.vary).toMatch(/Accept-Encoding/);
    } finally {
      await new Promise((r) => front.close(r));
    }
  });

  it("a cached page written as one string (as Next.js serves its page cache) is encoded once; a revalidated text gets new bytes and a new ETag", async () => {
    let text = rendered;
    const server = createServer((req, res) =>
      passCompressed(
        req,
        res,
        (_q: IncomingMessage, r: ServerResponse) => {
          r.setHeader("content-type", "text/html; charset=utf-8");
          r.setHeader("x-nextjs-cache", "HIT");
          r.end(text);
        },
        { plainPages: true },
      ),
    );
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const port = (server.address() as AddressInfo).port;
    try {
      const first = await get(port, {});
      expect(first.body.toString()).toBe(plain);
      expect(encodedOnce(rendered).body).toBe(encodedOnce(rendered).body); // kept: the same Buffer
      expect(encodedOnce(rendered).body.equals(Buffer.from(rendered))).toBe(true);
      const again = await get(port, {});
      expect(again.headers.etag).toBe(first.headers.etag);
      expect(again.body.equals(first.body)).toBe(true);
      const br = await get(port, { "accept-encoding": "br" });
      expect(brotliDecompressSync(br.body).toString()).toBe(plain);

      text = rendered.replace("鲤城区", "丰泽区");
      const revalidated = await get(port, {});
      expect(revalidated.body.toString()).toBe(plain.replace("鲤城区", "丰泽区"));
      expect(revalidated.headers.etag).not.toBe(first.headers.etag);
      const revalidatedBr = await get(port, { "accept-encoding": "br" });
      expect(brotliDecompressSync(revalidatedBr.body).toString()).toBe(plain.replace("鲤城区", "丰泽区"));
      expect(revalidatedBr.headers.etag).not.toBe(br.headers.etag);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });

  it("a cached page carries an ETag per representation, and If-None-Match with it gets 304 without a body", async () => {
    const server = createServer((req, res) => passCompressed(req, res, app, { plainPages: true }));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const port = (server.address() as AddressInfo).port;
    try {
      const br = await get(port, { "accept-encoding": "br" });
      const identity = await get(port, {});
      expect(br.headers.etag).toMatch(/^"[\w-]+-p-br"$/);
      expect(identity.headers.etag).toMatch(/^"[\w-]+-p"$/);
      const notModified = await get(port, { "accept-encoding": "br", "if-none-match": `"other", ${br.headers.etag}` });
      expect(notModified.status).toBe(304);
      expect(notModified.body.length).toBe(0);
      expect(notModified.headers.etag).toBe(br.headers.etag);
      expect(notModified.headers.vary).toMatch(/Accept-Encoding/);
      expect(identity.headers.vary).toMatch(/Accept-Encoding/);
      // The uncompressed page's tag does not validate the brotli one.
      const other = await get(port, { "accept-encoding": "br", "if-none-match": identity.headers.etag! });
      expect(other.status).toBe(200);
      expect(brotliDecompressSync(other.body).toString()).toBe(plain);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
  it("a signed-in plain page goes out without the request's nonce and with the script policy 'self': the same page for the same reader is the same bytes each time", async () => {
    const mark = '<meta name="tuijin-runtime" content="none"/>';
    const policy = (nonce: string) => `default-src 'self'; script-src 'self' 'nonce-${nonce}' 'strict-dynamic'; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'`;
    let served = 0;
    const server = createServer((req, res) => {
      // As proxy.ts and Next.js do: a new nonce for every request, on the policy and on each tag.
      const nonce = Buffer.from(`n${++served}-${Math.random()}`).toString("base64");
      res.setHeader("content-type", "text/html; charset=utf-8");
      res.setHeader("content-security-policy", policy(nonce));
      const page = (req.url === "/other" ? rendered.replace("鲤城区", "丰泽区") : rendered)
        .replace("<title>", `${mark}<title>`)
        .replace('data-precedence="next"/>', `nonce="${nonce}" data-precedence="next"/>`)
        .replace("</head>", `<script src="/js/print.js" async="" nonce="${nonce}"></script></head>`)
        .replace("<script>(self.__next_f", `<script nonce="${nonce}">(self.__next_f`);
      res.end(req.url === "/unmarked" ? page.replace(mark, "") : page);
    });
    const front = createServer((req, res) => passCompressed(req, res, (q: IncomingMessage, r: ServerResponse) => server.emit("request", q, r), { pagesOnly: true, plainPages: "marked" }));
    await new Promise<void>((r) => front.listen(0, "127.0.0.1", r));
    const port = (front.address() as AddressInfo).port;
    const at = (path: string, headers: Record<string, string>) => getPath(port, path, headers);
    const expected = plain.replace("<title>", `${mark}<title>`).replace("</head>", '<script src="/js/print.js" async=""></script></head>');
    try {
      const first = await at("/city", { "accept-encoding": "br" });
      const second = await at("/city", { "accept-encoding": "br" });
      expect(brotliDecompressSync(first.body).toString()).toBe(expected);
      expect(second.body.equals(first.body)).toBe(true);
      const csp = String(first.headers["content-security-policy"]);
      expect(csp).toContain("script-src 'self'; ");
      expect(csp).not.toMatch(/nonce|strict-dynamic|unsafe-inline' 'strict|script-src[^;]*unsafe-inline/);
      expect(csp).toContain("frame-ancestors 'none'");
      const identity = await at("/city", {});
      expect(identity.body.toString()).toBe(expected);
      expect(Number(identity.headers["content-length"])).toBe(identity.body.length);
      // Another page is its own bytes, not the first page's.
      const other = await at("/other", { "accept-encoding": "br" });
      expect(brotliDecompressSync(other.body).toString()).toBe(expected.replace("鲤城区", "丰泽区"));
      const otherGzip = await at("/other", { "accept-encoding": "gzip" });
      expect(otherGzip.headers["content-encoding"]).toBe("gzip");
      expect(gunzipSync(otherGzip.body).toString()).toBe(expected.replace("鲤城区", "丰泽区"));
      // A page that is not plain keeps its scripts, their nonce and the nonce policy.
      const unmarked = await at("/unmarked", {});
      const nonce = /'nonce-([^']+)'/.exec(String(unmarked.headers["content-security-policy"]))?.[1];
      expect(nonce).toBeTruthy();
      expect(unmarked.body.toString()).toContain(`<script nonce="${nonce}">(self.__next_f`);
    } finally {
      await new Promise((r) => front.close(r));
    }
  });

  it("Buffer.byteLength stays exact with the encoded page-cache texts answered from their kept bytes: any other text is measured", () => {
    measureTextsOnce();
    const text = rendered.replace("推进", "推进（字节）").repeat(2);
    expect(text.length).toBeGreaterThan(16 * 1024);
    const bytes = encodedOnce(text).body.length;
    expect(Buffer.byteLength(text)).toBe(bytes);
    expect(Buffer.byteLength(text, "utf8")).toBe(Buffer.from(text, "utf8").length);
    // The same length in characters, more bytes: measured, not taken from the kept text.
    const wider = text.replace("x", "é");
    expect(wider.length).toBe(text.length);
    expect(Buffer.byteLength(wider)).toBe(bytes + 1);
    expect(Buffer.byteLength(text, "latin1")).toBe(text.length);
    expect(Buffer.byteLength("短文本")).toBe(9);
  });
});

describe("open-data answers compressed once per content hash (hashTagged)", () => {
  const json = JSON.stringify({ values: Array.from({ length: 3000 }, (_, i) => ({ area_code: "jinjiang", month: "2023-10", ytd_value: i / 7 })) });
  const hash = "Qm9vdHN0cmFwcGVkLWhhc2gtMTIzNDU2";
  const photo = Buffer.alloc(50_000, 3);
  /** The open-data routes as Next.js writes them: a hash-tagged JSON answer in chunks, a photo, an untagged answer. */
  function api(req: IncomingMessage, res: ServerResponse) {
    res.setHeader("x-app-saw-encoding", String(req.headers["accept-encoding"] ?? "none"));
    if (req.url === "/api/v1/indicators.json") {
      res.writeHead(200, { "content-type": "application/json; charset=utf-8", etag: `"${hash}"`, vary: "Accept-Encoding" });
      for (let i = 0; i < json.length; i += 16_384) res.write(json.slice(i, i + 16_384));
      res.end();
    } else if (req.url === "/api/v1/photos/1") {
      res.writeHead(200, { "content-type": "image/jpeg", etag: `"${"p".repeat(32)}"`, "content-length": String(photo.length) });
      res.end(photo);
    } else {
      res.writeHead(200, { "content-type": "application/json", etag: '"short"' });
      res.end(json);
    }
  }
  const get = getPath;

  it("sends the answer compressed, the same bytes for every caller, tagged per representation; 304 for a held tag", async () => {
    const server = createServer((req, res) => passCompressed(req, res, api, { hashTagged: true }));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const port = (server.address() as AddressInfo).port;
    try {
      const br = await get(port, "/api/v1/indicators.json", { "accept-encoding": "gzip, deflate, br" });
      expect(br.headers["x-app-saw-encoding"]).toBe("none");
      expect(br.headers["content-encoding"]).toBe("br");
      expect(br.headers.etag).toBe(`"${hash}-br"`);
      expect(br.headers.vary).toContain("Accept-Encoding");
      expect(Number(br.headers["content-length"])).toBe(br.body.length);
      expect(br.body.length).toBeLessThan(json.length / 4);
      expect(brotliDecompressSync(br.body).toString()).toBe(json);
      // Compressed under the answer's own hash: the next caller gets the kept bytes.
      expect(compressedOnce(Buffer.from(json), "br", hash).hit).toBe(true);
      const again = await get(port, "/api/v1/indicators.json", { "accept-encoding": "br" });
      expect(again.body.equals(br.body)).toBe(true);
      const gz = await get(port, "/api/v1/indicators.json", { "accept-encoding": "gzip" });
      expect(gz.headers.etag).toBe(`"${hash}-gzip"`);
      expect(gunzipSync(gz.body).toString()).toBe(json);
      const identity = await get(port, "/api/v1/indicators.json", {});
      expect(identity.headers["content-encoding"]).toBeUndefined();
      expect(identity.body.toString()).toBe(json);
      const held = await get(port, "/api/v1/indicators.json", { "accept-encoding": "br", "if-none-match": br.headers.etag! });
      expect(held.status).toBe(304);
      expect(held.body.length).toBe(0);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });

  it("leaves a photo and an answer without a content-hash tag as Next.js writes them", async () => {
    const server = createServer((req, res) => passCompressed(req, res, api, { hashTagged: true }));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const port = (server.address() as AddressInfo).port;
    try {
      const p = await get(port, "/api/v1/photos/1", { "accept-encoding": "br" });
      expect(p.headers["content-encoding"]).toBeUndefined();
      expect(p.headers.etag).toBe(`"${"p".repeat(32)}"`);
      expect(p.body.equals(photo)).toBe(true);
      const untagged = await get(port, "/api/v1/catalog", { "accept-encoding": "br" });
      expect(untagged.headers["content-encoding"]).toBeUndefined();
      expect(untagged.headers.etag).toBe('"short"');
      expect(untagged.body.toString()).toBe(json);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});

describe("a public 404 that Next.js left bare gets the site's 404 page (notFound)", () => {
  const bare = (status: number) =>
    `<!DOCTYPE html><html id="__next_error__"><head><title>推进</title><script src="/_next/static/chunks/a.js" async=""></script></head><body><div hidden=""><!--$--><!--/$--></div><script>self.__next_f.push([1,"页面不存在"])</script></body></html><!-- ${status} -->`;
  const built = `<!DOCTYPE html><html lang="zh-CN"><head><title>推进</title><script src="/_next/static/chunks/b.js" async=""></script></head><body><main id="main"><h1>页面不存在</h1><p lang="en">Page not found.</p><a href="/">返回首页</a></main><script>self.__next_f.push([1,"x"])</script></body></html>`;
  const dir = mkdtempSync(path.join(tmpdir(), "tuijin-404-"));
  writeFileSync(path.join(dir, "_not-found.html"), built);
  const notFound = builtPlainPage(path.join(dir, "_not-found.html"));
  /** The public pages as Next.js writes them: a bare 404 (unknown indicator), a rendered 404, a bare 500, a page. */
  function app(req: IncomingMessage, res: ServerResponse) {
    const [status, body] =
      req.url === "/indicators/nope" ? [404, bare(404)] : req.url === "/rendered-404" ? [404, "<html><body><h1>别的 404</h1></body></html>"] : req.url === "/broken" ? [500, bare(500)] : [200, "<html><body><h1>首页</h1></body></html>"];
    res.writeHead(status, { "content-type": "text/html; charset=utf-8", "x-nextjs-cache": "HIT" });
    res.end(body);
  }

  it("sends the built 404 page, without scripts, readable in both languages, status 404, compressed or not", async () => {
    const server = createServer((req, res) => passCompressed(req, res, app, { plainPages: true, notFound }));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const port = (server.address() as AddressInfo).port;
    try {
      const plain = await getPath(port, "/indicators/nope", {});
      expect(plain.status).toBe(404);
      const text = plain.body.toString();
      expect(text).toContain("<h1>页面不存在</h1>");
      expect(text).toContain("Page not found.");
      expect(text).not.toContain("__next_error__");
      expect(text).not.toContain("<script");
      expect(Number(plain.headers["content-length"])).toBe(plain.body.length);
      const br = await getPath(port, "/indicators/nope", { "accept-encoding": "br" });
      expect(br.status).toBe(404);
      expect(br.headers["content-encoding"] === "br" ? brotliDecompressSync(br.body).toString() : br.body.toString()).toBe(text);
      // Anything else goes out as Next.js rendered it (scripts removed as on every public page).
      expect((await getPath(port, "/rendered-404", {})).body.toString()).toContain("别的 404");
      const broken = await getPath(port, "/broken", {});
      expect(broken.status).toBe(500);
      expect(broken.body.toString()).toContain("__next_error__");
      expect((await getPath(port, "/", {})).body.toString()).toContain("<h1>首页</h1>");
    } finally {
      await new Promise((r) => server.close(r));
    }
  });

  it("sends the fixed error page for a page that failed on the server, status 500, with a way to try again", async () => {
    // @ts-expect-error plain JavaScript module of the front server, without type declarations
    const { SERVER_ERROR_HTML } = await import("../../scripts/error-page.mjs");
    const server = createServer((req, res) => passCompressed(req, res, app, { plainPages: true, notFound, serverError: fixedPage(SERVER_ERROR_HTML) }));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const port = (server.address() as AddressInfo).port;
    try {
      const broken = await getPath(port, "/broken", { "accept-encoding": "gzip, br" });
      expect(broken.status).toBe(500);
      const text = broken.body.toString();
      expect(text).toContain("<h1>出错了</h1>");
      expect(text).toContain("Something went wrong");
      expect(text).toContain('<a href="">重试</a>');
      expect(text).not.toContain("__next_error__");
      expect(text).not.toContain("<script");
      // The 404 keeps its own page.
      expect((await getPath(port, "/indicators/nope", {})).body.toString()).toContain("<h1>页面不存在</h1>");
    } finally {
      await new Promise((r) => server.close(r));
    }
  });

  it("leaves the bare answer alone when the build has no 404 page", async () => {
    const missing = builtPlainPage(path.join(dir, "absent.html"));
    expect(missing()).toBeNull();
    const server = createServer((req, res) => passCompressed(req, res, app, { plainPages: true, notFound: missing }));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const port = (server.address() as AddressInfo).port;
    try {
      const res = await getPath(port, "/indicators/nope", {});
      expect(res.status).toBe(404);
      expect(res.body.toString()).toContain("__next_error__");
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});
