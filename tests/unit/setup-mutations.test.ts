import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OpenDatabase } from "@/db/client";
import { insertAction } from "@/db/mutations/setup/actions";
import { effectiveCurrentCampaignId } from "@/db/current-campaign";
import { insertCampaign } from "@/db/mutations/setup/campaign-copy";
import { setCampaignStatus, setCurrentCampaign, updateCampaign, type CampaignFields } from "@/db/mutations/setup/campaigns";
import { setPeriodOpen } from "@/db/mutations/setup/campaign-months";
import type { Actor } from "@/domain/actor";
import { updateIndicator, type IndicatorFields } from "@/db/mutations/setup/indicators";
import { importProjects, type ProjectImportRow } from "@/db/mutations/setup/projects";
import { saveIndicatorTargets, targetStamp } from "@/db/mutations/setup/targets";
import { seedDemo } from "@/db/seed";
import { freshDatabase, snapshot as fullSnapshot } from "../support/temp-db";

/* The set-up mutations on a seeded demo database: lifecycle, the archived read-only rule, the blocked definition change, the key-project import. */

let open: OpenDatabase;
let cleanup: () => void;
let actor: Actor;

beforeAll(async () => {
  const db = await freshDatabase();
  open = db.open;
  cleanup = db.cleanup;
  await seedDemo(open);
  const admin = await open.client.execute("select id from users where username = 'admin'");
  actor = { id: Number(admin.rows[0]!.id), name: "admin", clientAddress: "test" };
});
afterAll(() => cleanup());

/** Every table's rows, minus app_meta.data_version (db/client.ts counts every write transaction, refused ones too). */
async function snapshot(db: OpenDatabase): Promise<string> {
  return (await fullSnapshot(db)).replace(/\["data_version","\d+"\],?/, "");
}

async function n(sql: string, args: (string | number)[] = []): Promise<number> {
  const r = await open.client.execute({ sql, args });
  return Number(Object.values(r.rows[0]!)[0]);
}

const fields = (year: number, slug: string): CampaignFields => ({
  slug, year, cityName: "泉州市", cityNameEn: "", title: "抓项目、促发展", titleEn: "", subtitle: "", subtitleEn: "", announcedOn: null,
  startsOn: `${year}-01-01`, endsOn: `${year}-12-31`, paceWarnBp: 500, reportDeadlineDay: 5, sourceNote: "",
});

async function campaign(year: number, copyFrom: number | null = null): Promise<number> {
  const r = await insertCampaign(open, fields(year, `t-${year}`), copyFrom, actor);
  if (!r.ok) throw new Error(r.reason);
  return r.value.id;
}

describe("campaign lifecycle", () => {
  it("copies 2023's actions and indicators into a draft with twelve closed months, no targets, no projects, and the current campaign unchanged", async () => {
    const id = await campaign(2024, 1);
    expect(await n("select count(*) from actions where campaign_id = ?", [id])).toBe(13);
    expect(await n("select count(*) from actions where campaign_id = ? and parent_id is not null and parent_id not in (select id from actions where campaign_id = ?)", [id, id])).toBe(0);
    expect(await n("select count(*) from indicators where campaign_id = ?", [id])).toBe(18);
    expect(await n("select count(*) from periods where campaign_id = ? and is_open = 0 and due_on like '2024-%' or (campaign_id = ? and month = '2024-12' and due_on = '2025-01-05')", [id, id])).toBe(12);
    expect(await n("select count(*) from targets t join indicators i on i.id = t.indicator_id where i.campaign_id = ?", [id])).toBe(0);
    expect(await n("select count(*) from projects where campaign_id = ?", [id])).toBe(0);
    expect(await effectiveCurrentCampaignId(open.db)).toBe(1);
  });

  it("activating a newer campaign keeps the current one; only marking it current moves the app", async () => {
    const id = await campaign(2025);
    expect(await setCurrentCampaign(open, id, actor)).toMatchObject({ ok: false, reason: "refused" });
    expect(await setCampaignStatus(open, id, 1, "active", actor)).toEqual({ ok: true, value: undefined });
    expect(await effectiveCurrentCampaignId(open.db)).toBe(1);
    expect(await setCurrentCampaign(open, id, actor)).toEqual({ ok: true, value: undefined });
    expect(await effectiveCurrentCampaignId(open.db)).toBe(id);
    expect(await setCampaignStatus(open, id, 2, "archived", actor)).toMatchObject({ ok: false, reason: "refused" });
    expect(await setCurrentCampaign(open, 1, actor)).toEqual({ ok: true, value: undefined });
    expect(await effectiveCurrentCampaignId(open.db)).toBe(1);
  });

  it("an archived campaign refuses every write inside the mutation, and nothing changes", async () => {
    const id = await campaign(2026, 1);
    expect(await setCampaignStatus(open, id, 1, "archived", actor)).toEqual({ ok: true, value: undefined });
    const before = await snapshot(open);
    const indicator = await n("select id from indicators where campaign_id = ? and code = 'planned_projects'", [id]);
    const period = await n("select id from periods where campaign_id = ? and month = '2026-01'", [id]);
    expect(await updateCampaign(open, id, 2, { ...fields(2026, "t-2026"), title: "改" }, actor)).toEqual({ ok: false, reason: "archived" });
    expect(await insertAction(open, id, { code: "new_one", name: "新", nameEn: "", groupLabel: "", summary: "", parentId: null, leadDepartmentId: null }, actor)).toEqual({ ok: false, reason: "archived" });
    expect(await saveIndicatorTargets(open, indicator, "0:0", { targetValue: 1, baselineValue: null, growthTargetBp: null, multipleTargetPct: null, breakdownNote: "", districts: new Map() }, actor)).toEqual({ ok: false, reason: "archived" });
    expect(await setPeriodOpen(open, period, 1, true, actor)).toEqual({ ok: false, reason: "archived" });
    expect(await importProjects(open, id, [{ line: 2, code: "X", name: "X", districtId: 1, totalInvestment: 1, annualPlannedInvestment: 1 }], actor)).toEqual({ ok: false, reason: "archived" });
    expect(await snapshot(open)).toBe(before);
  });
});

