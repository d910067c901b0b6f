import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ACTIONS } from "@/domain/policy";
import { policyTableMarkdown, withPolicyTable } from "@/domain/policy-table";

describe("the README's roles × actions table", () => {
  it("is the one computed from the policy (run npm run docs:policy after changing domain/policy.ts)", () => {
    const readme = readFileSync("README.md", "utf8");
    expect(withPolicyTable(readme)).toBe(readme);
  });

  it("has one row per action and says what the policy says", () => {
    const table = policyTableMarkdown();
    const rows = table.split("\n").slice(2);
    expect(rows).toHaveLength(ACTIONS.length);
    const row = (a: string) => rows.find((r) => r.includes(`\`${a}\``))!.split("|").map((c) => c.trim()).slice(2, 6);
    // Columns: city admin, city leader, district editor, department editor.
    expect(row("report.submit")).toEqual(["—", "—", "本区：草稿、已退回", "—"]);
    expect(row("report.approve")).toEqual(["✓：已报送", "—", "—", "—"]);
    expect(row("order.respond")).toEqual(["—", "—", "本单位负责的督办单：待办理、已退回重办", "本单位负责的督办单：待办理、已退回重办"]);
    expect(row("city.read")).toEqual(["✓", "✓", "—", "—"]);
  });
});
