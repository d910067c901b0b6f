/**
 * Supervision orders (督办单): issue → respond → close (销号), or respond → return → respond.
 * Each transition re-reads the order inside its write transaction, checks the version and the
 * state, writes the order, its timeline event and the audit row together. Callers must have
 * passed the policy check (order.issue / order.respond / order.return / order.close).
 */
import { and, eq, inArray, isNull, lt, sql } from "drizzle-orm";
import type { OpenDatabase, Tx } from "../client";
import { departments, districts, indicators, orderEvents, problems, projects, supervisionOrders, users, type OrderLevel, type OrderStatus } from "../schema";
import { ORDER_LEVEL_LABELS } from "@/domain/labels";
import { NEXT_ORDER_LEVEL } from "@/domain/order-level";
import { insertAuditEvent } from "./audit";
import { notifyOrder } from "./notify-events";

/** Writes here are a signed-in user's: the actor has an id. */
export type { UserActor as Actor } from "@/domain/actor";
import type { Actor as SystemOrUser, UserActor as Actor } from "@/domain/actor";
import type { Outcome, Refused } from "@/domain/outcome";

export type OrderOutcome<T = void> = Outcome<
  T,
  Refused<"not-found" | "state", { status?: OrderStatus }> | Refused<"conflict", { current: { status: OrderStatus; updatedByName: string | null; updatedAt: string } }>
>;

const nowIso = () => new Date().toISOString();
export { NEXT_ORDER_LEVEL as NEXT_LEVEL } from "@/domain/order-level";

async function event(tx: Tx, orderId: number, actor: Pick<SystemOrUser, "id" | "name">, kind: "issued" | "responded" | "returned" | "closed" | "escalated", from: OrderStatus | null, to: OrderStatus, note: string | null) {
  await tx.insert(orderEvents).values({ orderId, actorUserId: actor.id, actorName: actor.name, kind, fromStatus: from, toStatus: to, note });
}

export interface NewOrder {
  campaignId: number;
  subjectType: "indicator" | "project" | "problem" | "other";
  indicatorId: number | null;
  projectId: number | null;
  problemId: number | null;
  month: string | null;
  districtId: number | null;
  departmentId: number | null;
  issue: string;
  requirement: string;
  deadlineOn: string;
  level: OrderLevel;
}

/** Why an order's ids were refused: its responsible unit does not exist or is inactive, or what it is about is not in its campaign. */
export type IssueOutcome = Outcome<{ id: number; code: string }, Refused<"responsible" | "subject">>;

/** Whether each id the issuer's form named exists: the responsible unit active, the subject in the order's campaign. */
async function refusedRefs(tx: Tx, o: NewOrder): Promise<"responsible" | "subject" | null> {
  const exists = async (rows: Promise<{ id: number }[]>) => (await rows).length === 1;
  const responsible =
    o.districtId !== null
      ? await exists(tx.select({ id: districts.id }).from(districts).where(and(eq(districts.id, o.districtId), eq(districts.active, true))))
      : o.departmentId !== null && (await exists(tx.select({ id: departments.id }).from(departments).where(and(eq(departments.id, o.departmentId), eq(departments.active, true)))));
  if (!responsible || (o.districtId !== null && o.departmentId !== null)) return "responsible";
  if (o.indicatorId !== null && !(await exists(tx.select({ id: indicators.id }).from(indicators).where(and(eq(indicators.id, o.indicatorId), eq(indicators.campaignId, o.campaignId)))))) return "subject";
  if (o.projectId !== null && !(await exists(tx.select({ id: projects.id }).from(projects).where(and(eq(projects.id, o.projectId), eq(projects.campaignId, o.campaignId)))))) return "subject";
  if (
    o.problemId !== null &&
    !(await exists(
      tx
        .select({ id: problems.id })
        .from(problems)
        .innerJoin(projects, eq(projects.id, problems.projectId))
        .where(and(eq(problems.id, o.problemId), eq(projects.campaignId, o.campaignId))),
    ))
  )
    return "subject";
  return null;
}

