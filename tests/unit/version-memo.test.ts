import { beforeEach, describe, expect, it, vi } from "vitest";

// The data version as app_meta holds it; every data write bumps it (db/client.ts).
let version: string | null = null;
vi.mock("@/db/queries/meta", () => ({ getMetaValue: async (key: string) => (key === "data_version" ? version : null) }));
const { perDataVersion } = await import("@/app/_lib/version-memo");

describe("perDataVersion", () => {
  beforeEach(() => {
    version = "7";
  });

  it("reads once per data version and argument set, and again after any write", async () => {
    const calls: string[] = [];
    const sectors = perDataVersion(8, async (campaignId: number, month: string) => {
      calls.push(`${campaignId}|${month}@${version}`);
      return [{ sector: "产业", month, at: version }];
    });
    const first = await sectors(1, "2023-10");
    expect(await sectors(1, "2023-10")).toBe(first);
    await sectors(1, "2023-09");
    expect(calls).toEqual(["1|2023-10@7", "1|2023-09@7"]);
    version = "8"; // a clerk saved a figure
    const after = await sectors(1, "2023-10");
    expect(after).not.toBe(first);
    expect(after[0]!.at).toBe("8");
    expect(calls).toEqual(["1|2023-10@7", "1|2023-09@7", "1|2023-10@8"]);
  });

  it("a database with no version yet counts as version 0, and a failed read is not kept", async () => {
    version = null;
    let n = 0;
    const flaky = perDataVersion(8, async (x: string) => {
      n++;
      if (n === 1) throw new Error("数据库暂时不可用");
      return `${x}:${n}`;
    });
    await expect(flaky("a")).rejects.toThrow("数据库暂时不可用");
    expect(await flaky("a")).toBe("a:2");
    expect(await flaky("a")).toBe("a:2");
  });

  it("keeps at most `limit` argument sets, dropping the least recently used", async () => {
    let n = 0;
    const f = perDataVersion(2, async (x: string) => `${x}${++n}`);
    expect(await f("a")).toBe("a1");
    expect(await f("b")).toBe("b2");
    expect(await f("a")).toBe("a1"); // a is now the most recent
    expect(await f("c")).toBe("c3"); // b goes
    expect(await f("a")).toBe("a1");
    expect(await f("b")).toBe("b4");
  });
});
