import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { OpenDatabase } from "@/db/client";
import { saveFigureValues } from "@/db/mutations/reports";
import { setMetaValue } from "@/db/mutations/settings";
import { PLAUSIBILITY_SETTINGS_KEY } from "@/domain/plausibility/settings";
import { demoAppDatabase } from "../support/demo-app-db";

/*
 * Definitions kept per definitions version (db/definitions.ts, migration 0015, issue #17): the
 * current campaign, the reporting districts, the indicators with their units and actions, the
 * plausibility settings and the demo flag are read once and reused until the campaign office
 * changes one of them — from this instance or any other on the same database. A month save
 * changes none of them and keeps them.
 */

let open: OpenDatabase;
let defs: typeof import("@/db/definitions");
let figures: typeof import("@/db/queries/figures");
let campaigns: typeof import("@/db/queries/campaigns");
let plausibility: typeof import("@/db/queries/plausibility");
let meta: typeof import("@/db/queries/meta");
demoAppDatabase("tuijin-definitions-kept-", async (db) => {
  open = db;
  defs = await import("@/db/definitions");
  figures = await import("@/db/queries/figures");
  campaigns = await import("@/db/queries/campaigns");
  plausibility = await import("@/db/queries/plausibility");
  meta = await import("@/db/queries/meta");
});

const actor = { id: 1, name: "admin", clientAddress: "127.0.0.1" };

async function campaignId(): Promise<number> {
  return Number((await open.client.execute("select id from campaigns where year = 2023")).rows[0]!.id);
}

/** The stored version of a district-month's figure (0 when none), as the form carries it. */
async function currentVersion(periodId: number, districtId: number, indicatorId: number): Promise<number> {
  const r = await open.client.execute({ sql: "select f.version from figure_values f join monthly_reports r on r.id = f.report_id where r.period_id = ? and r.district_id = ? and f.indicator_id = ?", args: [periodId, districtId, indicatorId] });
  return Number(r.rows[0]?.version ?? 0);
}

/** A write through another connection than the app's own (as another app instance would). */
const write = (statement: ReturnType<typeof sql>) => open.write((tx) => tx.run(statement));

