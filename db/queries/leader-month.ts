import "server-only";
/**
 * How far each opened month of a campaign has got: official (approved, published) district
 * reports, reports of any state, and the reporting districts. The city view's default month
 * comes from it (app/(staff)/city/_components/leader-month.ts). Counts only, no figures:
 * callers must have checked `city.read` (the public pages show "已审核 a/13" the same way).
 */
import { sql } from "drizzle-orm";
import { getDatabase } from "../index";

export interface MonthApproval {
  month: string;
  /** Reports with official = 1: approved once (a month reopened for correction stays published). */
  official: number;
  /** Reports in any state, drafts included. */
  reported: number;
  /** Active reporting districts. */
  total: number;
}

/** The campaign's opened months, oldest first, with their approval counts. */
export async function listMonthApprovals(campaignId: number): Promise<MonthApproval[]> {
  const { db } = await getDatabase();
  const rows = (await db.all(sql`
    select p.month as month,
      (select count(*) from monthly_reports r join districts d on d.id = r.district_id
        where r.period_id = p.id and r.official = 1 and d.active = 1 and d.reports = 1) as official,
      (select count(*) from monthly_reports r join districts d on d.id = r.district_id
        where r.period_id = p.id and d.active = 1 and d.reports = 1) as reported,
      (select count(*) from districts d where d.active = 1 and d.reports = 1) as total
    from periods p
    where p.campaign_id = ${campaignId} and p.is_open = 1
    order by p.month`)) as Record<string, unknown>[];
  return rows.map((r) => ({ month: String(r.month), official: Number(r.official), reported: Number(r.reported), total: Number(r.total) }));
}
