import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
// @ts-expect-error plain JavaScript module of the front server, without type declarations
import { chooseEncoding, compressedOnce, passCompressed } from "../../scripts/precompress.mjs";
import { createServer, request, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

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
