/**
 * The audit page's query string → a filter for listAuditEvents. Each parameter is read on its
 * own and a bad value is dropped (never a crash), so a hand-edited URL still shows the log.
 */
import { z } from "zod";
import type { AuditFilter } from "@/db/queries/audit";

const id = z.string().regex(/^[1-9]\d{0,8}$/).transform(Number);
/** A real calendar day (2023-02-30 is refused). */
const day = z.iso.date().refine((s) => {
  const t = Date.parse(`${s}T00:00:00Z`);
  return Number.isFinite(t) && new Date(t).toISOString().startsWith(s);
});

const paramsSchema = z.object({
  user: id.optional().catch(undefined),
  district: id.optional().catch(undefined),
  indicator: id.optional().catch(undefined),
  entity: z.string().trim().min(1).max(64).optional().catch(undefined),
  from: day.optional().catch(undefined),
  to: day.optional().catch(undefined),
  outcome: z.enum(["ok", "denied"]).optional().catch(undefined),
  page: z.string().regex(/^[1-9]\d{0,4}$/).transform(Number).optional().catch(undefined),
});

/** The per-figure history of one district-month-indicator value. */
export function figureHistoryHref(districtId: number, month: string, indicatorId: number): string {
  return `/city/audit/figure?district=${districtId}&month=${month}&indicator=${indicatorId}`;
}

export type AuditParams = z.infer<typeof paramsSchema>;

const DAY_MS = 86_400_000;

/** Start of a Shanghai calendar day in UTC. China has kept UTC+8 all year since 1991. */
function shanghaiMidnightUtc(dayText: string): number {
  return Date.parse(`${dayText}T00:00:00+08:00`);
}

export function parseAuditParams(sp: Record<string, string | string[] | undefined>): { params: AuditParams; filter: AuditFilter } {
  const firstOf = (k: string) => {
    const v = sp[k];
    return Array.isArray(v) ? v[0] : v;
  };
  const params = paramsSchema.parse({
    user: firstOf("user"),
    district: firstOf("district"),
    indicator: firstOf("indicator"),
    entity: firstOf("entity"),
    from: firstOf("from"),
    to: firstOf("to"),
    outcome: firstOf("outcome"),
    page: firstOf("page"),
  });
  const filter: AuditFilter = {
    actorUserId: params.user,
    districtId: params.district,
    indicatorId: params.indicator,
    entity: params.entity,
    outcome: params.outcome,
    fromIso: params.from ? new Date(shanghaiMidnightUtc(params.from)).toISOString() : undefined,
    // "to" is a whole day: everything before the next Shanghai midnight.
    toIso: params.to ? new Date(shanghaiMidnightUtc(params.to) + DAY_MS).toISOString() : undefined,
    page: params.page ?? 1,
    pageSize: 50,
  };
  return { params, filter };
}

/** The query string for the same filters on another page (or, with `base`, for the export). */
export function auditHref(params: AuditParams, page: number, base = "/city/audit"): string {
  const q = new URLSearchParams();
  if (params.user !== undefined) q.set("user", String(params.user));
  if (params.district !== undefined) q.set("district", String(params.district));
  if (params.indicator !== undefined) q.set("indicator", String(params.indicator));
  if (params.entity !== undefined) q.set("entity", params.entity);
  if (params.from !== undefined) q.set("from", params.from);
  if (params.to !== undefined) q.set("to", params.to);
  if (params.outcome !== undefined) q.set("outcome", params.outcome);
  if (page > 1) q.set("page", String(page));
  const s = q.toString();
  return s ? `${base}?${s}` : base;
}
