import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type OpenDatabase } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { seedDemo } from "@/db/seed";
import { insertCampaign } from "@/db/mutations/setup/campaign-copy";
import type { CampaignFields } from "@/db/mutations/setup/campaigns";
import { insertProblem } from "@/db/mutations/problems";

/* A campaign year holds only its own problems: the district home and the problems list of a
 * 2024 campaign copied from the 2023 demo count no 2023 item, unless the office carried the open
 * ones forward (then each copy points back to its origin, and 2023 keeps its own). */

const dir = mkdtempSync(path.join(tmpdir(), "tuijin-year-scope-"));
process.env.DATABASE_URL = `file:${path.join(dir, "demo.db")}`;
let open: OpenDatabase;
let home: typeof import("@/db/queries/district-home");
let list: typeof import("@/db/queries/problems");
const TODAY = "2026-12-01";

beforeAll(async () => {
  open = await openDatabase();
  await runMigrations(open);
  await seedDemo(open);
  home = await import("@/db/queries/district-home");
  list = await import("@/db/queries/problems");
});
afterAll(() => {
  open.close();
  rmSync(dir, { recursive: true, force: true });
});

async function one(sql: string, args: (string | number)[] = []): Promise<number> {
  const r = await open.client.execute({ sql, args });
  return Number(Object.values(r.rows[0]!)[0]);
}

const fields = (year: number, slug: string): CampaignFields => ({
  slug, year, cityName: "泉州市", cityNameEn: "", title: `${year}年重点项目攻坚`, titleEn: "", subtitle: "", subtitleEn: "", announcedOn: null,
  startsOn: `${year}-01-01`, endsOn: `${year}-12-31`, paceWarnBp: 500, reportDeadlineDay: 5, sourceNote: "",
});

async function actor() {
  return { id: await one("select id from users where username = 'admin'"), name: "admin", clientAddress: "test" };
}

describe("problems belong to their campaign year", () => {
  it("the demo's problems carry the 2023 campaign id", async () => {
    expect(await one("select count(*) from problems")).toBeGreaterThan(0);
    expect(await one("select count(*) from problems q join projects p on p.id = q.project_id where q.campaign_id is null or q.campaign_id <> p.campaign_id")).toBe(0);
  });

  it("a 2024 campaign copied without carrying problems counts no 2023 problem on the district home or in the problems list", async () => {
    const jinjiang = await one("select id from districts where code = 'jinjiang'");
    const y2023 = await one("select id from campaigns where slug = 'quanzhou-2023'");
    const overdue2023 = await home.countOverdueProblems(y2023, jinjiang, TODAY);
    expect(overdue2023).toBeGreaterThan(0);

    const r = await insertCampaign(open, fields(2024, "scope-2024"), y2023, await actor());
    if (!r.ok) throw new Error(r.reason);
    expect(r.value.carriedProblems).toBe(0);
    expect(await home.countOverdueProblems(r.value.id, jinjiang, TODAY)).toBe(0);
    const page = await list.listProblems({ campaignId: r.value.id, page: 1, pageSize: 20 }, TODAY);
    expect(page.total).toBe(0);
    expect(await home.countOverdueProblems(y2023, jinjiang, TODAY)).toBe(overdue2023);
  });

  it("carrying open problems forward copies each one (with its project) into the new year, pointing back to its origin, audited", async () => {
    const jinjiang = await one("select id from districts where code = 'jinjiang'");
    const y2023 = await one("select id from campaigns where slug = 'quanzhou-2023'");
    const open2023 = await one("select count(*) from problems where campaign_id = ? and status <> 'resolved'", [y2023]);
    const total2023 = await one("select count(*) from problems where campaign_id = ?", [y2023]);
    const openJinjiang = await one("select count(*) from problems where campaign_id = ? and district_id = ? and status <> 'resolved' and deadline_on < ?", [y2023, jinjiang, TODAY]);
    expect(open2023).toBeGreaterThan(0);
    expect(open2023).toBeLessThan(total2023);

    const r = await insertCampaign(open, fields(2025, "scope-2025"), y2023, await actor(), { carryOpenProblems: true });
    if (!r.ok) throw new Error(r.reason);
    const id = r.value.id;
    expect(r.value.carriedProblems).toBe(open2023);
    expect(await one("select count(*) from problems where campaign_id = ?", [id])).toBe(open2023);
    // Every copy points to a distinct open 2023 problem with the same text, on a project of the new year with the same code.
    expect(await one(`select count(distinct o.id) from problems c join problems o on o.id = c.origin_problem_id
      join projects cp on cp.id = c.project_id join projects op on op.id = o.project_id
      where c.campaign_id = ? and o.campaign_id = ? and o.status <> 'resolved' and c.description = o.description and cp.campaign_id = ? and cp.code = op.code`, [id, y2023, id])).toBe(open2023);
    expect(await one("select count(*) from project_progress g join projects p on p.id = g.project_id where p.campaign_id = ?", [id])).toBe(0);
    expect(await one("select count(*) from audit_events where action = 'problem.carry_forward'")).toBe(open2023);
    expect(await home.countOverdueProblems(id, jinjiang, TODAY)).toBe(openJinjiang);
    // 2023 keeps its own problems.
    expect(await one("select count(*) from problems where campaign_id = ?", [y2023])).toBe(total2023);
  });

  it("a problem opened in a year is filed under its project's campaign", async () => {
    const y2025 = await one("select id from campaigns where slug = 'scope-2025'");
    const project = (await open.client.execute({ sql: "select id, district_id from projects where campaign_id = ? limit 1", args: [y2025] })).rows[0]!;
    const r = await insertProblem(open, { projectId: Number(project.id), districtId: Number(project.district_id), type: "other", description: "新年度难题", responsibleUnit: "单位", escalationLevel: "district", deadlineOn: null, openedOn: "2025-02-01" }, await actor());
    if (!r.ok) throw new Error("insert failed");
    expect(await one("select campaign_id from problems where id = ?", [r.value])).toBe(y2025);
  });
});
