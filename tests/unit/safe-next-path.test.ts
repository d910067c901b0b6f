import { describe, expect, it } from "vitest";
import { safeNextPath } from "@/app/_lib/action-state";

describe("the post-sign-in destination", () => {
  it("keeps same-site paths", () => {
    expect(safeNextPath("/city/review?month=2023-10", "/x")).toBe("/city/review?month=2023-10");
    expect(safeNextPath("/projects/晋江", "/x")).toBe("/projects/晋江");
  });

  it("falls back for other sites, control characters and backslashes (a newline would reach the Location header)", () => {
    for (const bad of ["//evil.example", "https://evil.example", "/\\evil.example", "/account\r\nSet-Cookie: x=1", "/city\nabc", "/a\u0000b", "/a\u007fb", "city", "", null, 42]) {
      expect(safeNextPath(bad, "/district")).toBe("/district");
    }
  });
});
