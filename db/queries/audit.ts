import "server-only";
import { and, asc, desc, eq, gte, lt, sql } from "drizzle-orm";
import { z } from "zod";
import { getDatabase } from "../index";
import { auditEvents, districts, users } from "../schema";

/** Filters for the audit log: ids and codes as stored, times as UTC ISO bounds (from inclusive, to exclusive). */
export const auditFilterSchema = z.object({
  actorUserId: z.number().int().positive().optional(),
  districtId: z.number().int().positive().optional(),
  entity: z.string().min(1).max(64).optional(),
  fromIso: z.iso.datetime().optional(),
  toIso: z.iso.datetime().optional(),
  outcome: z.enum(["ok", "denied"]).optional(),
  page: z.number().int().min(1).max(100_000).default(1),
  pageSize: z.number().int().min(1).max(200).default(50),
});
export type AuditFilter = z.input<typeof auditFilterSchema>;

/**
 * One page of audit events, newest first, with the total matching count. The page is clamped
 * to the last one, so a stale `?page=` still shows rows.
 * Caller must have checked `audit.read`.
 */
export async function listAuditEvents(filter: AuditFilter) {
  const f = auditFilterSchema.parse(filter);
  const { db } = await getDatabase();
  const where = and(
    f.actorUserId !== undefined ? eq(auditEvents.actorUserId, f.actorUserId) : undefined,
    f.districtId !== undefined ? eq(auditEvents.districtId, f.districtId) : undefined,
    f.entity !== undefined ? eq(auditEvents.entity, f.entity) : undefined,
    f.fromIso !== undefined ? gte(auditEvents.at, f.fromIso) : undefined,
    f.toIso !== undefined ? lt(auditEvents.at, f.toIso) : undefined,
    f.outcome !== undefined ? eq(auditEvents.outcome, f.outcome) : undefined,
  );
  const [countRow] = await db.select({ n: sql<number>`count(*)` }).from(auditEvents).where(where);
  const total = Number(countRow?.n ?? 0);
  const lastPage = Math.max(1, Math.ceil(total / f.pageSize));
  const page = Math.min(f.page, lastPage);
  const rows = await db
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      actorUserId: auditEvents.actorUserId,
      actorName: auditEvents.actorName,
      action: auditEvents.action,
      outcome: auditEvents.outcome,
      entity: auditEvents.entity,
      entityId: auditEvents.entityId,
      districtName: districts.name,
      before: auditEvents.before,
      after: auditEvents.after,
      clientAddress: auditEvents.clientAddress,
    })
    .from(auditEvents)
    .leftJoin(districts, eq(districts.id, auditEvents.districtId))
    .where(where)
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(f.pageSize)
    .offset((page - 1) * f.pageSize);
  return { rows, total, page, pageSize: f.pageSize, lastPage };
}

/** Choices for the audit filter form: users, districts (also inactive ones), logged entity kinds. Caller must have checked `audit.read`. */
export async function listAuditFilterOptions() {
  const { db } = await getDatabase();
  const [userRows, districtRows, entityRows] = await Promise.all([
    db.select({ id: users.id, username: users.username, displayName: users.displayName }).from(users).orderBy(asc(users.username)),
    db.select({ id: districts.id, name: districts.name }).from(districts).orderBy(asc(districts.sortOrder), asc(districts.id)),
    db.selectDistinct({ entity: auditEvents.entity }).from(auditEvents).orderBy(asc(auditEvents.entity)),
  ]);
  return { users: userRows, districts: districtRows, entities: entityRows.map((r) => r.entity) };
}
