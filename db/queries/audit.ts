import "server-only";
import { and, asc, desc, eq, gte, inArray, lt, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { z } from "zod";
import type { AuditNames, IndicatorInfo } from "@/domain/audit/describe";
import { getDatabase } from "../index";
import { auditEvents, campaigns, departments, districts, indicators, monthlyReports, periods, projects, units, users } from "../schema";
import { pageWindow } from "@/domain/paging";

/** Filters for the audit log: ids and codes as stored, times as UTC ISO bounds (from inclusive, to exclusive). */
export const auditFilterSchema = z.object({
  actorUserId: z.number().int().positive().optional(),
  districtId: z.number().int().positive().optional(),
  /** Changes of this indicator: its figures in monthly reports, its definition and its targets. */
  indicatorId: z.number().int().positive().optional(),
  entity: z.string().min(1).max(64).optional(),
  fromIso: z.iso.datetime().optional(),
  toIso: z.iso.datetime().optional(),
  outcome: z.enum(["ok", "denied"]).optional(),
  page: z.number().int().min(1).max(100_000).default(1),
  pageSize: z.number().int().min(1).max(200).default(50),
});
export type AuditFilter = z.input<typeof auditFilterSchema>;

/** A JSON object key path for json_type(): `$."code"`. */
const keyPath = (code: string) => `$."${code.replace(/["\\]/g, "")}"`;

/** A figures.save row touches this indicator when its code is a key of the row's before or after. */
function touchesIndicator(code: string): SQL {
  return sql`(json_type(${auditEvents.before}, ${keyPath(code)}) is not null or json_type(${auditEvents.after}, ${keyPath(code)}) is not null)`;
}

async function whereOf(f: z.infer<typeof auditFilterSchema>): Promise<SQL | undefined> {
  const { db } = await getDatabase();
  let indicatorWhere: SQL | undefined;
  if (f.indicatorId !== undefined) {
    const ind = (await db.select({ code: indicators.code, campaignId: indicators.campaignId }).from(indicators).where(eq(indicators.id, f.indicatorId)))[0];
    indicatorWhere = ind
      ? or(
          and(inArray(auditEvents.entity, ["indicator", "indicator_targets"]), eq(auditEvents.entityId, String(f.indicatorId))),
          and(eq(auditEvents.action, "figures.save"), eq(periods.campaignId, ind.campaignId), touchesIndicator(ind.code)),
        )
      : sql`0`;
  }
  return and(
    f.actorUserId !== undefined ? eq(auditEvents.actorUserId, f.actorUserId) : undefined,
    f.districtId !== undefined ? eq(auditEvents.districtId, f.districtId) : undefined,
    f.entity !== undefined ? eq(auditEvents.entity, f.entity) : undefined,
    f.fromIso !== undefined ? gte(auditEvents.at, f.fromIso) : undefined,
    f.toIso !== undefined ? lt(auditEvents.at, f.toIso) : undefined,
    f.outcome !== undefined ? eq(auditEvents.outcome, f.outcome) : undefined,
    indicatorWhere,
  );
}

const rowColumns = {
  id: auditEvents.id,
  at: auditEvents.at,
  actorUserId: auditEvents.actorUserId,
  actorName: auditEvents.actorName,
  actorDisplayName: users.displayName,
  action: auditEvents.action,
  outcome: auditEvents.outcome,
  entity: auditEvents.entity,
  entityId: auditEvents.entityId,
  districtId: auditEvents.districtId,
  districtName: districts.name,
  before: auditEvents.before,
  after: auditEvents.after,
  clientAddress: auditEvents.clientAddress,
  reportMonth: periods.month,
  campaignId: periods.campaignId,
};

type Db = Awaited<ReturnType<typeof getDatabase>>["db"];

/** The audit rows with their actor's name and, for a monthly report, its month and campaign. */
function selectRows(db: Db, where: SQL | undefined) {
  return db
    .select(rowColumns)
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .leftJoin(districts, eq(districts.id, auditEvents.districtId))
    .leftJoin(monthlyReports, and(eq(auditEvents.entity, "monthly_report"), sql`${monthlyReports.id} = cast(${auditEvents.entityId} as integer)`))
    .leftJoin(periods, eq(periods.id, monthlyReports.periodId))
    .where(where)
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .$dynamic();
}
export type AuditRow = Awaited<ReturnType<typeof selectRows>>[number];

/**
 * One page of audit events, newest first, with the total matching count. The page is clamped
 * to the last one, so a stale `?page=` still shows rows.
 * Caller must have checked `audit.read`.
 */
export async function listAuditEvents(filter: AuditFilter) {
  const f = auditFilterSchema.parse(filter);
  const { db } = await getDatabase();
  const where = await whereOf(f);
  const [countRow] = await db
    .select({ n: sql<number>`count(*)` })
    .from(auditEvents)
    .leftJoin(monthlyReports, and(eq(auditEvents.entity, "monthly_report"), sql`${monthlyReports.id} = cast(${auditEvents.entityId} as integer)`))
    .leftJoin(periods, eq(periods.id, monthlyReports.periodId))
    .where(where);
  const total = Number(countRow?.n ?? 0);
  const { page, lastPage, offset } = pageWindow(total, f.page, f.pageSize);
  const rows = await selectRows(db, where).limit(f.pageSize).offset(offset);
  return { rows, total, page, pageSize: f.pageSize, lastPage };
}

export const AUDIT_EXPORT_MAX_ROWS = 10_000;

/** Every matching event for the Excel export, newest first, at most AUDIT_EXPORT_MAX_ROWS (plus one to tell there were more). Caller must have checked `audit.read`. */
export async function listAuditEventsForExport(filter: AuditFilter) {
  const f = auditFilterSchema.parse(filter);
  const { db } = await getDatabase();
  return selectRows(db, await whereOf(f)).limit(AUDIT_EXPORT_MAX_ROWS + 1);
}

/** Names for describing audit rows: indicators (with units), users, districts, departments, and the projects the rows mention. Caller must have checked `audit.read`. */
export async function loadAuditNames(rows: readonly Pick<AuditRow, "entity" | "entityId" | "after" | "before">[]): Promise<AuditNames> {
  const { db } = await getDatabase();
  const projectIds = new Set<number>();
  for (const r of rows) {
    if (r.entity === "project" && r.entityId && /^\d+$/.test(r.entityId)) projectIds.add(Number(r.entityId));
    for (const side of [r.after, r.before]) {
      const pid = side && typeof side === "object" ? (side as Record<string, unknown>).projectId : undefined;
      if (typeof pid === "number") projectIds.add(pid);
    }
  }
  const part = alias(units, "part_unit");
  const [indicatorRows, userRows, districtRows, departmentRows, projectRows] = await Promise.all([
    db
      .select({
        id: indicators.id, campaignId: indicators.campaignId, code: indicators.code, name: indicators.name, aggregation: indicators.aggregation,
        numeratorLabel: indicators.numeratorLabel, denominatorLabel: indicators.denominatorLabel,
        unitCode: units.code, unitSymbol: units.symbol, unitScale: units.scale, partCode: part.code, partSymbol: part.symbol, partScale: part.scale,
      })
      .from(indicators)
      .innerJoin(units, eq(units.code, indicators.unitCode))
      .leftJoin(part, eq(part.code, indicators.partUnitCode)),
    db.select({ id: users.id, username: users.username, displayName: users.displayName }).from(users),
    db.select({ id: districts.id, name: districts.name }).from(districts),
    db.select({ id: departments.id, name: departments.name }).from(departments),
    projectIds.size ? db.select({ id: projects.id, code: projects.code, name: projects.name }).from(projects).where(inArray(projects.id, [...projectIds])) : [],
  ]);
  const infos: IndicatorInfo[] = indicatorRows.map((i) => ({
    id: i.id, campaignId: i.campaignId, code: i.code, name: i.name, ratio: i.aggregation === "ratio",
    unit: { code: i.unitCode, symbol: i.unitSymbol, scale: i.unitScale },
    partUnit: i.partCode && i.partSymbol && i.partScale ? { code: i.partCode, symbol: i.partSymbol, scale: i.partScale } : null,
    numeratorLabel: i.numeratorLabel, denominatorLabel: i.denominatorLabel,
  }));
  return {
    indicators: infos,
    users: new Map(userRows.map((u) => [u.id, `${u.displayName}（${u.username}）`])),
    districts: new Map(districtRows.map((d) => [d.id, d.name])),
    departments: new Map(departmentRows.map((d) => [d.id, d.name])),
    projects: new Map(projectRows.map((p) => [p.id, `${p.name}（${p.code}）`])),
  };
}

/** Choices for the audit filter form: users, districts (also inactive ones), indicators, logged entity kinds. Caller must have checked `audit.read`. */
export async function listAuditFilterOptions() {
  const { db } = await getDatabase();
  const [userRows, districtRows, indicatorRows, entityRows] = await Promise.all([
    db.select({ id: users.id, username: users.username, displayName: users.displayName }).from(users).orderBy(asc(users.username)),
    db.select({ id: districts.id, name: districts.name }).from(districts).orderBy(asc(districts.sortOrder), asc(districts.id)),
    db
      .select({ id: indicators.id, name: indicators.name, campaignYear: campaigns.year })
      .from(indicators)
      .innerJoin(campaigns, eq(campaigns.id, indicators.campaignId))
      .orderBy(desc(campaigns.id), asc(indicators.sortOrder), asc(indicators.id)),
    db.selectDistinct({ entity: auditEvents.entity }).from(auditEvents).orderBy(asc(auditEvents.entity)),
  ]);
  return { users: userRows, districts: districtRows, indicators: indicatorRows, entities: entityRows.map((r) => r.entity) };
}

const REPORT_EVENTS = ["report.submit", "report.return", "report.approve", "report.approve_correction", "report.reopen"];

/**
 * Every change of one district-month-indicator value, oldest first: the saves that touched it and
 * the month's report events (submit, return, approve, reopen) in between, with the figure as it
 * stands now and as published. Null when there is no such indicator. Caller must have checked `audit.read`.
 */
export async function getFigureHistory(args: { districtId: number; month: string; indicatorId: number }) {
  const { db } = await getDatabase();
  const ind = (await db.select({ id: indicators.id, code: indicators.code, name: indicators.name, campaignId: indicators.campaignId }).from(indicators).where(eq(indicators.id, args.indicatorId)))[0];
  const district = (await db.select({ id: districts.id, name: districts.name }).from(districts).where(eq(districts.id, args.districtId)))[0];
  if (!ind || !district) return null;
  const report = (
    await db
      .select({ id: monthlyReports.id, status: monthlyReports.status })
      .from(monthlyReports)
      .innerJoin(periods, eq(periods.id, monthlyReports.periodId))
      .where(and(eq(periods.campaignId, ind.campaignId), eq(periods.month, args.month), eq(monthlyReports.districtId, args.districtId)))
  )[0];
  if (!report) return { indicator: ind, district, report: null, rows: [] };
  const rows = await selectRows(
      db,
      and(
        eq(auditEvents.entity, "monthly_report"),
        eq(auditEvents.entityId, String(report.id)),
        or(and(eq(auditEvents.action, "figures.save"), touchesIndicator(ind.code)), inArray(auditEvents.action, REPORT_EVENTS)),
      ),
    ).limit(1000);
  return { indicator: ind, district, report, rows: rows.reverse() };
}
