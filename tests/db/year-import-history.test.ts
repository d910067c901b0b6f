import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type OpenDatabase } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { seedDemo } from "@/db/seed";
import { checkProjectLines, readProjectsWorkbook } from "@/app/_lib/excel/projects-import";
import { importProjects } from "@/db/mutations/setup/projects";
import { setPeriodHistorical } from "@/db/mutations/periods";
import { rollupIndicator } from "@/domain/rollup";
import { classify, countMonth, timelinessSentence } from "@/app/(staff)/city/completeness/status";

/* The key-project import with stage, actual dates and key level (新开工 follows it), and months
 * marked as historical entry (no lateness claimed). On the seeded demo database. */

const dir = mkdtempSync(path.join(tmpdir(), "tuijin-year-import-"));
process.env.DATABASE_URL = `file:${path.join(dir, "demo.db")}`;
let open: OpenDatabase;
let rollups: typeof import("@/db/queries/rollups");
let completeness: typeof import("@/db/queries/completeness");

beforeAll(async () => {
  open = await openDatabase();
  await runMigrations(open);
  await seedDemo(open);
  rollups = await import("@/db/queries/rollups");
  completeness = await import("@/db/queries/completeness");
});
afterAll(() => {
  open.close();
  rmSync(dir, { recursive: true, force: true });
});

async function one(sql: string, args: (string | number)[] = []): Promise<number> {
  const r = await open.client.execute({ sql, args });
  return Number(Object.values(r.rows[0]!)[0]);
}
async function actor() {
  return { id: await one("select id from users where username = 'admin'"), name: "admin", clientAddress: "test" };
}
async function lookups() {
  const districts = (await open.client.execute("select id, code, name from districts")).rows.map((r) => ({ id: Number(r.id), code: String(r.code), name: String(r.name) }));
  return { districts, sectors: [], actions: [] };
}

const HEAD = ["项目代码", "项目名称", "所属区县", "总投资（亿元）", "年度计划投资（亿元）", "阶段", "实际开工日期", "实际竣工日期", "重点级别", "业主单位"];

async function sheet(rows: (string | number | Date | null)[][]): Promise<ArrayBuffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("重点项目");
  ws.addRow(HEAD);
  for (const r of rows) ws.addRow(r);
  const buf = await wb.xlsx.writeBuffer();
  return buf as ArrayBuffer;
}

async function check(rows: (string | number | Date | null)[][]) {
  const read = await readProjectsWorkbook(await sheet(rows));
  if ("error" in read) throw new Error(read.error);
  return checkProjectLines(read, await lookups());
}

/** 新开工 (key projects started) of the campaign up to October, counting entered data ("all"). */
async function started(campaignId: number): Promise<number> {
  const inputs = await rollups.loadRollupInputs(campaignId, "2023-10", "all");
  const ind = inputs.find((i) => i.code === "key_projects_started")!;
  const districts = (await open.client.execute("select id from districts")).rows.map((r) => Number(r.id));
  return rollupIndicator(ind, districts, 10, 500).city.actual ?? 0;
}

