import { describe, expect, it } from "vitest";
import { isSameOrigin } from "@/app/_lib/origin";

describe("isSameOrigin", () => {
  it("accepts the app's own origin", () => {
    expect(isSameOrigin("http://localhost:3000", "localhost:3000")).toBe(true);
    expect(isSameOrigin("https://tuijin.example.gov.cn", "tuijin.example.gov.cn")).toBe(true);
  });
  it("refuses a foreign origin, another port, a missing or opaque origin", () => {
    expect(isSameOrigin("https://evil.example", "tuijin.example.gov.cn")).toBe(false);
    expect(isSameOrigin("http://localhost:4000", "localhost:3000")).toBe(false);
    expect(isSameOrigin(null, "localhost:3000")).toBe(false);
    expect(isSameOrigin("null", "localhost:3000")).toBe(false);
    expect(isSameOrigin("not a url", "localhost:3000")).toBe(false);
  });
  it("is not fooled by a look-alike host", () => {
    expect(isSameOrigin("https://tuijin.example.gov.cn.evil.example", "tuijin.example.gov.cn")).toBe(false);
  });
});
