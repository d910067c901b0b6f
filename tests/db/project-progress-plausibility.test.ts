import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_PLAUSIBILITY_SETTINGS } from "@/domain/plausibility/settings";
import { openDatabase, type OpenDatabase } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { importMonthWorkbook } from "@/db/mutations/month-import";
import { upsertMonthProgress } from "@/db/mutations/project-progress";
import { seedDemo } from "@/db/seed";
import { snapshot as fullSnapshot } from "../support/temp-db";

/*
 * The plausibility rules run inside the write transaction of project investment: a warned value
 * without a note, or an error, stores nothing (in the Excel import, not even the figures saved
 * before it in the same transaction); a kept warning is stored as flags with the note.
 */

const dir = mkdtempSync(path.join(tmpdir(), "tuijin-plausible-"));
let open: OpenDatabase;
let ctx: { campaignId: number; districtId: number; periodId: number; actor: { id: number; name: string; clientAddress: string } };
const settings = DEFAULT_PLAUSIBILITY_SETTINGS;
const month = "2023-10";

async function one(sql: string, args: (string | number)[] = []) {
  return (await open.client.execute({ sql, args })).rows[0]!;
}

/** A key project of 10 亿元 total and 2 亿元 planned this year, with no entries. */
async function newProject(code: string): Promise<number> {
  const r = await one(
    `insert into projects (campaign_id, code, name, district_id, total_investment, annual_planned_investment, stage, actual_start_on, is_key)
     values (?, ?, ?, ?, 100000, 20000, 'under_construction', '2023-05-10', 1) returning id`,
    [ctx.campaignId, code, `测试${code}`, ctx.districtId],
  );
  return Number(r.id);
}

/** Every table, except the data version every write transaction bumps (even one that stores nothing). */
const snapshot = async (o: OpenDatabase) => (await fullSnapshot(o)).replace(/\["data_version","\d+"/, "");

const flags = async (projectId: number) =>
  (await open.client.execute({ sql: "select rule, note from plausibility_flags where project_id = ? and resolved_at is null order by rule", args: [projectId] })).rows.map((r) => `${r.rule}:${r.note}`);

beforeAll(async () => {
  open = await openDatabase(`file:${path.join(dir, "demo.db")}`);
  await runMigrations(open);
  await seedDemo(open);
  const c = await one("select id from campaigns where slug = 'quanzhou-2023'");
  const d = await one("select id from districts where code = 'jinjiang'");
  const p = await one("select id from periods where campaign_id = ? and month = ?", [Number(c.id), month]);
  const u = await one("select id from users where username = 'jinjiang'");
  await open.client.execute({ sql: "update monthly_reports set status = 'draft' where district_id = ? and period_id = ?", args: [Number(d.id), Number(p.id)] });
  ctx = { campaignId: Number(c.id), districtId: Number(d.id), periodId: Number(p.id), actor: { id: Number(u.id), name: "jinjiang", clientAddress: "test" } };
});
afterAll(() => {
  open.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("project investment writes", () => {
  it("store nothing for a warned value without a note, and the value with its flags once noted", async () => {
    const id = await newProject("PL-WARN");
    const target = { campaignId: ctx.campaignId, districtId: ctx.districtId, month };
    const before = await snapshot(open);
    const refused = await upsertMonthProgress(open, target, [{ projectId: id, expectedVersion: null, investment: 25_000 }], ctx.actor, settings);
    expect(refused.ok === false && refused.reason === "implausible" && refused.issues.get(id)?.warnings.map((w) => w.rule)).toEqual(["project_above_remaining_plan"]);
    expect(await snapshot(open)).toBe(before);

    const kept = await upsertMonthProgress(open, target, [{ projectId: id, expectedVersion: null, investment: 25_000, note: "年底集中结算" }], ctx.actor, settings);
    expect(kept).toEqual({ ok: true, value: { changed: 1, flagged: 1 } });
    expect(await flags(id)).toEqual(["project_above_remaining_plan:年底集中结算"]);

    // Corrected to a plausible value, the value carries no flags any more.
    const fixed = await upsertMonthProgress(open, target, [{ projectId: id, expectedVersion: 1, investment: 2_500, note: null }], ctx.actor, settings);
    expect(fixed).toEqual({ ok: true, value: { changed: 1, flagged: 0 } });
    expect(await flags(id)).toEqual([]);
  });

  it("refuse a month above the total investment even with a note", async () => {
    const id = await newProject("PL-HARD");
    const before = await snapshot(open);
    const r = await upsertMonthProgress(open, { campaignId: ctx.campaignId, districtId: ctx.districtId, month }, [{ projectId: id, expectedVersion: null, investment: 100_110_021_003, note: "确认" }], ctx.actor, settings);
    expect(r.ok === false && r.reason === "implausible" && r.issues.get(id)?.errors.map((e) => e.rule)).toEqual(["project_month_above_total"]);
    expect(await snapshot(open)).toBe(before);
  });

  it("roll back an Excel import's figures when one of its project rows is implausible", async () => {
    const id = await newProject("PL-IMPORT");
    const ind = await one("select id from indicators where code = 'urban_investment'");
    const cur = await one(
      "select coalesce((select f.version from figure_values f join monthly_reports r on r.id = f.report_id where r.district_id = ? and r.period_id = ? and f.indicator_id = ?), 0) as v",
      [ctx.districtId, ctx.periodId, Number(ind.id)],
    );
    const file = (note: string | null) => ({
      ...ctx,
      month,
      figures: [{ indicatorId: Number(ind.id), expectedVersion: Number(cur.v), value: 12_345, numerator: null, denominator: null, note: null }],
      progress: [{ projectId: id, expectedVersion: null, investment: 25_000, note }],
      settings,
    });
    const before = await snapshot(open);
    const r = await importMonthWorkbook(open, file(null));
    expect(r.ok === false && r.reason === "progress" && r.outcome.reason).toBe("implausible");
    expect(await snapshot(open)).toBe(before);

    // The same file with the note: figures and investment are stored together.
    expect(await importMonthWorkbook(open, file("二期设备款"))).toEqual({ ok: true, value: { figuresChanged: 1, progressChanged: 1 } });
    const stored = await one(
      "select f.value from figure_values f join monthly_reports r on r.id = f.report_id where r.district_id = ? and r.period_id = ? and f.indicator_id = ?",
      [ctx.districtId, ctx.periodId, Number(ind.id)],
    );
    expect(Number(stored.value)).toBe(12_345);
    expect(await flags(id)).toEqual(["project_above_remaining_plan:二期设备款"]);
  });
});
