import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { OpenDatabase } from "@/db/client";
import { demoAppDatabase } from "../support/demo-app-db";

/*
 * The leader's pages keep the rollups and the key projects by sector per data version
 * (app/_lib/city-data.ts, issue #17). A kept result is reused only until a data write: after
 * one, from this instance or another on the same database, the next read shows the new figures.
 */

let open: OpenDatabase;
let kept: typeof import("@/app/_lib/city-data");
let sectors: typeof import("@/db/queries/key-project-sectors");
demoAppDatabase("tuijin-kept-reads-", async (db) => {
  open = db;
  kept = await import("@/app/_lib/city-data");
  sectors = await import("@/db/queries/key-project-sectors");
});

const MONTH = "2023-07";

async function campaignId(): Promise<number> {
  return Number((await open.client.execute("select id from campaigns where year = 2023")).rows[0]!.id);
}

describe("reads kept per data version", () => {
  it("key projects by sector: the same answer is reused until a data write, then the new total is shown", async () => {
    const c = await campaignId();
    for (const mode of ["official", "all"] as const) {
      const first = await kept.getKeyProjectSectors(c, MONTH, mode);
      expect(first).toEqual(await sectors.loadKeyProjectSectors(c, MONTH, mode));
      expect(first.length).toBeGreaterThan(1);
      expect(await kept.getKeyProjectSectors(c, MONTH, mode)).toBe(first);
      const byDistrict = await kept.getKeyProjectSectorsByDistrict(c, MONTH, mode);
      expect(byDistrict).toEqual(await sectors.loadKeyProjectSectorsByDistrict(c, MONTH, mode));
      expect(await kept.getKeyProjectSectorsByDistrict(c, MONTH, mode)).toBe(byDistrict);
    }

    // A project's total investment corrected, through another connection's data write.
    const project = (await open.client.execute({ sql: "select id, district_id, sector_id from projects where campaign_id = ? and is_key = 1 and sector_id is not null order by id limit 1", args: [c] })).rows[0]!;
    const before = (await kept.getKeyProjectSectors(c, MONTH, "all")).find((r) => r.sectorId === Number(project.sector_id))!;
    const beforeDistrict = (await kept.getKeyProjectSectorsByDistrict(c, MONTH, "all")).get(Number(project.district_id))!.find((r) => r.sectorId === Number(project.sector_id))!;
    await open.write((tx) => tx.run(sql`update projects set total_investment = total_investment + 12345 where id = ${Number(project.id)}`));

    const after = (await kept.getKeyProjectSectors(c, MONTH, "all")).find((r) => r.sectorId === Number(project.sector_id))!;
    expect(after.totalInvestment).toBe(before.totalInvestment + 12345);
    const afterDistrict = (await kept.getKeyProjectSectorsByDistrict(c, MONTH, "all")).get(Number(project.district_id))!.find((r) => r.sectorId === Number(project.sector_id))!;
    expect(afterDistrict.totalInvestment).toBe(beforeDistrict.totalInvestment + 12345);
    expect(await kept.getKeyProjectSectors(c, MONTH, "official")).toEqual(await sectors.loadKeyProjectSectors(c, MONTH, "official"));
  });

  it("a write transaction that changes nothing keeps the kept answer", async () => {
    const c = await campaignId();
    const first = await kept.getKeyProjectSectors(c, MONTH, "all");
    await open.write((tx) => tx.run(sql`update projects set total_investment = total_investment where id = -1`));
    expect(await kept.getKeyProjectSectors(c, MONTH, "all")).toBe(first);
  });

  it("rollups: a month's approved figure changed is seen on the next read", async () => {
    const c = await campaignId();
    const first = await kept.getCampaignRollups(c, MONTH, "all", 500);
    expect(await kept.getCampaignRollups(c, MONTH, "all", 500)).toBe(first);
    const cell = (
      await open.client.execute({
        sql: `select f.id, f.value, i.code from figure_values f join monthly_reports r on r.id = f.report_id join periods p on p.id = r.period_id join indicators i on i.id = f.indicator_id
              where p.campaign_id = ? and p.month = ? and f.value is not null and i.aggregation = 'sum' order by f.id limit 1`,
        args: [c, MONTH],
      })
    ).rows[0]!;
    await open.write((tx) => tx.run(sql`update figure_values set value = value + 1000 where id = ${Number(cell.id)}`));
    const again = await kept.getCampaignRollups(c, MONTH, "all", 500);
    expect(again).not.toBe(first);
    expect(again).toEqual(await kept.computeCampaignRollups(c, MONTH, "all", 500));
    expect(again.indicators.find((i) => i.code === cell.code)).not.toEqual(first.indicators.find((i) => i.code === cell.code));
  });

  it("rankings: reused until a data write or a new weights setting, then ranked afresh", async () => {
    const { loadRankings } = await import("@/app/(staff)/city/rankings/load");
    const { getCurrentCampaign } = await import("@/db/queries/campaigns");
    const campaign = (await getCurrentCampaign())!;
    const first = await loadRankings(campaign, MONTH, "all");
    expect(first.rankings.overall.length).toBeGreaterThan(1);
    expect((await loadRankings(campaign, MONTH, "all")).rankings).toBe(first.rankings);

    // One district's month of a weighted, reported indicator doubled: its pace index rises.
    const weighted = first.rankings.weights.weights.map((w) => w.code);
    const cell = (
      await open.client.execute({
        sql: `select f.id, r.district_id, i.code from figure_values f join monthly_reports r on r.id = f.report_id join periods p on p.id = r.period_id join indicators i on i.id = f.indicator_id
              where p.campaign_id = ? and p.month = ? and i.aggregation = 'sum' and i.code in (${weighted.map(() => "?").join(", ")}) and f.value > 0 order by f.id limit 1`,
        args: [campaign.id, MONTH, ...weighted],
      })
    ).rows[0]!;
    const code = String(cell.code);
    await open.write((tx) => tx.run(sql`update figure_values set value = value * 2 where id = ${Number(cell.id)}`));
    const after = await loadRankings(campaign, MONTH, "all");
    expect(after.rankings).not.toBe(first.rankings);
    const index = (r: typeof first) => r.rankings.overall.find((row) => row.district.id === Number(cell.district_id))!.parts.find((p) => p.code === code)!.index;
    expect(index(first)).not.toBeNull();
    expect(index(after)).toBeGreaterThan(index(first)!);

    // The weights setting written without a data-version bump still gives rankings by the new weights.
    const other = first.rankings.indicators.map((i) => i.code).find((c) => c !== code)!;
    await open.client.execute({ sql: "insert into app_meta (key, value) values (?, ?) on conflict (key) do update set value = excluded.value", args: [`ranking_weights:${campaign.slug}`, JSON.stringify({ [other]: 1 })] });
    const reweighted = await loadRankings(campaign, MONTH, "all");
    expect(reweighted.rankings.weights.weights).toEqual([{ code: other, weight: 1 }]);
    await open.client.execute({ sql: "delete from app_meta where key = ?", args: [`ranking_weights:${campaign.slug}`] });
    expect((await loadRankings(campaign, MONTH, "all")).rankings.weights.source).toBe("default");
  });
});
