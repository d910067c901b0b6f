import "server-only";
import { and, asc, desc, eq, isNotNull, isNull, like, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDatabase } from "../index";
import { districts, events, signings, users } from "../schema";
import { pageWindow } from "@/domain/paging";

export interface SigningFilter {
  campaignId: number;
  /** A district editor's own district (or a chosen one); undefined = all districts. */
  districtId?: number;
  landed?: "yes" | "no";
  overseas?: boolean;
  cultureTourism?: boolean;
  eventId?: number;
  q?: string;
  page: number;
  pageSize: number;
}

function whereOf(f: SigningFilter) {
  const term = f.q?.trim();
  return and(
    eq(signings.campaignId, f.campaignId),
    f.districtId !== undefined ? eq(signings.districtId, f.districtId) : undefined,
    f.landed === "yes" ? isNotNull(signings.landedOn) : f.landed === "no" ? isNull(signings.landedOn) : undefined,
    f.overseas ? eq(signings.isOverseas, true) : undefined,
    f.cultureTourism ? eq(signings.isCultureTourism, true) : undefined,
    f.eventId !== undefined ? eq(signings.eventId, f.eventId) : undefined,
    term ? or(like(signings.name, `%${term}%`), like(signings.investor, `%${term}%`)) : undefined,
  );
}

/**
 * One page of signings (latest signed first) and totals (万元) over the whole filtered set.
 * Caller must have checked `report.read` and pass a district editor's own district.
 */
export async function listSignings(f: SigningFilter) {
  const { db } = await getDatabase();
  const where = whereOf(f);
  const [t] = await db
    .select({
      count: sql<number>`count(*)`,
      amount: sql<number>`coalesce(sum(${signings.amount}), 0)`,
      overseasAmount: sql<number>`coalesce(sum(case when ${signings.isOverseas} then ${signings.amount} end), 0)`,
      cultureAmount: sql<number>`coalesce(sum(case when ${signings.isCultureTourism} then ${signings.amount} end), 0)`,
      landedCount: sql<number>`coalesce(sum(${signings.landedOn} is not null), 0)`,
      landedAmount: sql<number>`coalesce(sum(case when ${signings.landedOn} is not null then ${signings.amount} end), 0)`,
    })
    .from(signings)
    .where(where);
  const total = Number(t?.count ?? 0);
  const { page, lastPage, offset } = pageWindow(total, f.page, f.pageSize);
  const rows = await db
    .select({
      id: signings.id,
      name: signings.name,
      investor: signings.investor,
      districtName: districts.name,
      amount: signings.amount,
      isOverseas: signings.isOverseas,
      isCultureTourism: signings.isCultureTourism,
      eventName: events.name,
      signedOn: signings.signedOn,
      landedOn: signings.landedOn,
      isPublic: signings.isPublic,
    })
    .from(signings)
    .innerJoin(districts, eq(districts.id, signings.districtId))
    .leftJoin(events, eq(events.id, signings.eventId))
    .where(where)
    .orderBy(desc(signings.signedOn), desc(signings.id))
    .limit(f.pageSize)
    .offset(offset);
  const totals = {
    count: total,
    amount: Number(t?.amount ?? 0),
    overseasAmount: Number(t?.overseasAmount ?? 0),
    cultureAmount: Number(t?.cultureAmount ?? 0),
    landedCount: Number(t?.landedCount ?? 0),
    landedAmount: Number(t?.landedAmount ?? 0),
  };
  return { rows, totals, page, lastPage };
}

const editor = alias(users, "editor");

/** One signing of the campaign, or null. Caller checks `report.read` on its district. */
export async function getSigning(id: number, campaignId: number) {
  const { db } = await getDatabase();
  const rows = await db
    .select({
      id: signings.id,
      districtId: signings.districtId,
      districtName: districts.name,
      name: signings.name,
      investor: signings.investor,
      amount: signings.amount,
      isOverseas: signings.isOverseas,
      isCultureTourism: signings.isCultureTourism,
      eventId: signings.eventId,
      eventName: events.name,
      signedOn: signings.signedOn,
      landedOn: signings.landedOn,
      isPublic: signings.isPublic,
      updatedByName: editor.displayName,
      updatedAt: signings.updatedAt,
      version: signings.version,
    })
    .from(signings)
    .innerJoin(districts, eq(districts.id, signings.districtId))
    .leftJoin(events, eq(events.id, signings.eventId))
    .leftJoin(editor, eq(editor.id, signings.updatedBy))
    .where(and(eq(signings.id, id), eq(signings.campaignId, campaignId)));
  return rows[0] ?? null;
}

/** The campaign's promotion events (推介会, 集中签约 …), oldest first. Public facts. */
export async function listEvents(campaignId: number) {
  const { db } = await getDatabase();
  return db
    .select({ id: events.id, name: events.name, heldOn: events.heldOn })
    .from(events)
    .where(eq(events.campaignId, campaignId))
    .orderBy(asc(events.heldOn), asc(events.id));
}
