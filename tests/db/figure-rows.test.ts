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

  it("are what a save checks against: the same indicators, history and last month, for every district and month", async () => {
    const campaignId = Number((await open.client.execute("select id from campaigns where year = 2023")).rows[0]!.id);
    const districts = (await open.client.execute("select id from districts where reports = 1 order by id")).rows.map((r) => Number(r.id));
    let lastMonths = 0;
    for (const districtId of districts) {
      for (const month of ["2023-01", "2023-02", "2023-07", "2023-10"]) {
        const page = await load.loadFigureRows(campaignId, districtId, month);
        const save = await load.loadEntryRows(campaignId, districtId, month);
        expect(save.map((r) => r.indicator)).toEqual(page.map((r) => r.indicator));
        save.forEach((row, i) => {
          const full = page[i]!;
          expect(row.context, `${districtId} ${month} ${row.indicator.code}`).toEqual(full.context);
          const last = full.lastMonth && { month: full.lastMonth.month, value: full.lastMonth.value, numerator: full.lastMonth.numerator, denominator: full.lastMonth.denominator, noData: full.lastMonth.noData };
          expect(row.lastMonth, `${districtId} ${month} ${row.indicator.code}`).toEqual(last);
          if (last) lastMonths += 1;
        });
      }
    }
    expect(lastMonths).toBeGreaterThan(100);
  });

  it("keep every stored figure exactly, a double that needs 17 digits and a blank as well", async () => {
    const campaignId = Number((await open.client.execute("select id from campaigns where year = 2023")).rows[0]!.id);
    const cell = (
      await open.client.execute({
        sql: `select fv.id, fv.indicator_id, r.district_id, i.aggregation from figure_values fv join monthly_reports r on r.id = fv.report_id join periods p on p.id = r.period_id
              join indicators i on i.id = fv.indicator_id where p.campaign_id = ? and p.month = '2023-03' and i.kind = 'reported' and i.aggregation = 'sum' and fv.value is not null limit 1`,
        args: [campaignId],
      })
    ).rows[0]!;
    const [indicatorId, districtId] = [Number(cell.indicator_id), Number(cell.district_id)];
    for (const stored of [0.1 + 0.2, 1 / 3, 123456789.12345679, 1e-7, -2.5, 7, null]) {
      await open.client.execute({ sql: "update figure_values set value = ? where id = ?", args: [stored, Number(cell.id)] });
      const history = await figures.listDistrictFigureHistory(campaignId, districtId, "2023-05");
      const march = history.find((c) => c.indicatorId === indicatorId && c.month === "2023-03");
      expect(march?.value).toBe(stored);
      // Oldest first, as every reader of the history expects.
      expect(history.map((c) => c.month)).toEqual([...history.map((c) => c.month)].sort());
    }
  });
});

function monthBefore(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, "0")}`;
}