async function indicatorFields(id: number): Promise<IndicatorFields> {
  const r = (await open.client.execute({ sql: "select * from indicators where id = ?", args: [id] })).rows[0]!;
  return {
    code: String(r.code), kind: r.kind as IndicatorFields["kind"], aggregation: r.aggregation as IndicatorFields["aggregation"], accumulation: r.accumulation as IndicatorFields["accumulation"],
    unitCode: String(r.unit_code), partUnitCode: (r.part_unit_code as string | null) ?? null, numeratorLabel: (r.numerator_label as string | null) ?? null, denominatorLabel: (r.denominator_label as string | null) ?? null,
    derivation: r.derivation ? JSON.parse(String(r.derivation)) : null, name: String(r.name), nameEn: String(r.name_en), description: String(r.description),
    isPublic: r.is_public === 1, isHeadline: r.is_headline === 1, decimals: Number(r.decimals), ownerDepartmentId: r.owner_department_id == null ? null : Number(r.owner_department_id), actionId: Number(r.action_id),
  };
}

describe("changing an indicator that has figures", () => {
  it("blocks a new definition, asks for confirmation of a new name, and audits it", async () => {
    const id = await n("select id from indicators where campaign_id = 1 and code = 'planned_projects'");
    const f = await indicatorFields(id);
    expect(await updateIndicator(open, id, 1, { ...f, unitCode: "jia" }, true, actor)).toMatchObject({ ok: false, reason: "refused", field: "definition" });
    expect(await updateIndicator(open, id, 1, { ...f, name: "新名称" }, false, actor)).toMatchObject({ ok: false, reason: "refused", field: "confirm" });
    expect(await updateIndicator(open, id, 1, { ...f, name: "新名称" }, true, actor)).toEqual({ ok: true, value: undefined });
    const audit = (await open.client.execute({ sql: "select before, after from audit_events where action = 'indicator.update' and entity_id = ?", args: [String(id)] })).rows[0]!;
    expect(JSON.parse(String(audit.before))).toEqual({ name: "新策划生成生产性项目" });
    expect(JSON.parse(String(audit.after))).toEqual({ name: "新名称", confirmedWithFigures: true });
  });

  it("blocks a changed rule of a derived indicator once any month is approved, even with the same key order", async () => {
    const id = await n("select id from indicators where campaign_id = 1 and code = 'big_signings_landed'");
    const f = await indicatorFields(id);
    const reordered = { ...f, derivation: { rule: "signings_count", params: { landedOnly: true, minAmount: 200000 } } };
    expect(await updateIndicator(open, id, 1, { ...reordered, isHeadline: false }, true, actor)).toEqual({ ok: true, value: undefined });
    expect(await updateIndicator(open, id, 2, { ...reordered, derivation: { rule: "signings_count", params: { minAmount: 100000, landedOnly: true } } }, true, actor)).toMatchObject({ ok: false, field: "definition" });
  });
});

describe("targets", () => {
  it("refuses a save based on an older stamp", async () => {
    const id = await n("select id from indicators where campaign_id = 1 and code = 'urban_investment'");
    const rows = (await open.client.execute({ sql: "select version from targets where indicator_id = ? and year = 2023", args: [id] })).rows.map((r) => ({ version: Number(r.version) }));
    const stamp = targetStamp(rows);
    const v = { targetValue: 9_000_000, baselineValue: null, growthTargetBp: null, multipleTargetPct: null, breakdownNote: "说明", districts: new Map<number, number | null>() };
    expect(await saveIndicatorTargets(open, id, stamp, v, actor)).toEqual({ ok: true, value: true });
    expect(await saveIndicatorTargets(open, id, stamp, { ...v, targetValue: 1 }, actor)).toEqual({ ok: false, reason: "conflict" });
    expect(await n("select target_value from targets where indicator_id = ? and district_id is null", [id])).toBe(9_000_000);
  });
});

