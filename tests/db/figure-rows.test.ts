import { describe, expect, it } from "vitest";
import type { OpenDatabase } from "@/db/client";
import { demoAppDatabase } from "../support/demo-app-db";

/*
 * The figures form's rows (and a save's first load) read this month's and last month's cells in
 * full, and the earlier months only as value, numerator and denominator (issue #17). On the demo
 * data, every district-month's rows are what the whole year's cells, read in full, give.
 */

let open: OpenDatabase;
let load: typeof import("@/app/_lib/figures-load");
let figures: typeof import("@/db/queries/figures");
demoAppDatabase("tuijin-figure-rows-", async (db) => {
  open = db;
  load = await import("@/app/_lib/figures-load");
  figures = await import("@/db/queries/figures");
});

describe("the figures form's rows", () => {
  it("hold this month's and last month's cells and the history before this month, for every district and month", async () => {
    const campaignId = Number((await open.client.execute("select id from campaigns where year = 2023")).rows[0]!.id);
    const districts = (await open.client.execute("select id from districts where reports = 1 order by id")).rows.map((r) => Number(r.id));
    const months = ["2023-01", "2023-02", "2023-07", "2023-10"];
    let withHistory = 0;
    for (const districtId of districts) {
      for (const month of months) {
        const rows = await load.loadFigureRows(campaignId, districtId, month);
        const all = await figures.listDistrictFigures(campaignId, districtId, month);
        for (const row of rows) {
          const mine = all.filter((c) => c.indicatorId === row.indicator.id);
          const before = mine.filter((c) => c.month < month);
          const where = `district ${districtId} ${month} ${row.indicator.code}`;
          expect(row.current, where).toEqual(mine.find((c) => c.month === month) ?? null);
          expect(row.lastMonth?.month ?? null, where).toBe(before.at(-1)?.month === monthBefore(month) ? monthBefore(month) : null);
          expect(row.context.previousYtd, where).toBeCloseTo(before.reduce((s, c) => s + (c.value ?? 0), 0), 6);
          const history = row.indicator.aggregation === "ratio" ? before.filter((c) => c.numerator != null && c.denominator).map((c) => c.numerator! / c.denominator!) : before.filter((c) => c.value != null).map((c) => c.value);
          expect(row.context.history, where).toEqual(history);
          if (row.context.history.length > 2) withHistory += 1;
        }
      }
    }
    // The demo data has months of history to compare, not only empty rows.
    expect(withHistory).toBeGreaterThan(100);
  });
});

function monthBefore(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, "0")}`;
}