describe("key-project import with stage, actual dates and key level", () => {
  it("reads stage labels, 2023-05-10 / 2023/5/10 / Excel date cells and serials, the key level and the owner unit", async () => {
    const { rows, errors } = await check([
      ["Y-1", "甲项目", "晋江市", 2, 1, "在建", "2023-05-10", null, "市重点", "晋江城建集团"],
      ["Y-2", "乙项目", "晋江市", 2, 1, "续建", "2023/5/10", null, "省重点", ""],
      ["Y-3", "丙项目", "晋江市", 2, 1, "已建成", new Date(Date.UTC(2023, 4, 10)), 45179, "一般", ""],
      ["Y-4", "丁项目", "晋江市", 2, 1, "前期筹备", null, null, null, ""],
    ]);
    expect(errors).toEqual([]);
    expect(rows.map((r) => [r.code, r.stage, r.actualStartOn, r.actualCompletionOn, r.keyLevel ?? null, r.owner])).toEqual([
      ["Y-1", "under_construction", "2023-05-10", null, "city", "晋江城建集团"],
      ["Y-2", "under_construction", "2023-05-10", null, "province", ""],
      ["Y-3", "completed", "2023-05-10", "2023-09-10", "general", ""],
      ["Y-4", "preparing", null, null, null, ""],
    ]);
  });

  it("refuses an unknown stage or key level and an unreadable date, naming the row", async () => {
    const { errors } = await check([
      ["Y-1", "甲项目", "晋江市", 2, 1, "快完了", "2023-05-10", null, "市重点", ""],
      ["Y-2", "乙项目", "晋江市", 2, 1, "在建", "5月10日", null, "县重点", ""],
    ]);
    expect(errors.map((e) => e.line)).toEqual([2, 3]);
    expect(errors[0]!.message).toContain("阶段“快完了”无法识别");
    expect(errors[1]!.message).toContain("实际开工日期：日期格式应为 2024-03-15");
    expect(errors[1]!.message).toContain("重点级别“县重点”无法识别");
  });

  it("makes 新开工 count the imported 市重点 projects by their actual start (not 省重点, not 前期筹备), and reports changes on re-import", async () => {
    const campaign = await one("select id from campaigns where slug = 'quanzhou-2023'");
    const before = await started(campaign);
    // October is not approved in the demo, so its dates may change by import.
    const first = await check([
      ["Y-1", "甲项目", "晋江市", 2, 1, "在建", "2023-10-08", null, "市重点", ""],
      ["Y-2", "乙项目", "晋江市", 2, 1, "在建", "2023-10-09", null, "省重点", ""],
      ["Y-3", "丙项目", "晋江市", 2, 1, "", "2023-10-10", null, "", ""],
      ["Y-4", "丁项目", "晋江市", 2, 1, "前期筹备", null, null, "市重点", ""],
    ]);
    expect(first.errors).toEqual([]);
    const r = await importProjects(open, campaign, first.rows, await actor());
    if (!r.ok) throw new Error(JSON.stringify(r));
    expect(r.value.created).toBe(4);
    // Y-1 and Y-3 (no stage given: 在建 from its start date, 市重点 by default).
    expect(await started(campaign)).toBe(before + 2);
    expect((await open.client.execute("select code, stage, is_key, key_level from projects where code like 'Y-%' order by code")).rows.map((x) => [x.code, x.stage, Number(x.is_key), x.key_level])).toEqual([
      ["Y-1", "under_construction", 1, "city"], ["Y-2", "under_construction", 0, "province"], ["Y-3", "under_construction", 1, "city"], ["Y-4", "preparing", 1, "city"],
    ]);

    // Re-import: Y-4 starts, Y-2 turns out to be on the city list too.
    const second = await check([
      ["Y-2", "乙项目", "晋江市", 2, 1, "在建", "2023-10-09", null, "省市重点", ""],
      ["Y-4", "丁项目", "晋江市", 2, 1, "在建", "2023-10-20", null, "市重点", ""],
    ]);
    const r2 = await importProjects(open, campaign, second.rows, await actor());
    if (!r2.ok) throw new Error(JSON.stringify(r2));
    expect(r2.value.updated.map((u) => [u.code, u.changes.map((c) => `${c.field}:${c.before}→${c.after}`)])).toEqual([
      ["Y-2", ["keyLevel:province→city"]],
      ["Y-4", ["stage:preparing→under_construction", "actualStartOn:null→2023-10-20"]],
    ]);
    expect(await started(campaign)).toBe(before + 4);
  });

  it("refuses a stage that disagrees with the dates, and a start date in a published month, storing nothing", async () => {
    const campaign = await one("select id from campaigns where slug = 'quanzhou-2023'");
    const count = await one("select count(*) from projects");
    const bad = await check([
      ["Z-1", "戊项目", "晋江市", 2, 1, "在建", null, null, "", ""],
      ["Z-2", "己项目", "晋江市", 2, 1, "在建", "2023-03-15", null, "", ""],
      ["Z-3", "庚项目", "晋江市", 2, 1, "前期筹备", null, null, "", ""],
    ]);
    const r = await importProjects(open, campaign, bad.rows, await actor());
    expect(r.ok).toBe(false);
    if (r.ok || r.reason !== "rows") throw new Error("expected row errors");
    expect(r.errors.map((e) => e.line)).toEqual([2, 3]);
    expect(r.errors[0]!.message).toContain("须填实际开工日期");
    expect(r.errors[1]!.message).toContain("2023-03 已审核发布");
    expect(await one("select count(*) from projects")).toBe(count);
  });
});

