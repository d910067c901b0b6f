import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type OpenDatabase } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { seedDemo } from "@/db/seed";
import { approveReport, reopenReport } from "@/db/mutations/review";
import { saveFigureValues } from "@/db/mutations/reports";
import { upsertMonthProgress } from "@/db/mutations/project-progress";
import { DEFAULT_PLAUSIBILITY_SETTINGS } from "@/domain/plausibility/settings";
import { indicatorCorrections } from "@/app/_lib/public/corrections-data";

/*
 * Correcting an approved month (restatement) on the seeded demo database: the office reopens
 * 晋江市's August 2023 with a reason, the district corrects a reported figure and a key project's
 * investment, and the office approves. While the month is reopened the published copies stay as
 * approved; on approval they take the corrected values and each change is kept as a correction.
 */

const dir = mkdtempSync(path.join(tmpdir(), "tuijin-restate-"));
process.env.DATABASE_URL = `file:${path.join(dir, "demo.db")}`;
let open: OpenDatabase;
let pub: typeof import("@/db/queries/public");
let pubProjects: typeof import("@/db/queries/public-projects");
let corr: typeof import("@/db/queries/corrections");

const MONTH = "2023-08";
const REASON = "统计口径调整：8月城建投资漏报一个项目";
const FIGURE_DELTA = 15_000; // 1.5 亿元 in 万元
const PROJECT_DELTA = 321; // 万元

let ids: { campaign: number; district: number; period: number; report: number; admin: number; editor: number; urban: number; keyInvestment: number; project: number };
let before: { figure: number; investment: number; keyTotal: number };

async function one<T = Record<string, unknown>>(sql: string, args: (string | number)[] = []): Promise<T> {
  const r = (await open.client.execute({ sql, args })).rows[0];
  if (!r) throw new Error(`no row: ${sql}`);
  return r as T;
}
const num = async (sql: string, args: (string | number)[] = []) => Number(Object.values(await one(sql, args))[0]);

const actor = (id: number, name: string) => ({ id, name, clientAddress: "127.0.0.1" });

async function report() {
  return one<{ status: string; official: number; restating: number; version: number; reopen_reason: string | null }>(
    "select status, official, restating, version, reopen_reason from monthly_reports where id = ?",
    [ids.report],
  );
}
async function figure() {
  return one<{ value: number; approved_value: number; version: number }>("select value, approved_value, version from figure_values where report_id = ? and indicator_id = ?", [ids.report, ids.urban]);
}
async function progress() {
  return one<{ investment: number; approved_investment: number; version: number }>("select investment, approved_investment, version from project_progress where project_id = ? and month = ?", [ids.project, MONTH]);
}
/** progress_totals of the district-month (key projects): live and published sums. */
async function totals() {
  return one<{ investment: number; approved: number }>(
    "select sum(investment) as investment, sum(approved_investment) as approved from progress_totals where campaign_id = ? and district_id = ? and month = ? and is_key = 1",
    [ids.campaign, ids.district, MONTH],
  );
}

