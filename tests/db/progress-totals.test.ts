import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type OpenDatabase } from "@/db/client";
import { MIGRATIONS_FOLDER, runMigrations } from "@/db/migrate";
import { seedDemo } from "@/db/seed";

/*
 * progress_totals is kept by triggers; the rollups trust it. After every kind of change to
 * progress rows and to the project attributes it is grouped by, it must equal the same sums
 * computed from the raw rows.
 */

const dir = mkdtempSync(path.join(tmpdir(), "tuijin-totals-"));
let open: OpenDatabase;

beforeAll(async () => {
  open = await openDatabase(`file:${path.join(dir, "demo.db")}`);
  await runMigrations(open);
  await seedDemo(open);
});
afterAll(() => {
  open.close();
  rmSync(dir, { recursive: true, force: true });
});

const fromRows = `select p.campaign_id, g.month, p.district_id, coalesce(p.sector_id, 0) as sector_id, p.is_key, sum(g.investment) as investment, sum(coalesce(g.approved_investment, 0)) as approved, count(*) as rows
  from project_progress g join projects p on p.id = g.project_id group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5`;
const fromTotals = `select campaign_id, month, district_id, sector_id, is_key, investment, approved_investment, rows from progress_totals where rows > 0 order by 1, 2, 3, 4, 5`;

async function rowsOf(sql: string) {
  return (await open.client.execute(sql)).rows.map((r) => Object.values(r).map(Number).join("|"));
}

async function expectExact() {
  const totals = await rowsOf(fromTotals);
  expect(totals.length).toBeGreaterThan(0);
  expect(totals).toEqual(await rowsOf(fromRows));
  // Groups emptied by a move or a delete hold nothing.
  expect(Number((await open.client.execute("select count(*) as n from progress_totals where rows = 0 and investment <> 0")).rows[0]!.n)).toBe(0);
}

async function aProject(): Promise<{ id: number; districtId: number; sectorId: number | null }> {
  const r = (await open.client.execute("select p.id, p.district_id, p.sector_id from projects p where exists (select 1 from project_progress g where g.project_id = p.id) order by p.id limit 1")).rows[0]!;
  return { id: Number(r.id), districtId: Number(r.district_id), sectorId: r.sector_id == null ? null : Number(r.sector_id) };
}

describe("progress_totals", () => {
  it("starts equal to the sums of the seeded progress rows", async () => {
    await expectExact();
  });

  it("follows inserted, changed and deleted progress rows", async () => {
    const p = await aProject();
    await open.client.execute({ sql: "insert into project_progress (project_id, month, investment) values (?, '2023-12', 777)", args: [p.id] });
    await expectExact();
    await open.client.execute({ sql: "update project_progress set investment = investment + 5 where project_id = ? and month = '2023-12'", args: [p.id] });
    await open.client.execute({ sql: "update project_progress set month = '2023-11' where project_id = ? and month = '2023-12'", args: [p.id] });
    await expectExact();
    // Approval copies the amount into its published copy; the totals follow.
    await open.client.execute({ sql: "update project_progress set approved_investment = investment + 1 where project_id = ? and month = '2023-11'", args: [p.id] });
    await expectExact();
    await open.client.execute({ sql: "delete from project_progress where project_id = ? and month = '2023-11'", args: [p.id] });
    await expectExact();
  });

  it("moves a project's amounts when its district, sector or key flag changes, and back", async () => {
    const p = await aProject();
    const other = Number((await open.client.execute({ sql: "select id from districts where id <> ? order by id limit 1", args: [p.districtId] })).rows[0]!.id);
    await open.client.execute({ sql: "update projects set district_id = ?, sector_id = null, is_key = 1 - is_key where id = ?", args: [other, p.id] });
    await expectExact();
    await open.client.execute({ sql: "update projects set district_id = ?, sector_id = ?, is_key = 1 - is_key where id = ?", args: [p.districtId, p.sectorId, p.id] });
    await expectExact();
    // Changing anything else leaves the totals alone.
    const before = await rowsOf(fromTotals);
    await open.client.execute({ sql: "update projects set name = name || '（改）' where id = ?", args: [p.id] });
    expect(await rowsOf(fromTotals)).toEqual(before);
  });
});

describe("progress_totals on a database that already holds progress", () => {
  it("is filled from the existing rows when migration 0005 is applied", async () => {
    // A copy of the migrations that stops before 0005: the database as it was before the totals existed.
    const folder = mkdtempSync(path.join(dir, "migrations-before-totals-"));
    cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
    const journalFile = path.join(folder, "meta", "_journal.json");
    const journal = JSON.parse(readFileSync(journalFile, "utf8")) as { entries: { tag: string }[] };
    journal.entries = journal.entries.filter((e) => e.tag < "0005");
    writeFileSync(journalFile, JSON.stringify(journal));
    const old = await openDatabase(`file:${path.join(dir, "before.db")}`);
    try {
      await runMigrations(old, folder);
      // Rows written as the schema stood then (the demo seed writes today's columns).
      await old.client.batch([
        "insert into campaigns (slug, year, city_name, title, starts_on, ends_on) values ('old-2023', 2023, '旧市', '旧专项行动', '2023-01-01', '2023-12-31')",
        "insert into districts (code, name, kind) values ('a', '甲区', 'district'), ('b', '乙区', 'district')",
        "insert into sectors (code, name) values ('s1', '产业'), ('s2', '交通')",
        ...Array.from({ length: 12 }, (_, i) => `insert into projects (campaign_id, code, name, district_id, sector_id, total_investment, annual_planned_investment, is_key)
          values (1, 'P${i}', '项目${i}', ${1 + (i % 2)}, ${i % 3 === 0 ? "null" : 1 + (i % 2)}, 100000, 20000, ${i % 4 === 0 ? 0 : 1})`),
        ...Array.from({ length: 12 * 5 }, (_, k) => `insert into project_progress (project_id, month, investment) values (${1 + (k % 12)}, '2023-0${1 + Math.floor(k / 12)}', ${1000 + k * 37})`),
      ], "write");
      expect(Number((await old.client.execute("select count(*) as n from sqlite_master where name = 'progress_totals'")).rows[0]!.n)).toBe(0);
      await runMigrations(old);
      const totals = (await old.client.execute(fromTotals)).rows.map((r) => Object.values(r).map(Number).join("|"));
      expect(totals.length).toBeGreaterThan(0);
      expect(totals).toEqual((await old.client.execute(fromRows)).rows.map((r) => Object.values(r).map(Number).join("|")));
    } finally {
      old.close();
    }
  });
});
