import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type OpenDatabase } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { seedDemo } from "@/db/seed";
import { rollupIndicator } from "@/domain/rollup";

/* The rollup data on the seeded demo database, checked against direct counts of the records. */

const dir = mkdtempSync(path.join(tmpdir(), "tuijin-rollup-"));
process.env.DATABASE_URL = `file:${path.join(dir, "demo.db")}`;
let open: OpenDatabase;
let q: typeof import("@/db/queries/rollups");
let sectors: typeof import("@/db/queries/key-project-sectors");

beforeAll(async () => {
  open = await openDatabase();
  await runMigrations(open);
  await seedDemo(open);
  q = await import("@/db/queries/rollups");
  sectors = await import("@/db/queries/key-project-sectors");
});
afterAll(() => {
  open.close();
  rmSync(dir, { recursive: true, force: true });
});

async function one(sql: string): Promise<number> {
  const r = await open.client.execute(sql);
  return Number(Object.values(r.rows[0]!)[0]);
}

async function rollup(code: string, mode: "official" | "all", month = "2023-10") {
  const inputs = await q.loadRollupInputs(1, month, mode);
  const ind = inputs.find((i) => i.code === code)!;
  const districts = (await open.client.execute("select id from districts")).rows.map((r) => Number(r.id));
  return rollupIndicator(ind, districts, Number(month.slice(5)), 500);
}

describe("rollups on the demo data", () => {
  it("counts new starts from project dates, including unapproved months only when asked", async () => {
    const all = await one("select count(*) from projects where is_key = 1 and actual_start_on between '2023-01-01' and '2023-10-31'");
    const official = await one(`select count(*) from projects p join periods pe on pe.month = substr(p.actual_start_on, 1, 7)
      join monthly_reports r on r.period_id = pe.id and r.district_id = p.district_id and r.status = 'approved'
      where p.is_key = 1 and p.actual_start_on between '2023-01-01' and '2023-10-31'`);
    expect((await rollup("key_projects_started", "all")).city.actual).toBe(all);
    expect((await rollup("key_projects_started", "official")).city.actual).toBe(official);
    expect(official).toBeLessThan(all);
  });

  it("sums key-project investment from monthly progress, and the districts add up to the city", async () => {
    const r = await rollup("key_investment", "all");
    const direct = await one("select sum(g.investment) from project_progress g join projects p on p.id = g.project_id where p.is_key = 1 and g.month <= '2023-10'");
    expect(r.city.actual).toBe(direct);
    const sum = [...r.districts.values()].reduce((s, d) => s + (d.actual ?? 0), 0);
    expect(sum).toBe(r.city.actual);
  });

  it("sums key-project investment of approved district-months only in the official rollup", async () => {
    const official = await one(`select sum(g.investment) from project_progress g join projects p on p.id = g.project_id
      join periods pe on pe.month = g.month and pe.campaign_id = p.campaign_id join monthly_reports r on r.period_id = pe.id and r.district_id = p.district_id and r.status = 'approved'
      where p.is_key = 1 and g.month between '2023-01' and '2023-10'`);
    expect((await rollup("key_investment", "official")).city.actual).toBe(official);
  });

  it("counts resolved problems by type", async () => {
    const direct = await one("select count(*) from problems where type = 'land_approval' and status = 'resolved' and resolved_on <= '2023-10-31'");
    expect((await rollup("land_approval_solved", "all")).city.actual).toBe(direct);
  });

  it("counts landed signings of at least 20 亿元 by their landing date", async () => {
    const direct = await one("select count(*) from signings where amount >= 200000 and landed_on between '2023-01-01' and '2023-10-31'");
    expect((await rollup("big_signings_landed", "all")).city.actual).toBe(direct);
  });

  it("sums the overseas-Chinese signings", async () => {
    const direct = await one("select sum(amount) from signings where is_overseas = 1 and signed_on <= '2023-10-31'");
    expect((await rollup("signed_overseas", "all")).city.actual).toBe(direct);
  });

  it("counts pilot parks in trial operation as a milestone", async () => {
    expect((await rollup("pilot_parks_trial_operation", "all")).city.actual).toBe(9);
    expect((await rollup("pilot_parks_trial_operation", "all", "2023-06")).city.actual).toBe(5);
  });

  it("computes the entry rate from summed firms of approved districts", async () => {
    const [num, den] = (
      await open.client.execute(`select sum(f.numerator) n, sum(f.denominator) d from figure_values f join monthly_reports r on r.id = f.report_id
        join periods p on p.id = r.period_id join indicators i on i.id = f.indicator_id where i.code = 'enterprise_entry_rate' and p.month = '2023-09' and r.status = 'approved'`)
    ).rows.map((x) => [Number(x.n), Number(x.d)] as const)[0]!;
    expect((await rollup("enterprise_entry_rate", "official", "2023-09")).city.actual).toBeCloseTo(num / den, 12);
  });

  it("adds up reported amounts only from approved months in the official rollup", async () => {
    const official = await one(`select sum(f.value) from figure_values f join monthly_reports r on r.id = f.report_id join periods p on p.id = r.period_id
      join indicators i on i.id = f.indicator_id where i.code = 'urban_investment' and r.status = 'approved' and p.month <= '2023-10'`);
    expect((await rollup("urban_investment", "official")).city.actual).toBe(official);
  });
});

