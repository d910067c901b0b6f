import "server-only";
import { and, asc, desc, eq, inArray, lt, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { todayInShanghai } from "@/domain/months";
import { effectiveOrderLevel } from "@/domain/order-level";
import { getDatabase } from "../index";
import { departments, districts, indicators, orderEvents, problems, projectProgress, projects, supervisionOrders, users, type OrderStatus } from "../schema";

/** Whose orders a caller may list: all (city roles), one district, or one department. */
export type OrderScope = { kind: "all" } | { kind: "district"; districtId: number } | { kind: "department"; departmentId: number };

function scopeWhere(scope: OrderScope): SQL | undefined {
  if (scope.kind === "district") return eq(supervisionOrders.districtId, scope.districtId);
  if (scope.kind === "department") return eq(supervisionOrders.departmentId, scope.departmentId);
  return undefined;
}

const issuer = alias(users, "issuer");

const listColumns = {
  id: supervisionOrders.id,
  code: supervisionOrders.code,
  subjectType: supervisionOrders.subjectType,
  issue: supervisionOrders.issue,
  month: supervisionOrders.month,
  level: supervisionOrders.level,
  status: supervisionOrders.status,
  deadlineOn: supervisionOrders.deadlineOn,
  issuedAt: supervisionOrders.issuedAt,
  respondedAt: supervisionOrders.respondedAt,
  closedAt: supervisionOrders.closedAt,
  escalations: supervisionOrders.escalations,
  lastEscalatedAt: supervisionOrders.lastEscalatedAt,
  districtId: supervisionOrders.districtId,
  districtName: districts.name,
  departmentName: departments.name,
  issuerName: issuer.displayName,
};

/**
 * Orders in the caller's scope, newest first. The caller must have built `scope` from the
 * session (city roles: all; editors: their own district or department).
 */
export async function listOrders(campaignId: number, scope: OrderScope, filters: { status?: OrderStatus | "active"; overdueBefore?: string; districtId?: number } = {}) {
  const { db } = await getDatabase();
  const rows = await db
    .select(listColumns)
    .from(supervisionOrders)
    .leftJoin(districts, eq(districts.id, supervisionOrders.districtId))
    .leftJoin(departments, eq(departments.id, supervisionOrders.departmentId))
    .leftJoin(issuer, eq(issuer.id, supervisionOrders.issuedBy))
    .where(
      and(
        eq(supervisionOrders.campaignId, campaignId),
        scopeWhere(scope),
        filters.status === "active" ? inArray(supervisionOrders.status, ["open", "returned", "responded"]) : filters.status ? eq(supervisionOrders.status, filters.status) : undefined,
        filters.overdueBefore ? and(lt(supervisionOrders.deadlineOn, filters.overdueBefore), inArray(supervisionOrders.status, ["open", "returned"])) : undefined,
        filters.districtId != null ? eq(supervisionOrders.districtId, filters.districtId) : undefined,
      ),
    )
    .orderBy(desc(supervisionOrders.issuedAt), desc(supervisionOrders.id));
  return atTodaysLevel(rows);
}

/**
 * Levels as of today: an overdue order the escalation timer has not reached yet already shows
 * the level it is about to get, so the pages never have to escalate (write) while reading.
 */
function atTodaysLevel<T extends Parameters<typeof effectiveOrderLevel>[0]>(rows: T[]): T[] {
  const today = todayInShanghai();
  return rows.map((r) => ({ ...r, level: effectiveOrderLevel(r, today) }));
}

/** One order with everything its page shows. Caller must check `order.read` with the returned responsibility. */
export async function getOrder(id: number) {
  const { db } = await getDatabase();
  const row = (
    await db
      .select({
        ...listColumns,
        campaignId: supervisionOrders.campaignId,
        requirement: supervisionOrders.requirement,
        departmentId: supervisionOrders.departmentId,
        indicatorId: supervisionOrders.indicatorId,
        indicatorCode: indicators.code,
        indicatorName: indicators.name,
        projectId: supervisionOrders.projectId,
        projectCode: projects.code,
        projectName: projects.name,
        problemId: supervisionOrders.problemId,
        problemStatus: problems.status,
        problemDescription: problems.description,
        responseCauses: supervisionOrders.responseCauses,
        responseMeasures: supervisionOrders.responseMeasures,
        responseExpectedOn: supervisionOrders.responseExpectedOn,
        returnComment: supervisionOrders.returnComment,
        closeNote: supervisionOrders.closeNote,
        version: supervisionOrders.version,
      })
      .from(supervisionOrders)
      .leftJoin(districts, eq(districts.id, supervisionOrders.districtId))
      .leftJoin(departments, eq(departments.id, supervisionOrders.departmentId))
      .leftJoin(issuer, eq(issuer.id, supervisionOrders.issuedBy))
      .leftJoin(indicators, eq(indicators.id, supervisionOrders.indicatorId))
      .leftJoin(projects, eq(projects.id, supervisionOrders.projectId))
      .leftJoin(problems, eq(problems.id, supervisionOrders.problemId))
      .where(eq(supervisionOrders.id, id))
  )[0];
  if (!row) return null;
  const events = await db
    .select({ at: orderEvents.at, actorName: orderEvents.actorName, kind: orderEvents.kind, note: orderEvents.note, toStatus: orderEvents.toStatus })
    .from(orderEvents)
    .where(eq(orderEvents.orderId, id))
    .orderBy(asc(orderEvents.at), asc(orderEvents.id));
  return { ...atTodaysLevel([row])[0]!, events };
}

/** Per district: open, overdue, closed orders and the average days from issue to close. City roles only. */
export async function orderStatsByDistrict(campaignId: number, today: string) {
  const { db } = await getDatabase();
  const rows = (await db.all(sql`
    select d.id as district_id, d.code as code, d.name as name,
      sum(case when o.status in ('open', 'returned', 'responded') then 1 else 0 end) as active,
      sum(case when o.status in ('open', 'returned') and o.deadline_on < ${today} then 1 else 0 end) as overdue,
      sum(case when o.status = 'closed' then 1 else 0 end) as closed,
      count(o.id) as issued,
      avg(case when o.status = 'closed' then julianday(o.closed_at) - julianday(o.issued_at) end) as avg_days
    from districts d left join supervision_orders o on o.district_id = d.id and o.campaign_id = ${campaignId}
    where d.active = 1 and d.reports = 1
    group by d.id order by d.sort_order`)) as Record<string, unknown>[];
  return rows.map((r) => ({
    districtId: Number(r.district_id),
    code: String(r.code),
    name: String(r.name),
    active: Number(r.active ?? 0),
    overdue: Number(r.overdue ?? 0),
    closed: Number(r.closed ?? 0),
    issued: Number(r.issued ?? 0),
    avgDaysToClose: r.avg_days == null ? null : Number(r.avg_days),
  }));
}

/** Public counts per district (issued and closed only, no details). Only shown when the office turns them on. */
export async function publicOrderCounts(campaignId: number): Promise<Map<number, { issued: number; closed: number }>> {
  const { db } = await getDatabase();
  const rows = await db
    .select({ districtId: supervisionOrders.districtId, issued: sql<number>`count(*)`, closed: sql<number>`sum(case when ${supervisionOrders.status} = 'closed' then 1 else 0 end)` })
    .from(supervisionOrders)
    .where(and(eq(supervisionOrders.campaignId, campaignId), sql`${supervisionOrders.districtId} is not null`))
    .groupBy(supervisionOrders.districtId);
  return new Map(rows.map((r) => [Number(r.districtId), { issued: Number(r.issued), closed: Number(r.closed ?? 0) }]));
}

/**
 * What an order drafted from a lagging item is about, looked up from the codes and ids in the
 * address it was opened with: only the ones given are read, each within the campaign (the
 * district by its code, the indicator by its code, a problem with its project's name, a project).
 */
export async function orderSubjectLookup(campaignId: number, q: { districtCode?: string; indicatorCode?: string; problemId?: number; projectId?: number }) {
  const { db } = await getDatabase();
  const [district, indicator, problem, project] = await Promise.all([
    q.districtCode === undefined ? null : db.select({ id: districts.id, name: districts.name }).from(districts).where(eq(districts.code, q.districtCode)).then((r) => r[0] ?? null),
    q.indicatorCode === undefined
      ? null
      : db
          .select({ id: indicators.id, name: indicators.name })
          .from(indicators)
          .where(and(eq(indicators.campaignId, campaignId), eq(indicators.code, q.indicatorCode)))
          .then((r) => r[0] ?? null),
    q.problemId === undefined
      ? null
      : db
          .select({ id: problems.id, description: problems.description, deadlineOn: problems.deadlineOn, responsibleUnit: problems.responsibleUnit, districtId: problems.districtId, projectName: projects.name })
          .from(problems)
          .innerJoin(projects, eq(projects.id, problems.projectId))
          .where(and(eq(problems.id, q.problemId), eq(projects.campaignId, campaignId)))
          .then((r) => r[0] ?? null),
    q.projectId === undefined
      ? null
      : db
          .select({ id: projects.id, name: projects.name, districtId: projects.districtId })
          .from(projects)
          .where(and(eq(projects.id, q.projectId), eq(projects.campaignId, campaignId)))
          .then((r) => r[0] ?? null),
  ]);
  return { district, indicator, problem, project };
}

/** Whether a project's month has its investment progress entered (an order about it can be closed). */
export async function projectMonthEntered(projectId: number, month: string): Promise<boolean> {
  const { db } = await getDatabase();
  const rows = await db
    .select({ id: projectProgress.id })
    .from(projectProgress)
    .where(and(eq(projectProgress.projectId, projectId), eq(projectProgress.month, month)))
    .limit(1);
  return rows.length > 0;
}