describe("the key-project import", () => {
  const rows = (k: number): ProjectImportRow[] =>
    Array.from({ length: k }, (_, i) => ({ line: i + 2, code: `K${i}`, name: `项目${i}`, districtId: (i % 13) + 1, sectorId: null, actionId: null, owner: "", totalInvestment: 1000 + i, annualPlannedInvestment: 100, plannedStartOn: null, plannedCompletionOn: null }));

  it("stores a thousand rows in one transaction within a few seconds", async () => {
    const id = await campaign(2027);
    const started = Date.now();
    const r = await importProjects(open, id, rows(1000), actor);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(r).toMatchObject({ ok: true, value: { created: 1000, updated: [], unchanged: 0 } });
    expect(await n("select count(*) from audit_events where action = 'project.import_create'")).toBe(1000);
  });

  it("updates by code on a second import and says which fields changed", async () => {
    const id = await campaign(2028);
    await importProjects(open, id, rows(3), actor);
    const again = rows(4);
    again[1] = { ...again[1]!, totalInvestment: 5000, owner: undefined };
    const r = await importProjects(open, id, again, actor);
    expect(r).toEqual({ ok: true, value: { created: 1, unchanged: 2, updated: [{ code: "K1", name: "项目1", changes: [{ field: "totalInvestment", before: 1001, after: 5000 }] }] } });
    expect(await n("select count(*) from projects where campaign_id = ?", [id])).toBe(4);
  });

  it("refuses to move a project that a district already reported on, storing nothing", async () => {
    const p = (await open.client.execute("select p.code, p.district_id from projects p join project_progress g on g.project_id = p.id where p.campaign_id = 1 limit 1")).rows[0]!;
    const other = Number(p.district_id) === 1 ? 2 : 1;
    const before = await snapshot(open);
    const r = await importProjects(open, 1, [{ line: 5, code: String(p.code), name: "改区县", districtId: other, totalInvestment: 1, annualPlannedInvestment: 1 }], actor);
    expect(r).toMatchObject({ ok: false, reason: "rows", errors: [{ line: 5 }] });
    expect(await snapshot(open)).toBe(before);
  });
});

describe("which campaign is current (one query, for writes and pages alike)", () => {
  it("skips a marked campaign that is not active for the latest active one; with none active takes the latest archived; never a draft", async () => {
    const statuses = (await open.client.execute("select id, status from campaigns")).rows.map((r) => [Number(r.id), String(r.status)] as const);
    const marked = (await open.client.execute("select value from app_meta where key = 'current_campaign'")).rows[0]?.value ?? null;
    const set = (sql: string, args: (number | string)[] = []) => open.client.execute({ sql, args });
    try {
      await set("update campaigns set status = 'archived'");
      await set("insert into campaigns (slug, year, city_name, title, starts_on, ends_on, status) values ('cur-a', 2030, '泉州市', 'a', '2030-01-01', '2030-12-31', 'active'), ('cur-b', 2031, '泉州市', 'b', '2031-01-01', '2031-12-31', 'active'), ('cur-d', 2040, '泉州市', 'd', '2040-01-01', '2040-12-31', 'draft'), ('cur-z', 2035, '泉州市', 'z', '2035-01-01', '2035-12-31', 'archived')");
      const idOf = async (slug: string) => n("select id from campaigns where slug = ?", [slug]);
      await set("insert into app_meta (key, value) values ('current_campaign', ?) on conflict (key) do update set value = excluded.value", [String(await idOf("cur-a"))]);
      // Marked and active: it, although 2031 is newer.
      expect(await effectiveCurrentCampaignId(open.db)).toBe(await idOf("cur-a"));
      // Marked but archived: the latest active (2031), not the newer archived 2035 nor the draft.
      await set("update campaigns set status = 'archived' where slug = 'cur-a'");
      expect(await effectiveCurrentCampaignId(open.db)).toBe(await idOf("cur-b"));
      // None active: the latest archived.
      await set("update campaigns set status = 'archived' where slug = 'cur-b'");
      expect(await effectiveCurrentCampaignId(open.db)).toBe(await idOf("cur-z"));
    } finally {
      await set("delete from app_meta where key = 'current_campaign'");
      if (marked !== null) await set("insert into app_meta (key, value) values ('current_campaign', ?)", [String(marked)]);
      await set("delete from campaigns where slug in ('cur-a', 'cur-b', 'cur-d', 'cur-z')");
      for (const [id, status] of statuses) await set("update campaigns set status = ? where id = ?", [status, id]);
    }
  });
});
