import { afterEach, describe, expect, it } from "vitest";
import { seedDemo, SeedRefusedError } from "@/db/seed";
import { freshDatabase, snapshot } from "../support/temp-db";
import type { OpenDatabase } from "@/db/client";

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});
async function db() {
  const d = await freshDatabase();
  cleanups.push(d.cleanup);
  return d.open;
}

/** The city targets of the 2023 campaign as published (shared/domain.md), in base units. */
const PUBLISHED = {
  key_projects_started: 200,
  key_projects_completed: 150,
  key_investment: 2168 * 10000, // 亿元 → 万元
  land_approval_solved: 100,
  relocation_solved: 100,
  grid_relocation_solved: 50,
  planned_projects: 1500,
  planned_investment: 8500 * 10000,
  big_signings_landed: 100,
  signed_investment: 10000 * 10000,
  signed_overseas: 2000 * 10000,
  signed_culture_tourism: 2000 * 10000,
  urban_investment: 800 * 10000,
  pilot_parks_trial_operation: 14,
  standard_factory_area: 1000 * 10000, // 万平方米 → 平方米
  standard_park_area_started: 10000 * 100, // 亩 → 0.01 亩
  enterprise_entry_rate: 50 * 100, // % → basis points
  park_value_added_share: 60 * 100,
};

describe("demo seed", () => {
  it("stores every city target exactly as published", async () => {
    const open = await db();
    expect(await seedDemo(open)).toBe("seeded");
    const rows = await open.client.execute(
      "select i.code, i.unit_code, t.target_value from targets t join indicators i on i.id = t.indicator_id where t.district_id is null order by i.code",
    );
    const actual = Object.fromEntries(rows.rows.map((r) => [r.code, r.target_value]));
    expect(actual).toEqual(PUBLISHED);
  });

  it("stores the growth and multiple conditions of the targets", async () => {
    const open = await db();
    await seedDemo(open);
    const rows = await open.client.execute(
      "select i.code, t.growth_target_bp g, t.multiple_target_pct m, t.baseline_value b from targets t join indicators i on i.id = t.indicator_id where t.district_id is null and (g is not null or m is not null) order by i.code",
    );
    expect(rows.rows.map((r) => [r.code, r.g, r.m, r.b])).toEqual([
      ["key_investment", 1750, null, 18451064],
      ["planned_investment", null, 300, null],
      ["planned_projects", 5000, null, 1000],
      ["urban_investment", 1960, null, 6688963],
    ]);
  });

  it("creates the 13 reporting districts with their codes and the six actions", async () => {
    const open = await db();
    await seedDemo(open);
    const d = await open.client.execute("select code from districts order by sort_order");
    expect(d.rows.map((r) => r.code)).toEqual(["licheng", "fengze", "luojiang", "quangang", "shishi", "jinjiang", "nanan", "huian", "anxi", "yongchun", "dehua", "kaifaqu", "taishang"]);
    const a = await open.client.execute("select code from actions where parent_id is null order by sort_order");
    expect(a.rows.map((r) => r.code)).toEqual(["battle_year", "urban_quality", "investment_attraction", "park_standardization", "culture_tourism_plus", "overseas_chinese"]);
    const sub = await open.client.execute("select count(*) n from actions where parent_id = (select id from actions where code = 'urban_quality')");
    expect(sub.rows[0]!.n).toBe(7);
  });

  it("splits summable city targets over districts so they add up exactly", async () => {
    const open = await db();
    await seedDemo(open);
    const rows = await open.client.execute(`
      select i.code, c.target_value city, sum(d.target_value) districts, count(d.id) n
      from indicators i
      join targets c on c.indicator_id = i.id and c.district_id is null
      join targets d on d.indicator_id = i.id and d.district_id is not null
      where i.aggregation <> 'ratio' group by i.code`);
    expect(rows.rows.length).toBe(16);
    for (const r of rows.rows) {
      expect(r.n, String(r.code)).toBe(13);
      expect(r.districts, String(r.code)).toBe(r.city);
    }
  });

  it("marks demo district targets as demo and keeps official city targets unmarked", async () => {
    const open = await db();
    await seedDemo(open);
    const rows = await open.client.execute("select district_id is null as city, min(is_demo) lo, max(is_demo) hi from targets group by city order by city");
    expect(rows.rows.map((r) => [r.city, r.lo, r.hi])).toEqual([[0, 1, 1], [1, 0, 0]]);
  });

  it("has monthly reports in every state, and a district with no October report", async () => {
    const open = await db();
    await seedDemo(open);
    const rows = await open.client.execute("select distinct status from monthly_reports order by status");
    expect(rows.rows.map((r) => r.status)).toEqual(["approved", "draft", "returned", "submitted"]);
    const oct = await open.client.execute("select count(*) n from monthly_reports r join periods p on p.id = r.period_id where p.month = '2023-10'");
    expect(oct.rows[0]!.n).toBe(12);
  });

  it("has about 300 key projects with monthly progress from January to October", async () => {
    const open = await db();
    await seedDemo(open);
    const p = await open.client.execute("select count(*) n from projects where is_key = 1");
    expect(p.rows[0]!.n).toBe(300);
    const months = await open.client.execute("select min(month) lo, max(month) hi from project_progress");
    expect([months.rows[0]!.lo, months.rows[0]!.hi]).toEqual(["2023-01", "2023-10"]);
    const parks = await open.client.execute("select count(*) n from parks where is_pilot = 1");
    expect(parks.rows[0]!.n).toBe(14);
  });

  it("has one demo account for each role", async () => {
    const open = await db();
    await seedDemo(open);
    const rows = await open.client.execute("select distinct role from users order by role");
    expect(rows.rows.map((r) => r.role)).toEqual(["city_admin", "city_leader", "department_editor", "district_editor"]);
  });

  it("is idempotent: a second run changes nothing", async () => {
    const open = await db();
    await seedDemo(open);
    const before = await snapshot(open, []);
    expect(await seedDemo(open)).toBe("already-seeded");
    expect(await snapshot(open, [])).toBe(before);
  });

  it("is deterministic: two fresh databases get the same data", async () => {
    const a = await db();
    const b = await db();
    await seedDemo(a);
    await seedDemo(b);
    // The definitions token (migration 0015) is random per database by design: its value is not data.
    const data = async (o: OpenDatabase) => (await snapshot(o)).replace(/\["definitions_version","[0-9a-f]{16}"\]/, '["definitions_version"]');
    expect(await data(a)).toBe(await data(b));
    expect(await data(a)).toContain('["definitions_version"]');
  });

  it("refuses to write into a database that holds non-demo data, and changes nothing", async () => {
    const open = await db();
    await open.client.execute("insert into campaigns (slug, year, city_name, title, starts_on, ends_on) values ('real-2024', 2024, '某市', '真实行动', '2024-01-01', '2024-12-31')");
    const before = await snapshot(open, []);
    await expect(seedDemo(open)).rejects.toBeInstanceOf(SeedRefusedError);
    expect(await snapshot(open, [])).toBe(before);
  });
});
