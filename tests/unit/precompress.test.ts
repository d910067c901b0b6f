import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
// @ts-expect-error plain JavaScript module of the front server, without type declarations
import { chooseEncoding, compressedOnce } from "../../scripts/precompress.mjs";

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