beforeAll(async () => {
  open = await openDatabase();
  await runMigrations(open);
  await seedDemo(open);
  pub = await import("@/db/queries/public");
  pubProjects = await import("@/db/queries/public-projects");
  corr = await import("@/db/queries/corrections");
  const campaign = await num("select id from campaigns order by id limit 1");
  const district = await num("select id from districts where code = 'jinjiang'");
  const period = await num("select id from periods where campaign_id = ? and month = ?", [campaign, MONTH]);
  ids = {
    campaign,
    district,
    period,
    report: await num("select id from monthly_reports where period_id = ? and district_id = ?", [period, district]),
    admin: await num("select id from users where username = 'admin'"),
    editor: await num("select id from users where username = 'jinjiang'"),
    urban: await num("select id from indicators where campaign_id = ? and code = 'urban_investment'", [campaign]),
    keyInvestment: await num("select id from indicators where campaign_id = ? and code = 'key_investment'", [campaign]),
    project: await num(
      `select p.id from projects p join project_progress g on g.project_id = p.id and g.month = ?
       where p.campaign_id = ? and p.district_id = ? and p.is_key = 1 and p.is_public = 1 order by p.id limit 1`,
      [MONTH, campaign, district],
    ),
  };
  before = { figure: (await figure()).value, investment: (await progress()).investment, keyTotal: Number((await totals()).approved) };
});
afterAll(() => {
  open.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("correcting an approved month", () => {
  it("starts from an approved, official, unlocked month whose published copies equal its values", async () => {
    expect(await report()).toMatchObject({ status: "approved", official: 1, restating: 0 });
    expect(await num("select locked from periods where id = ?", [ids.period])).toBe(0);
    const f = await figure();
    expect(f.approved_value).toBe(f.value);
    const g = await progress();
    expect(g.approved_investment).toBe(g.investment);
  });

  it("reopens the month for correction with the reason: back to the district, still official", async () => {
    const { version } = await report();
    expect(await reopenReport(open, { reportId: ids.report, expectedVersion: version, reason: REASON, actor: actor(ids.admin, "admin") })).toEqual({ ok: true });
    expect(await report()).toMatchObject({ status: "returned", official: 1, restating: 1, reopen_reason: REASON });
    expect((await pub.listOfficialMonths(ids.campaign)).some((r) => r.districtId === ids.district && r.month === MONTH)).toBe(true);
  });

  it("while the district corrects, the live values change and the published copies do not", async () => {
    const f = await figure();
    const saved = await saveFigureValues(open, {
      periodId: ids.period,
      districtId: ids.district,
      rows: [{ indicatorId: ids.urban, expectedVersion: f.version, value: f.value + FIGURE_DELTA, numerator: null, denominator: null, note: null }],
      submit: false,
      actor: actor(ids.editor, "jinjiang"),
    });
    expect(saved).toMatchObject({ ok: true, value: { changed: 1 } });
    const g = await progress();
    const progressed = await upsertMonthProgress(open, { campaignId: ids.campaign, districtId: ids.district, month: MONTH }, [{ projectId: ids.project, expectedVersion: g.version, investment: g.investment + PROJECT_DELTA, note: "更正重复填报" }], actor(ids.editor, "jinjiang"), DEFAULT_PLAUSIBILITY_SETTINGS);
    expect(progressed.ok).toBe(true);

    expect(await figure()).toMatchObject({ value: before.figure + FIGURE_DELTA, approved_value: before.figure });
    expect(await progress()).toMatchObject({ investment: before.investment + PROJECT_DELTA, approved_investment: before.investment });
    const t = await totals();
    expect(Number(t.approved)).toBe(before.keyTotal);
    expect(Number(t.investment)).toBe(before.keyTotal + PROJECT_DELTA);
    // The public reads keep the approved amounts.
    const code = await one<{ code: string }>("select code from projects where id = ?", [ids.project]);
    const published = (await pubProjects.listPublicProgress(ids.campaign, 2023, ids.project)).find((r) => r.month === MONTH);
    expect(published).toEqual({ projectCode: code.code, month: MONTH, investment: before.investment });
    expect(await corr.listPublicFigureCorrections(ids.campaign)).toEqual([]);
  });

  it("on approval the corrected values become official and the originals are kept as corrections", async () => {
    const submitted = await saveFigureValues(open, { periodId: ids.period, districtId: ids.district, rows: [], submit: true, actor: actor(ids.editor, "jinjiang") });
    expect(submitted).toMatchObject({ ok: true, value: { status: "submitted" } });
    const { version } = await report();
    expect(await approveReport(open, { reportId: ids.report, expectedVersion: version, actor: actor(ids.admin, "admin") })).toEqual({ ok: true });
    expect(await report()).toMatchObject({ status: "approved", official: 1, restating: 0 });

    expect(await figure()).toMatchObject({ value: before.figure + FIGURE_DELTA, approved_value: before.figure + FIGURE_DELTA });
    expect(await progress()).toMatchObject({ investment: before.investment + PROJECT_DELTA, approved_investment: before.investment + PROJECT_DELTA });

    const rows = (await open.client.execute({ sql: "select subject, indicator_id, project_id, old_value, new_value, reason, reopened_by, approved_by from corrections where report_id = ? order by id", args: [ids.report] })).rows;
    expect(rows.map((r) => ({ ...r }))).toEqual([
      { subject: "figure", indicator_id: ids.urban, project_id: null, old_value: before.figure, new_value: before.figure + FIGURE_DELTA, reason: REASON, reopened_by: ids.admin, approved_by: ids.admin },
      { subject: "project", indicator_id: null, project_id: ids.project, old_value: before.investment, new_value: before.investment + PROJECT_DELTA, reason: REASON, reopened_by: ids.admin, approved_by: ids.admin },
    ]);
  });

  it("keeps progress_totals' published sum equal to the approved amounts of the rows", async () => {
    const direct = await num(
      "select sum(g.approved_investment) from project_progress g join projects p on p.id = g.project_id where p.campaign_id = ? and p.district_id = ? and p.is_key = 1 and g.month = ?",
      [ids.campaign, ids.district, MONTH],
    );
    expect(Number((await totals()).approved)).toBe(direct);
    expect(direct).toBe(before.keyTotal + PROJECT_DELTA);
    const mismatched = await num(`select count(*) from (
      select t.campaign_id, t.month, t.district_id, t.sector_id, t.is_key, t.approved_investment,
        (select coalesce(sum(g.approved_investment), 0) from project_progress g join projects p on p.id = g.project_id
          where p.campaign_id = t.campaign_id and g.month = t.month and p.district_id = t.district_id and coalesce(p.sector_id, 0) = t.sector_id and p.is_key = t.is_key) as direct
      from progress_totals t) where approved_investment <> direct`);
    expect(mismatched).toBe(0);
  });

  it("gives the public each indicator's original and revised month value, worked back for project sums", async () => {
    const [figures, events, monthTotals] = await Promise.all([corr.listPublicFigureCorrections(ids.campaign), corr.listProjectCorrectionEvents(ids.campaign), corr.listCorrectedMonthTotals(ids.campaign)]);
    const inds = [
      { id: ids.urban, kind: "reported" as const, derivation: null },
      { id: ids.keyInvestment, kind: "derived" as const, derivation: { rule: "project_investment", params: { keyOnly: true } } },
    ];
    const byIndicator = indicatorCorrections(inds, figures, events, monthTotals);
    expect(byIndicator.get(ids.urban)).toMatchObject([{ districtId: ids.district, month: MONTH, original: { value: before.figure }, revised: { value: before.figure + FIGURE_DELTA }, reason: REASON, basis: "figure" }]);
    expect(byIndicator.get(ids.keyInvestment)).toMatchObject([{ districtId: ids.district, month: MONTH, original: { value: before.keyTotal }, revised: { value: before.keyTotal + PROJECT_DELTA }, basis: "projects" }]);
    expect(await corr.listPublicProjectCorrections(ids.campaign)).toMatchObject([{ month: MONTH, oldValue: before.investment, newValue: before.investment + PROJECT_DELTA, reason: REASON }]);
  });

  it("never gives the public a correction of a non-public indicator or project", async () => {
    await open.client.execute({ sql: "update indicators set is_public = 0 where id = ?", args: [ids.urban] });
    await open.client.execute({ sql: "update projects set is_public = 0 where id = ?", args: [ids.project] });
    try {
      expect(await corr.listPublicFigureCorrections(ids.campaign)).toEqual([]);
      expect(await corr.listPublicProjectCorrections(ids.campaign)).toEqual([]);
      // The key-investment sum still moved (a non-public project counts in it), but no project is named.
      expect((await corr.listProjectCorrectionEvents(ids.campaign)).map((e) => e.deltaKey)).toEqual([PROJECT_DELTA]);
    } finally {
      await open.client.execute({ sql: "update indicators set is_public = 1 where id = ?", args: [ids.urban] });
      await open.client.execute({ sql: "update projects set is_public = 1 where id = ?", args: [ids.project] });
    }
  });

  it("names who reopened and who approved for staff, filterable by district, month and indicator", async () => {
    const all = await corr.listCorrections({ campaignId: ids.campaign });
    expect(all).toHaveLength(2);
    const admin = await one<{ display_name: string }>("select display_name from users where id = ?", [ids.admin]);
    expect(all[0]).toMatchObject({ reopenedByName: admin.display_name, approvedByName: admin.display_name, reason: REASON, districtId: ids.district });
    expect(await corr.listCorrections({ campaignId: ids.campaign, month: "2023-07" })).toHaveLength(0);
    expect((await corr.listCorrections({ campaignId: ids.campaign, indicatorCode: "urban_investment" })).map((c) => c.subject)).toEqual(["figure"]);
    expect((await corr.listCorrections({ campaignId: ids.campaign, indicatorCode: "key_investment" })).map((c) => c.subject)).toEqual(["project"]);
    expect(await corr.listCorrectedMonths(ids.campaign)).toEqual([MONTH]);
  });
});
