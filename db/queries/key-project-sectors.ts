import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { type RollupMode } from "./derivations";
import { approvedJoin, investmentColumn } from "./derivations/shared";
import { getDatabase } from "../index";

/* Key projects by sector for the city and district dashboards (the "official"/"all" modes of ./rollups.ts). */

export interface SectorRollupRow {
  sectorId: number | null;
  sectorName: string;
  projects: number;
  totalInvestment: number;
  annualPlan: number;
  doneYtd: number;
}

/**
 * Key projects by sector (the city's own 行业 list): count, total and annual planned investment,
 * and investment completed through `month`, for the city or one district.
 */
export async function loadKeyProjectSectors(campaignId: number, month: string, mode: RollupMode, districtId?: number): Promise<SectorRollupRow[]> {
  return (await keyProjectSectorRows(campaignId, month, mode, { districtId })).map((r) => r.row);
}

/**
 * The same for every district at once (one query instead of one per district), by district id;
 * each district's rows in the sectors' order. A district without key projects has no entry.
 */
export async function loadKeyProjectSectorsByDistrict(campaignId: number, month: string, mode: RollupMode): Promise<Map<number, SectorRollupRow[]>> {
  const out = new Map<number, SectorRollupRow[]>();
  for (const { districtId, row } of await keyProjectSectorRows(campaignId, month, mode, { perDistrict: true })) {
    const list = out.get(districtId!) ?? [];
    list.push(row);
    out.set(districtId!, list);
  }
  return out;
}

async function keyProjectSectorRows(campaignId: number, month: string, mode: RollupMode, opts: { districtId?: number; perDistrict?: boolean }): Promise<{ districtId: number | null; row: SectorRollupRow }[]> {
  const { db } = await getDatabase();
  const year = month.slice(0, 4);
  const { districtId, perDistrict = false } = opts;
  const district = (col: SQL) => (districtId != null ? sql` and ${col} = ${districtId}` : sql``);
  // Per district: the district is part of the group and of the join between register and progress.
  const did = (col: SQL) => (perDistrict ? sql`${col}` : sql`null`);
  // Investment done comes from the trigger-kept totals (see db/schema.ts progressTotals).
  const rows = (await db.all(sql`
    select reg.did as district_id, s.id as sector_id, coalesce(s.name, '未分类') as sector_name, s.sort_order as sort_order, reg.projects as projects,
           reg.total_investment as total_investment, reg.annual_plan as annual_plan, coalesce(done.v, 0) as done_ytd
    from (
      select ${did(sql`p.district_id`)} as did, coalesce(p.sector_id, 0) as sid, count(*) as projects, sum(p.total_investment) as total_investment, sum(p.annual_planned_investment) as annual_plan
      from projects p where p.campaign_id = ${campaignId} and p.is_key = 1 ${district(sql`p.district_id`)}
      group by did, sid
    ) reg
    left join sectors s on s.id = reg.sid
    left join (
      select ${did(sql`t.district_id`)} as did, t.sector_id as sid, sum(${investmentColumn(mode)}) as v from progress_totals t
      ${approvedJoin(mode, campaignId, sql`t.month`, sql`t.district_id`)}
      where t.campaign_id = ${campaignId} and t.is_key = 1 and t.rows > 0 and t.month between ${`${year}-01`} and ${month} ${district(sql`t.district_id`)}
      group by did, t.sector_id
    ) done on done.sid = reg.sid and done.did is reg.did
    order by reg.did, coalesce(s.sort_order, 999)`)) as Record<string, unknown>[];
  return rows.map((r) => ({
    districtId: r.district_id == null ? null : Number(r.district_id),
    row: {
      sectorId: r.sector_id == null ? null : Number(r.sector_id),
      sectorName: String(r.sector_name),
      projects: Number(r.projects),
      totalInvestment: Number(r.total_investment ?? 0),
      annualPlan: Number(r.annual_plan ?? 0),
      doneYtd: Number(r.done_ytd ?? 0),
    },
  }));
}