/** Issues an order after checking, in the same transaction, that every id it names exists (refusedRefs). */
export async function issueOrder(open: OpenDatabase, o: NewOrder, actor: Actor): Promise<IssueOutcome> {
  return open.write(async (tx) => {
    const refused = await refusedRefs(tx, o);
    if (refused) return { ok: false, reason: refused } as const;
    const year = (o.month ?? nowIso()).slice(0, 4);
    const n = (await tx.select({ n: sql<number>`count(*)` }).from(supervisionOrders).where(sql`${supervisionOrders.code} like ${`DB-${year}-%`}`))[0]?.n ?? 0;
    const code = `DB-${year}-${String(Number(n) + 1).padStart(4, "0")}`;
    const [row] = await tx
      .insert(supervisionOrders)
      .values({ ...o, code, issuedBy: actor.id, updatedBy: actor.id, status: "open" })
      .returning({ id: supervisionOrders.id });
    await event(tx, row!.id, actor, "issued", null, "open", o.requirement);
    await insertAuditEvent(tx, { actorUserId: actor.id, actorName: actor.name, action: "order.issue", entity: "supervision_order", entityId: row!.id, districtId: o.districtId, after: { code, ...o }, clientAddress: actor.clientAddress });
    await notifyOrder(tx, row!.id, "order_issued", { actorId: actor.id });
    return { ok: true, value: { id: row!.id, code } };
  });
}

async function load(tx: Tx, id: number) {
  return (
    await tx
      .select({
        id: supervisionOrders.id,
        status: supervisionOrders.status,
        version: supervisionOrders.version,
        districtId: supervisionOrders.districtId,
        updatedAt: supervisionOrders.updatedAt,
        updatedByName: users.displayName,
        responseCauses: supervisionOrders.responseCauses,
        responseMeasures: supervisionOrders.responseMeasures,
        responseExpectedOn: supervisionOrders.responseExpectedOn,
      })
      .from(supervisionOrders)
      .leftJoin(users, eq(users.id, supervisionOrders.updatedBy))
      .where(eq(supervisionOrders.id, id))
  )[0];
}

async function transition(
  open: OpenDatabase,
  args: { id: number; expectedVersion: number; from: readonly OrderStatus[]; to: OrderStatus; kind: "responded" | "returned" | "closed"; set: Record<string, unknown>; note: string | null; actor: Actor; action: string },
): Promise<OrderOutcome> {
  return open.write(async (tx) => {
    const cur = await load(tx, args.id);
    if (!cur) return { ok: false, reason: "not-found" };
    if (cur.version !== args.expectedVersion) return { ok: false, reason: "conflict", current: { status: cur.status, updatedByName: cur.updatedByName, updatedAt: cur.updatedAt } };
    if (!args.from.includes(cur.status)) return { ok: false, reason: "state", status: cur.status };
    const at = nowIso();
    const updated = await tx
      .update(supervisionOrders)
      .set({ ...args.set, status: args.to, updatedBy: args.actor.id, updatedAt: at, version: sql`${supervisionOrders.version} + 1` })
      .where(and(eq(supervisionOrders.id, args.id), eq(supervisionOrders.version, args.expectedVersion)))
      .returning({ id: supervisionOrders.id });
    if (updated.length !== 1) return { ok: false, reason: "conflict", current: { status: cur.status, updatedByName: cur.updatedByName, updatedAt: cur.updatedAt } };
    await event(tx, args.id, args.actor, args.kind, cur.status, args.to, args.note);
    await insertAuditEvent(tx, {
      actorUserId: args.actor.id,
      actorName: args.actor.name,
      action: args.action,
      entity: "supervision_order",
      entityId: args.id,
      districtId: cur.districtId,
      before: { status: cur.status, responseCauses: cur.responseCauses, responseMeasures: cur.responseMeasures, responseExpectedOn: cur.responseExpectedOn },
      after: { status: args.to, ...args.set },
      clientAddress: args.actor.clientAddress,
    });
    await notifyOrder(tx, args.id, args.kind === "responded" ? "order_answered" : args.kind === "returned" ? "order_returned" : "order_closed", { actorId: args.actor.id });
    return { ok: true, value: undefined };
  });
}

