import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type OpenDatabase } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { saveFigureValues, type FigureWrite } from "@/db/mutations/reports";
import { seedDemo } from "@/db/seed";

/* saveFigureValues on the demo data (Luojiang's October draft): 本月无数据 and plausibility flags in the same transaction. */

const dir = mkdtempSync(path.join(tmpdir(), "tuijin-save-figures-"));
let open: OpenDatabase;
let periodId: number;
let districtId: number;
let ids: Record<string, number>;
const actor = { id: 1, name: "admin", clientAddress: "127.0.0.1" };

beforeAll(async () => {
  open = await openDatabase(`file:${path.join(dir, "demo.db")}`);
  await runMigrations(open);
  await seedDemo(open);
  periodId = Number((await open.client.execute("select id from periods where month = '2023-10'")).rows[0]!.id);
  districtId = Number((await open.client.execute("select id from districts where code = 'luojiang'")).rows[0]!.id);
  ids = Object.fromEntries((await open.client.execute("select code, id from indicators")).rows.map((r) => [String(r.code), Number(r.id)]));
});
afterAll(() => {
  open.close();
  rmSync(dir, { recursive: true, force: true });
});

async function cell(code: string) {
  const r = await open.client.execute({
    sql: `select f.value, f.note, f.no_data, f.version from figure_values f join monthly_reports r on r.id = f.report_id where r.period_id = ? and r.district_id = ? and f.indicator_id = ?`,
    args: [periodId, districtId, ids[code]!],
  });
  return r.rows[0] as unknown as { value: number | null; note: string | null; no_data: number; version: number };
}

async function flags(code: string) {
  const r = await open.client.execute({
    sql: "select id, rule, message, note from plausibility_flags where district_id = ? and month = '2023-10' and indicator_id = ? and resolved_at is null order by id",
    args: [districtId, ids[code]!],
  });
  return r.rows.map((x) => ({ id: Number(x.id), rule: String(x.rule), message: String(x.message), note: String(x.note) }));
}

async function save(code: string, w: Partial<FigureWrite>) {
  const c = await cell(code);
  return saveFigureValues(open, {
    periodId,
    districtId,
    submit: false,
    actor,
    rows: [{ indicatorId: ids[code]!, expectedVersion: Number(c?.version ?? 0), value: null, numerator: null, denominator: null, note: null, ...w }],
  });
}