describe("key projects by sector", () => {
  it("covers every key project once, with the annual plans adding up to the city total", async () => {
    const rows = await sectors.loadKeyProjectSectors(1, "2023-10", "all");
    expect(rows.reduce((s, r) => s + r.projects, 0)).toBe(300);
    expect(rows.reduce((s, r) => s + r.annualPlan, 0)).toBe(21_680_000);
  });

  it("adds up investment done by sector, for the city and one district, official mode counting approved district-months only", async () => {
    const district = await one("select id from districts where code = 'jinjiang'");
    for (const mode of ["all", "official"] as const) {
      for (const d of [undefined, district]) {
        const rows = await sectors.loadKeyProjectSectors(1, "2023-10", mode, d);
        const direct = await one(`select coalesce(sum(g.investment), 0) from project_progress g join projects p on p.id = g.project_id
          ${mode === "official" ? "join periods pe on pe.month = g.month and pe.campaign_id = p.campaign_id join monthly_reports r on r.period_id = pe.id and r.district_id = p.district_id and r.status = 'approved'" : ""}
          where p.is_key = 1 and g.month between '2023-01' and '2023-10' ${d ? `and p.district_id = ${d}` : ""}`);
        expect(direct).toBeGreaterThan(0);
        expect(rows.reduce((s, r) => s + r.doneYtd, 0), `${mode} ${d ?? "city"}`).toBe(direct);
      }
    }
  });
});

describe("last year", () => {
  it("compares with last year's approved total through the same month, for the same city only", async () => {
    const { insertCampaign } = await import("@/db/mutations/setup/campaign-copy");
    const admin = Number((await open.client.execute("select id from users where username = 'admin'")).rows[0]!.id);
    const actor = { id: admin, name: "admin", clientAddress: "test" };
    const base = { cityNameEn: "", title: "t", titleEn: "", subtitle: "", subtitleEn: "", announcedOn: null, startsOn: "2024-01-01", endsOn: "2024-12-31", paceWarnBp: 500, reportDeadlineDay: 5, sourceNote: "" };
    const copy = await insertCampaign(open, { ...base, slug: "ly-2024", year: 2024, cityName: "泉州市" }, 1, actor);
    const other = await insertCampaign(open, { ...base, slug: "ly-other-2024", year: 2024, cityName: "厦门市" }, 1, actor);
    if (!copy.ok || !other.ok) throw new Error("copy failed");
    const direct = await one(`select sum(f.value) from figure_values f join monthly_reports r on r.id = f.report_id join periods p on p.id = r.period_id
      join indicators i on i.id = f.indicator_id where i.code = 'urban_investment' and i.campaign_id = 1 and r.status = 'approved' and p.month <= '2023-08'`);
    expect(direct).toBeGreaterThan(0);
    const same = (await q.loadRollupInputs(copy.value.id, "2024-08", "official")).find((i) => i.code === "urban_investment")!;
    const districts = (await open.client.execute("select id from districts")).rows.map((r) => Number(r.id));
    // No 2024 figures yet: growth is unknown, but last year's total is there.
    expect(same.lastYearPoints?.reduce((s, p) => s + (p.value ?? 0), 0)).toBe(direct);
    expect(rollupIndicator(same, districts, 8, 500).city.growth).toBeNull();
    const elsewhere = (await q.loadRollupInputs(other.value.id, "2024-08", "official")).find((i) => i.code === "urban_investment")!;
    expect(elsewhere.lastYearPoints).toBeNull();
  });
});