describe("history back-fill", () => {
  it("a month marked historical is never overdue or late: submitted after its deadline it is 补录, not submitted it is past due without a day count", () => {
    const due = "2023-11-05";
    const late = classify({ status: "approved", submittedAt: "2024-02-01T02:00:00.000Z", dueOn: due, locked: false, historical: true }, "2024-02-02");
    expect(late).toMatchObject({ timeliness: "backfilled", daysLate: null });
    const missing = classify({ status: null, submittedAt: null, dueOn: due, locked: false, historical: true }, "2024-02-02");
    expect(missing).toMatchObject({ timeliness: "past_due", daysOverdue: null });
    // The same month unmarked, while the campaign runs, is late and overdue.
    expect(classify({ status: "approved", submittedAt: "2024-02-01T02:00:00.000Z", dueOn: due, locked: false }, "2024-02-02", { endsOn: "2024-12-31" })).toMatchObject({ timeliness: "late", daysLate: 88 });
    expect(classify({ status: null, submittedAt: null, dueOn: due, locked: false }, "2024-02-02", { endsOn: "2024-12-31" })).toMatchObject({ timeliness: "overdue", daysOverdue: 89 });
    const counts = countMonth([late, missing]);
    expect(counts).toMatchObject({ late: 0, overdue: 0, backfilled: 1 });
    expect(timelinessSentence(counts, [], [], { reason: "系统上线前的月份集中补录" })).toBe("按时报送 0 个，补录 1 个（本月由专项办标为历史补录：系统上线前的月份集中补录，不计迟报）。");
  });

  it("the office marks a month with a reason (audited, version-checked); the completeness rows carry the mark", async () => {
    const campaign = await one("select id from campaigns where slug = 'quanzhou-2023'");
    const p = (await open.client.execute({ sql: "select id, version from periods where campaign_id = ? and month = '2023-10'", args: [campaign] })).rows[0]!;
    const refused = await setPeriodHistorical(open, { periodId: Number(p.id), expectedVersion: Number(p.version), historical: true, reason: "  ", actor: await actor() });
    expect(refused).toMatchObject({ ok: false, reason: "refused", field: "reason" });
    const ok = await setPeriodHistorical(open, { periodId: Number(p.id), expectedVersion: Number(p.version), historical: true, reason: "年初集中补录", actor: await actor() });
    expect(ok).toMatchObject({ ok: true });
    const stale = await setPeriodHistorical(open, { periodId: Number(p.id), expectedVersion: Number(p.version), historical: false, reason: null, actor: await actor() });
    expect(stale).toMatchObject({ ok: false, reason: "conflict" });
    const audit = (await open.client.execute("select before, after from audit_events where action = 'period.historical'")).rows[0]!;
    expect(JSON.parse(String(audit.before))).toMatchObject({ month: "2023-10", historical: false });
    expect(JSON.parse(String(audit.after))).toMatchObject({ month: "2023-10", historical: true, historicalReason: "年初集中补录" });
    const rows = (await completeness.listCompleteness(campaign)).filter((r) => r.month === "2023-10");
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.historical && r.historicalReason === "年初集中补录")).toBe(true);
    // Drafts of October in the demo are not overdue once marked, whatever today is.
    const cells = rows.map((r) => classify(r, "2026-12-01", { endsOn: "2023-12-31" }));
    expect(cells.some((c) => c.state === "draft" || c.state === "missing")).toBe(true);
    expect(cells.filter((c) => c.timeliness === "overdue" || c.timeliness === "late")).toEqual([]);
  });
});
