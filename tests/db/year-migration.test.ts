import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { MIGRATIONS_FOLDER, runMigrations } from "@/db/migrate";

/* Migration 0008 on a database that already holds 2023 and 2024 records (written under 0007). */

const dir = mkdtempSync(path.join(tmpdir(), "tuijin-year-migration-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** db/migrations as it was before 0008. */
function migrationsUpTo0007(): string {
  const folder = path.join(dir, "migrations-0007");
  cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
  const journalFile = path.join(folder, "meta", "_journal.json");
  const journal = JSON.parse(readFileSync(journalFile, "utf8")) as { entries: { idx: number; tag: string }[] };
  for (const e of journal.entries.filter((x) => x.idx > 7)) unlinkSync(path.join(folder, `${e.tag}.sql`));
  journal.entries = journal.entries.filter((e) => e.idx <= 7);
  writeFileSync(journalFile, JSON.stringify(journal, null, 2));
  return folder;
}

describe("migration 0008 (a campaign year holds only its own records)", () => {
  it("gives every existing problem its project's campaign, keeps key projects 市重点 and the rest 一般, and files later inserts in their project's year", async () => {
    const open = await openDatabase(`file:${path.join(dir, "old.db")}`);
    await runMigrations(open, migrationsUpTo0007());
    const run = (s: string, args: (string | number)[] = []) => open.client.execute({ sql: s, args });
    await run("insert into districts (code, name, kind) values ('d1', '甲区', 'district')");
    for (const y of [2023, 2024]) await run("insert into campaigns (slug, year, city_name, title, starts_on, ends_on) values (?, ?, '测试市', '专项', ?, ?)", [`c-${y}`, y, `${y}-01-01`, `${y}-12-31`]);
    await run("insert into projects (campaign_id, code, name, district_id, total_investment, annual_planned_investment, is_key) values (1, 'P1', '二〇二三项目', 1, 100, 10, 1), (2, 'P2', '二〇二四项目', 1, 100, 10, 0)");
    await run(`insert into problems (project_id, district_id, type, description, responsible_unit, opened_on, deadline_on) values
      (1, 1, 'other', '旧难题', '单位', '2023-03-01', '2023-04-01'), (2, 1, 'other', '新难题', '单位', '2024-03-01', '2024-04-01')`);

    await runMigrations(open);
    const problems = await run("select description, campaign_id, origin_problem_id from problems order by id");
    expect(problems.rows.map((r) => [r.description, Number(r.campaign_id), r.origin_problem_id])).toEqual([["旧难题", 1, null], ["新难题", 2, null]]);
    const projects = await run("select code, key_level, is_key from projects order by id");
    expect(projects.rows.map((r) => [r.code, r.key_level, Number(r.is_key)])).toEqual([["P1", "city", 1], ["P2", "general", 0]]);
    const periods = await run("select count(*) as n from pragma_table_info('periods') where name in ('historical', 'historical_reason')");
    expect(Number(periods.rows[0]!.n)).toBe(2);

    // An insert that leaves the campaign out still lands in its project's year.
    await run("insert into problems (project_id, district_id, type, description, responsible_unit, opened_on) values (2, 1, 'other', '漏填年度', '单位', '2024-05-01')");
    expect(Number((await run("select campaign_id from problems where description = '漏填年度'")).rows[0]!.campaign_id)).toBe(2);
    open.close();
  });
});