/** The responsible side's answer: causes, measures and the expected date; marks the order done. */
export function respondOrder(open: OpenDatabase, a: { id: number; expectedVersion: number; causes: string; measures: string; expectedOn: string; actor: Actor }) {
  return transition(open, {
    id: a.id,
    expectedVersion: a.expectedVersion,
    from: ["open", "returned"],
    to: "responded",
    kind: "responded",
    set: { responseCauses: a.causes, responseMeasures: a.measures, responseExpectedOn: a.expectedOn, respondedBy: a.actor.id, respondedAt: nowIso() },
    note: a.measures,
    actor: a.actor,
    action: "order.respond",
  });
}

/** The issuer sends an answer back with a comment. */
export function returnOrder(open: OpenDatabase, a: { id: number; expectedVersion: number; comment: string; actor: Actor }) {
  return transition(open, {
    id: a.id,
    expectedVersion: a.expectedVersion,
    from: ["responded"],
    to: "returned",
    kind: "returned",
    set: { returnComment: a.comment, returnedBy: a.actor.id, returnedAt: nowIso() },
    note: a.comment,
    actor: a.actor,
    action: "order.return",
  });
}

/** The issuer accepts the answer: the order is closed (销号). */
export function closeOrder(open: OpenDatabase, a: { id: number; expectedVersion: number; note: string; actor: Actor }) {
  return transition(open, {
    id: a.id,
    expectedVersion: a.expectedVersion,
    from: ["responded"],
    to: "closed",
    kind: "closed",
    set: { closeNote: a.note, closedBy: a.actor.id, closedAt: nowIso() },
    note: a.note,
    actor: a.actor,
    action: "order.close",
  });
}

/**
 * Orders still waiting for an answer after their deadline move up one level (一般 → 重点 →
 * 市领导督办), once per order. Idempotent; run on a timer (db/escalation-timer.ts); pages
 * compute the same level at read time (domain/order-level.ts) instead of writing.
 * The responsible side hears the order is overdue (immediately), the office that it moved up.
 */
export async function escalateOverdueOrders(open: OpenDatabase, today: string): Promise<number> {
  return open.write(async (tx) => {
    const due = await tx
      .select({ id: supervisionOrders.id, level: supervisionOrders.level, status: supervisionOrders.status, districtId: supervisionOrders.districtId })
      .from(supervisionOrders)
      .where(and(lt(supervisionOrders.deadlineOn, today), inArray(supervisionOrders.status, ["open", "returned"]), isNull(supervisionOrders.lastEscalatedAt)));
    const at = nowIso();
    for (const o of due) {
      const level = NEXT_ORDER_LEVEL[o.level];
      await tx
        .update(supervisionOrders)
        .set({ level, escalations: sql`${supervisionOrders.escalations} + 1`, lastEscalatedAt: at, version: sql`${supervisionOrders.version} + 1` })
        .where(eq(supervisionOrders.id, o.id));
      await event(tx, o.id, { id: null, name: "system" }, "escalated", o.status, o.status, `逾期未办结，由“${ORDER_LEVEL_LABELS[o.level]}”升为“${ORDER_LEVEL_LABELS[level]}”`);
      await insertAuditEvent(tx, { actorUserId: null, actorName: "system", action: "order.escalate", entity: "supervision_order", entityId: o.id, districtId: o.districtId, before: { level: o.level }, after: { level }, clientAddress: null });
      await notifyOrder(tx, o.id, "order_overdue", { newLevel: level });
      if (level !== o.level) await notifyOrder(tx, o.id, "order_escalated", { newLevel: level });
    }
    return due.length;
  });
}