describe("saving figures with flags and 本月无数据", () => {
  it("stores a flagged value with its note and flag, and an unchanged save leaves the flag as it was", async () => {
    const flag = { rule: "figure_above_median", message: "与本区以往差异较大：本月 900 亿元" };
    expect(await save("urban_investment", { value: 9_000_000, note: "集中结算", flags: [flag] })).toMatchObject({ ok: true, value: { changed: 1 } });
    const first = await flags("urban_investment");
    expect(first).toMatchObject([{ ...flag, note: "集中结算" }]);
    expect(await save("urban_investment", { value: 9_000_000, note: "集中结算", flags: [flag] })).toMatchObject({ ok: true, value: { changed: 0 } });
    expect(await flags("urban_investment")).toEqual(first);
  });

  it("clears the flags of a value that no longer trips a rule", async () => {
    expect(await save("urban_investment", { value: 30_000, note: null, flags: [] })).toMatchObject({ ok: true, value: { changed: 1 } });
    expect(await flags("urban_investment")).toEqual([]);
  });

  it("keeps a form-level flag with its own note beside the value's own flag", async () => {
    await save("planned_projects", {
      value: 9,
      note: "行内说明",
      flags: [
        { rule: "figure_below_median", message: "偏低" },
        { rule: "figures_copied_from_last_month", message: "本表已填的 7 项指标与上月数值完全相同", note: "整表说明" },
      ],
    });
    expect((await flags("planned_projects")).map((f) => [f.rule, f.note])).toEqual([
      ["figure_below_median", "行内说明"],
      ["figures_copied_from_last_month", "整表说明"],
    ]);
  });

  it("stores 本月无数据 with no value, and audits the mark", async () => {
    expect(await save("standard_factory_area", { noData: true, note: "本月无新建厂房" })).toMatchObject({ ok: true, value: { changed: 1 } });
    expect(await cell("standard_factory_area")).toMatchObject({ value: null, note: "本月无新建厂房", no_data: 1 });
    const audit = (await open.client.execute("select before, after from audit_events where action = 'figures.save' order by id desc limit 1")).rows[0]!;
    expect(JSON.parse(String(audit.after)).standard_factory_area).toMatchObject({ value: null, noData: true });
    expect(JSON.parse(String(audit.before)).standard_factory_area).toMatchObject({ noData: false });
  });

  it("refuses a flag without a note, storing nothing", async () => {
    const before = await cell("standard_park_area_started");
    await expect(save("standard_park_area_started", { value: 1, note: null, flags: [{ rule: "figure_above_median", message: "x" }] })).rejects.toThrow(/needs a note/);
    expect(await cell("standard_park_area_started")).toEqual(before);
  });
  it("answers with the report's figures exactly as the database holds them after the save: updated, inserted, untouched, 本月无数据, a ratio, -0 and doubles", async () => {
    const report = async () =>
      (
        await open.client.execute({
          sql: "select f.indicator_id, f.value, f.numerator, f.denominator, f.note, f.no_data, f.version from figure_values f join monthly_reports r on r.id = f.report_id where r.period_id = ? and r.district_id = ? order by f.indicator_id",
          args: [periodId, districtId],
        })
      ).rows.map((x) => ({ indicatorId: Number(x.indicator_id), value: x.value as number | null, numerator: x.numerator as number | null, denominator: x.denominator as number | null, note: x.note as string | null, noData: Number(x.no_data) === 1, version: Number(x.version) }));
    const before = await report();
    const held = new Set(before.map((b) => b.indicatorId));
    const all = (await open.client.execute("select i.id, i.aggregation from indicators i join periods p on p.campaign_id = i.campaign_id where p.id = " + periodId + " order by i.id")).rows.map((x) => ({ id: Number(x.id), ratio: x.aggregation === "ratio" }));
    const values = all.filter((i) => !i.ratio);
    const kept = values.filter((i) => held.has(i.id));
    const fresh = values.filter((i) => !held.has(i.id));
    const ratio = all.find((i) => i.ratio)!;
    expect(kept.length).toBeGreaterThan(2);
    expect(fresh.length).toBeGreaterThan(2);
    const version = (id: number) => before.find((b) => b.indicatorId === id)?.version ?? 0;
    const base = { numerator: null, denominator: null, note: null };
    const rows: FigureWrite[] = [
      { ...base, indicatorId: kept[0]!.id, expectedVersion: version(kept[0]!.id), value: 0.1 + 0.2, code: "kept0" },
      { ...base, indicatorId: kept[1]!.id, expectedVersion: version(kept[1]!.id), value: -0 },
      { ...base, indicatorId: fresh[0]!.id, expectedVersion: 0, value: 123456789.12345679, note: "新填" },
      { ...base, indicatorId: fresh[1]!.id, expectedVersion: 0, value: null, noData: true, note: "本月未统计" },
      { ...base, indicatorId: fresh[2]!.id, expectedVersion: 0, value: null },
      { indicatorId: ratio.id, expectedVersion: version(ratio.id), value: null, numerator: 1 / 3, denominator: 7, note: null },
    ];
    const saved = await saveFigureValues(open, { periodId, districtId, submit: false, actor, rows });
    if (!saved.ok) throw new Error(`save refused: ${saved.reason}`);
    const after = await report();
    expect([...saved.value.stored].sort((a, b) => a.indicatorId - b.indicatorId)).toEqual(after);
    // The save did change what it was asked to, and left the rest alone.
    expect(after.find((a) => a.indicatorId === kept[0]!.id)).toMatchObject({ value: 0.30000000000000004, version: version(kept[0]!.id) + 1 });
    expect(after.find((a) => a.indicatorId === fresh[0]!.id)).toMatchObject({ value: 123456789.12345679, note: "新填", version: 1 });
    expect(after.find((a) => a.indicatorId === fresh[2]!.id)).toBeUndefined();
    expect(after.filter((a) => ![kept[0], kept[1], fresh[0], fresh[1], ratio].some((r) => r!.id === a.indicatorId))).toEqual(before.filter((b) => ![kept[0], kept[1], ratio].some((r) => r!.id === b.indicatorId)));
    // The audit record names each indicator by its code: the given one, or the one read for it.
    const audit = (await open.client.execute("select after from audit_events where action = 'figures.save' order by id desc limit 1")).rows[0]!;
    const named = Object.keys(JSON.parse(String(audit.after)));
    expect(named).toContain("kept0");
    const freshCode = String((await open.client.execute({ sql: "select code from indicators where id = ?", args: [fresh[0]!.id] })).rows[0]!.code);
    expect(named).toContain(freshCode);
  });
});
