import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type OpenDatabase } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { approveReport, reopenReport } from "@/db/mutations/review";
import { saveFigureValues } from "@/db/mutations/reports";
import { seedDemo } from "@/db/seed";
import { rollupIndicator } from "@/domain/rollup";

/*
 * Restatement through the rollups: while an approved month is reopened and corrected, the official
 * rollup keeps the approved figures (the public must not see a half-done correction); once the
 * correction is approved, the official rollup carries it, also in every later month's year-to-date.
 */

const dir = mkdtempSync(path.join(tmpdir(), "tuijin-official-"));
process.env.DATABASE_URL = `file:${path.join(dir, "demo.db")}`;
let open: OpenDatabase;
let q: typeof import("@/db/queries/rollups");
const actor = { id: 1, name: "admin", clientAddress: "127.0.0.1" };

beforeAll(async () => {
  open = await openDatabase();
  await runMigrations(open);
  await seedDemo(open);
  q = await import("@/db/queries/rollups");
});
afterAll(() => {
  open.close();
  rmSync(dir, { recursive: true, force: true });
});

async function row(sql: string, args: (string | number)[] = []) {
  return (await open.client.execute({ sql, args })).rows[0]!;
}

async function cityActual(code: string, mode: "official" | "all", month: string): Promise<number> {
  const inputs = await q.loadRollupInputs(1, month, mode);
  const ind = inputs.find((i) => i.code === code)!;
  const districts = (await open.client.execute("select id from districts")).rows.map((r) => Number(r.id));
  return rollupIndicator(ind, districts, Number(month.slice(5)), 500).city.actual ?? 0;
}

describe("a restated month in the rollups", () => {
  it("keeps the approved figures official during the correction and publishes the correction on approval", async () => {
    // A reported sum indicator with an approved value in jinjiang's March.
    const fig = await row(`select f.id, f.indicator_id, f.value, f.version, r.id as report_id, r.version as report_version, i.code, p.id as period_id, r.district_id
      from figure_values f join monthly_reports r on r.id = f.report_id join periods p on p.id = r.period_id
      join districts d on d.id = r.district_id join indicators i on i.id = f.indicator_id
      where d.code = 'jinjiang' and p.month = '2023-07' and i.aggregation = 'sum' and f.value > 0 order by i.sort_order limit 1`);
    const code = String(fig.code);
    const before = { july: await cityActual(code, "official", "2023-07"), sept: await cityActual(code, "official", "2023-09") };
    const delta = 12_345;

    expect(await reopenReport(open, { reportId: Number(fig.report_id), expectedVersion: Number(fig.report_version), reason: "七月数据录入错误", actor })).toEqual({ ok: true });
    const saved = await saveFigureValues(open, {
      periodId: Number(fig.period_id),
      districtId: Number(fig.district_id),
      rows: [{ indicatorId: Number(fig.indicator_id), expectedVersion: Number(fig.version), value: Number(fig.value) + delta, numerator: null, denominator: null, note: "更正" }],
      submit: true,
      actor,
    });
    expect(saved.ok).toBe(true);

    // Reopened and corrected but not yet approved: official unchanged, "all" shows the new value.
    expect(await cityActual(code, "official", "2023-07")).toBe(before.july);
    expect(await cityActual(code, "official", "2023-09")).toBe(before.sept);
    // Every demo July is approved, so "including unapproved" differs from official by the correction alone.
    expect(await cityActual(code, "all", "2023-07")).toBe(before.july + delta);
    expect(Number((await row("select official, restating, status from monthly_reports where id = ?", [Number(fig.report_id)])).official)).toBe(1);

    const report = await row("select version from monthly_reports where id = ?", [Number(fig.report_id)]);
    expect(await approveReport(open, { reportId: Number(fig.report_id), expectedVersion: Number(report.version), actor })).toEqual({ ok: true });

    // Approved: the correction is official in its month and in every later year-to-date.
    expect(await cityActual(code, "official", "2023-07")).toBe(before.july + delta);
    expect(await cityActual(code, "official", "2023-09")).toBe(before.sept + delta);
    const c = await row("select old_value, new_value, reason, subject from corrections where report_id = ?", [Number(fig.report_id)]);
    expect([Number(c.old_value), Number(c.new_value), String(c.reason), String(c.subject)]).toEqual([Number(fig.value), Number(fig.value) + delta, "七月数据录入错误", "figure"]);
    const r = await row("select status, restating, official from monthly_reports where id = ?", [Number(fig.report_id)]);
    expect([String(r.status), Number(r.restating), Number(r.official)]).toEqual(["approved", 0, 1]);
  });

  it("keeps approved project investment official while a reopened month's progress is edited", async () => {
    const g = await row(`select g.id, g.investment, r.id as report_id, r.version as report_version
      from project_progress g join projects p on p.id = g.project_id join districts d on d.id = p.district_id
      join periods pe on pe.campaign_id = p.campaign_id and pe.month = g.month
      join monthly_reports r on r.period_id = pe.id and r.district_id = p.district_id
      where d.code = 'licheng' and g.month = '2023-08' and p.is_key = 1 and r.status = 'approved' limit 1`);
    const before = await cityActual("key_investment", "official", "2023-09");
    expect(await reopenReport(open, { reportId: Number(g.report_id), expectedVersion: Number(g.report_version), reason: "项目投资重复填报" , actor })).toEqual({ ok: true });
    await open.client.execute({ sql: "update project_progress set investment = investment + 500 where id = ?", args: [Number(g.id)] });
    expect(await cityActual("key_investment", "official", "2023-09")).toBe(before);
    await open.client.execute({ sql: "update monthly_reports set status = 'submitted', version = version + 1 where id = ?", args: [Number(g.report_id)] });
    const report = await row("select version from monthly_reports where id = ?", [Number(g.report_id)]);
    expect(await approveReport(open, { reportId: Number(g.report_id), expectedVersion: Number(report.version), actor })).toEqual({ ok: true });
    expect(await cityActual("key_investment", "official", "2023-09")).toBe(before + 500);
    const c = await row("select old_value, new_value, subject from corrections where report_id = ? and subject = 'project'", [Number(g.report_id)]);
    expect([Number(c.new_value) - Number(c.old_value), String(c.subject)]).toEqual([500, "project"]);
  });

  it("refuses to approve a month with an unresolved plausibility flag unless the reviewer accepts it", async () => {
    const r = await row(`select r.id, r.version, r.district_id, p.month from monthly_reports r join periods p on p.id = r.period_id where r.status = 'submitted' limit 1`);
    const ind = await row("select id from indicators where kind = 'reported' limit 1");
    await open.client.execute({
      sql: "insert into plausibility_flags (campaign_id, district_id, month, subject, indicator_id, rule, message, note) values (1, ?, ?, 'figure', ?, 'figure_above_median', '本月数值为中位数的 50 倍', '大项目集中入账')",
      args: [Number(r.district_id), String(r.month), Number(ind.id)],
    });
    expect(await approveReport(open, { reportId: Number(r.id), expectedVersion: Number(r.version), actor })).toEqual({ ok: false, reason: "flagged", flags: 1 });
    expect(await approveReport(open, { reportId: Number(r.id), expectedVersion: Number(r.version), actor, acceptFlags: true })).toEqual({ ok: true });
    const f = await row("select resolved_at, resolved_by from plausibility_flags where district_id = ? and month = ?", [Number(r.district_id), String(r.month)]);
    expect(f.resolved_at).not.toBeNull();
    expect(Number(f.resolved_by)).toBe(1);
  });
});