describe("definitions kept per definitions version", () => {
  it("a second read is the same answer, not read again; a data write keeps it", async () => {
    const c = await campaignId();
    const first = {
      indicators: await figures.listReportedIndicators(c),
      districts: await figures.listReportingDistricts(),
      campaign: await campaigns.getCurrentCampaign(),
      settings: await plausibility.getPlausibilitySettings(),
    };
    expect(first.indicators.length).toBeGreaterThan(5);
    expect(first.districts.length).toBe(13);
    expect(first.campaign?.id).toBe(c);
    expect(await figures.listReportedIndicators(c)).toBe(first.indicators);
    expect(await figures.listReportingDistricts()).toBe(first.districts);
    expect(await campaigns.getCurrentCampaign()).toBe(first.campaign);
    expect(await plausibility.getPlausibilitySettings()).toBe(first.settings);

    // A month save: figures, flags, audit and data_version change; the definitions do not.
    const token = await defs.definitionsVersion();
    const dataVersion = async () => (await open.client.execute("select value from app_meta where key = 'data_version'")).rows[0]?.value;
    const dataBefore = await dataVersion();
    const period = Number((await open.client.execute({ sql: "select id from periods where campaign_id = ? and month = '2023-10'", args: [c] })).rows[0]!.id);
    const luojiang = first.districts.find((d) => d.code === "luojiang")!;
    const indicator = first.indicators.find((i) => i.aggregation === "sum")!;
    const outcome = await saveFigureValues(open, { periodId: period, districtId: luojiang.id, rows: [{ indicatorId: indicator.id, code: indicator.code, expectedVersion: await currentVersion(period, luojiang.id, indicator.id), value: 12_345, numerator: null, denominator: null, note: null }], submit: false, actor });
    expect(outcome.ok).toBe(true);
    expect(await dataVersion()).not.toBe(dataBefore);
    expect(await defs.definitionsVersion()).toBe(token);
    expect(await figures.listReportedIndicators(c)).toBe(first.indicators);
    expect(await figures.listReportingDistricts()).toBe(first.districts);
  });

  it("an indicator renamed, added or removed is seen on the next read", async () => {
    const c = await campaignId();
    const before = await figures.listReportedIndicators(c);
    const target = before[0]!;
    await write(sql`update indicators set name = ${target.name + "（改）"} where id = ${target.id}`);
    const renamed = await figures.listReportedIndicators(c);
    expect(renamed.find((i) => i.id === target.id)!.name).toBe(target.name + "（改）");
    expect(renamed).toEqual(before.map((i) => (i.id === target.id ? { ...i, name: target.name + "（改）" } : i)));

    await write(sql`insert into indicators (campaign_id, action_id, code, name, kind, aggregation, accumulation, unit_code, decimals, sort_order)
                    select campaign_id, action_id, 'kept_test_new', '新增测试指标', 'reported', 'sum', 'flow', unit_code, 0, 9999 from indicators where id = ${target.id}`);
    const added = await figures.listReportedIndicators(c);
    expect(added.map((i) => i.code)).toContain("kept_test_new");
    await write(sql`delete from indicators where code = 'kept_test_new'`);
    expect((await figures.listReportedIndicators(c)).map((i) => i.code)).not.toContain("kept_test_new");
    await write(sql`update indicators set name = ${target.name} where id = ${target.id}`);
  });

  it("a unit's symbol and an action's name reach the indicators read after them", async () => {
    const c = await campaignId();
    const target = (await figures.listReportedIndicators(c))[0]!;
    await write(sql`update units set symbol = '测试单位' where code = ${target.unit.code}`);
    expect((await figures.listReportedIndicators(c)).find((i) => i.id === target.id)!.unit.symbol).toBe("测试单位");
    await write(sql`update units set symbol = ${target.unit.symbol} where code = ${target.unit.code}`);
    await write(sql`update actions set name = '测试行动' where code = ${target.section.code}`);
    expect((await figures.listReportedIndicators(c)).find((i) => i.id === target.id)!.section.name).toBe("测试行动");
    await write(sql`update actions set name = ${target.section.name} where code = ${target.section.code}`);
    expect((await figures.listReportedIndicators(c)).find((i) => i.id === target.id)).toEqual(target);
  });

  it("a district renamed or no longer reporting, the campaign retitled, a setting changed: each seen on the next read", async () => {
    const districts = await figures.listReportingDistricts();
    const d = districts[0]!;
    await write(sql`update districts set name = '测试区' where id = ${d.id}`);
    expect((await figures.listReportingDistricts())[0]!.name).toBe("测试区");
    await write(sql`update districts set reports = 0 where id = ${d.id}`);
    expect((await figures.listReportingDistricts()).map((x) => x.id)).not.toContain(d.id);
    await write(sql`update districts set reports = 1, name = ${d.name} where id = ${d.id}`);
    expect(await figures.listReportingDistricts()).toEqual(districts);

    const campaign = (await campaigns.getCurrentCampaign())!;
    await write(sql`update campaigns set title = '测试标题' where id = ${campaign.id}`);
    expect((await campaigns.getCurrentCampaign())!.title).toBe("测试标题");
    await write(sql`update campaigns set title = ${campaign.title} where id = ${campaign.id}`);

    const settings = await plausibility.getPlausibilitySettings();
    await setMetaValue(open, PLAUSIBILITY_SETTINGS_KEY, JSON.stringify({ figureMedianMultiple: 7 }), actor);
    const changed = await plausibility.getPlausibilitySettings();
    expect(changed.figureMedianMultiple).toBe(7);
    expect(changed).toEqual({ ...settings, figureMedianMultiple: 7 });

    expect(await meta.getIsDemoData()).toBe(true);
    await write(sql`update app_meta set value = '0' where key = 'demo_data'`);
    expect(await meta.getIsDemoData()).toBe(false);
    await write(sql`update app_meta set value = '1' where key = 'demo_data'`);
    expect(await meta.getIsDemoData()).toBe(true);
  });

  it("a kept answer cannot be changed in place by a caller", async () => {
    const c = await campaignId();
    const list = (await figures.listReportedIndicators(c)) as unknown as { name: string }[];
    expect(() => list.push({ name: "x" })).toThrow(TypeError);
    expect(() => {
      list[0]!.name = "x";
    }).toThrow(TypeError);
    const campaign = (await campaigns.getCurrentCampaign()) as unknown as { title: string };
    expect(() => {
      campaign.title = "x";
    }).toThrow(TypeError);
  });

  it("without a token (a database not migrated to 0015) nothing is kept", async () => {
    const c = await campaignId();
    const token = (await defs.definitionsVersion())!;
    await write(sql`delete from app_meta where key = 'definitions_version'`);
    expect(await defs.definitionsVersion()).toBeNull();
    const a = await figures.listReportedIndicators(c);
    const b = await figures.listReportedIndicators(c);
    expect(b).not.toBe(a);
    expect(b).toEqual(a);
    await write(sql`insert into app_meta (key, value) values ('definitions_version', ${token})`);
  });
});
