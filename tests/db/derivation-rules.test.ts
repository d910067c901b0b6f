import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type OpenDatabase } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { seedDemo } from "@/db/seed";
import { rollupIndicator } from "@/domain/rollup";
import { RULE_CODES } from "@/domain/derivations";

/*
 * Each derivation rule has one module (db/queries/derivations/*) that defines which records count;
 * the rollup's number for a district and the drill-down's records must therefore add up to each
 * other, for every derived indicator of the demo campaign, in both modes.
 */

const dir = mkdtempSync(path.join(tmpdir(), "tuijin-rules-"));
process.env.DATABASE_URL = `file:${path.join(dir, "demo.db")}`;
let open: OpenDatabase;
let rollups: typeof import("@/db/queries/rollups");
let drilldown: typeof import("@/db/queries/drilldown");

beforeAll(async () => {
  open = await openDatabase();
  await runMigrations(open);
  await seedDemo(open);
  rollups = await import("@/db/queries/rollups");
  drilldown = await import("@/db/queries/drilldown");
});
afterAll(() => {
  open.close();
  rmSync(dir, { recursive: true, force: true });
});

type Records = Awaited<ReturnType<typeof import("@/db/queries/drilldown").listDerivedRecords>>;

function total(r: Records): number {
  switch (r.kind) {
    case "investment":
      return r.rows.reduce((s, x) => s + x.investment, 0);
    case "signings":
      return r.measure === "sum" ? r.rows.reduce((s, x) => s + x.amount, 0) : r.rows.length;
    default:
      return r.rows.length;
  }
}

describe("derivation rules: rollup points and drill-down records from one definition", () => {
  for (const mode of ["official", "all"] as const) {
    it(`every derived indicator's district numbers equal its records (${mode})`, async () => {
      const month = "2023-10";
      const inputs = await rollups.loadRollupInputs(1, month, mode);
      const districts = (await open.client.execute("select id from districts where reports = 1")).rows.map((r) => Number(r.id));
      const derived = inputs.filter((i) => i.derivation);
      const rulesSeen = new Set(derived.map((i) => i.derivation!.rule));
      // The demo campaign exercises every rule but one at most (a rule without demo data would go untested here).
      expect(rulesSeen.size).toBeGreaterThanOrEqual(RULE_CODES.length - 1);
      let nonZero = 0;
      for (const ind of derived) {
        const r = rollupIndicator(ind, districts, 10, 500);
        for (const d of districts) {
          const records = await drilldown.listDerivedRecords(1, 2023, d, month, mode, ind.derivation!);
          expect(records.kind, ind.code).not.toBe("unsupported");
          const actual = r.districts.get(d)?.actual ?? 0;
          expect(total(records), `${ind.code} district ${d}`).toBe(actual);
          if (actual > 0) nonZero++;
        }
      }
      expect(nonZero).toBeGreaterThan(20);
    });
  }

  it("an unknown rule yields nothing rather than a query", async () => {
    const records = await drilldown.listDerivedRecords(1, 2023, 1, "2023-10", "all", { rule: "drop_table", params: {} });
    expect(records).toEqual({ kind: "unsupported", rows: [] });
  });
});
