import "server-only";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { todayInShanghai } from "@/domain/months";
import { getDatabase } from "../index";
import { campaigns, districts, monthlyReports, periods } from "../schema";

export interface CompletenessRow {
  month: string;
  dueOn: string;
  locked: boolean;
  /** Marked by the office as history entered late on purpose: no lateness is claimed. */
  historical: boolean;
  historicalReason: string | null;
  districtId: number;
  status: "draft" | "submitted" | "approved" | "returned" | null;
  submittedAt: string | null;
  approvedAt: string | null;
  returnedAt: string | null;
}

/**
 * Every opened month of the campaign × every active reporting district, with the report's
 * status and submission times (null status = no report at all). Oldest month first.
 * Caller must have checked `city.read`.
 */
export async function listCompleteness(campaignId: number, upToMonth?: string): Promise<CompletenessRow[]> {
  const { db } = await getDatabase();
  return db
    .select({
      month: periods.month,
      dueOn: periods.dueOn,
      locked: periods.locked,
      historical: periods.historical,
      historicalReason: periods.historicalReason,
      districtId: districts.id,
      status: monthlyReports.status,
      submittedAt: monthlyReports.submittedAt,
      approvedAt: monthlyReports.approvedAt,
      returnedAt: monthlyReports.returnedAt,
    })
    .from(periods)
    .innerJoin(districts, and(eq(districts.active, true), eq(districts.reports, true)))
    .leftJoin(monthlyReports, and(eq(monthlyReports.periodId, periods.id), eq(monthlyReports.districtId, districts.id)))
    .where(and(eq(periods.campaignId, campaignId), eq(periods.isOpen, true), upToMonth ? sql`${periods.month} <= ${upToMonth}` : undefined))
    .orderBy(asc(periods.month), asc(districts.sortOrder), asc(districts.id));
}

/**
 * The dates lateness depends on: the day the campaign was set up in the system (Asia/Shanghai;
 * deadlines before it are history being back-filled) and its last day. Public facts.
 */
export async function getCampaignDates(campaignId: number): Promise<{ setupOn: string; endsOn: string } | null> {
  const { db } = await getDatabase();
  const rows = await db.select({ createdAt: campaigns.createdAt, endsOn: campaigns.endsOn }).from(campaigns).where(eq(campaigns.id, campaignId));
  const r = rows[0];
  if (!r) return null;
  const created = new Date(r.createdAt);
  const setupOn = Number.isNaN(created.getTime()) ? r.createdAt.slice(0, 10) : todayInShanghai(created);
  return { setupOn, endsOn: r.endsOn };
}

/**
 * The latest opened month in which every active reporting district's report is official (approved
 * once; a month reopened for correction keeps its published figures): the last month districts
 * can be compared fairly on approved figures, or null. Public facts
 * (how many districts are approved is shown publicly as "数据截至").
 */
export async function getLatestCompleteMonth(campaignId: number, upToMonth?: string): Promise<string | null> {
  const { db } = await getDatabase();
  const rows = await db
    .select({ month: periods.month })
    .from(periods)
    .where(
      and(
        eq(periods.campaignId, campaignId),
        eq(periods.isOpen, true),
        upToMonth ? sql`${periods.month} <= ${upToMonth}` : undefined,
        sql`not exists (
          select 1 from ${districts} d
          where d.active = 1 and d.reports = 1
            and not exists (select 1 from ${monthlyReports} r where r.period_id = ${periods.id} and r.district_id = d.id and r.official = 1)
        )`,
        sql`exists (select 1 from ${districts} d where d.active = 1 and d.reports = 1)`,
      ),
    )
    .orderBy(desc(periods.month))
    .limit(1);
  return rows[0]?.month ?? null;
}
