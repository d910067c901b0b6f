/**
 * Which record an attachment may go on, checked inside the write transaction that stores or
 * removes it: the record must be in the campaign and district (or, for an order a department
 * answers, the department) the caller resolved, and still in a
 * state that takes evidence (an order's answer only while it can be answered, its closure only
 * while it waits for the office, a problem's resolution only once resolved).
 */
import { and, eq } from "drizzle-orm";
import type { Tx } from "../client";
import { attachments, problems, projects, signings, supervisionOrders, type AttachmentSubject } from "../schema";

/** An attachment's own record columns: which record it is on, whose, and its version. */
export const attachmentRecordColumns = {
  id: attachments.id,
  campaignId: attachments.campaignId,
  districtId: attachments.districtId,
  departmentId: attachments.departmentId,
  subject: attachments.subject,
  subjectId: attachments.subjectId,
  month: attachments.month,
  kind: attachments.kind,
  version: attachments.version,
};

export interface RecordRef {
  campaignId: number;
  /** The record's district; null only on a department's order about an indicator. */
  districtId: number | null;
  /** The department answering an order; null on every other record. */
  departmentId: number | null;
  subject: AttachmentSubject;
  subjectId: number;
}

export interface OrderEvidenceOwner {
  campaignId: number;
  /** The order's district, else its project's or problem's; null for a department's order on an indicator. */
  districtId: number | null;
  /** The department that answers the order; null for a district's order. */
  departmentId: number | null;
  status: string;
}

/**
 * Whom an order's evidence is filed under: the responsible department (if a department answers
 * it) and the district the order is about (its own, else its project's or problem's). An order
 * has a district or a department (supervision_orders_responsible_ck), so one of the two is set.
 */
export async function orderEvidenceOwner(tx: Pick<Tx, "select">, orderId: number): Promise<OrderEvidenceOwner | null> {
  const [o] = await tx
    .select({
      campaignId: supervisionOrders.campaignId,
      districtId: supervisionOrders.districtId,
      departmentId: supervisionOrders.departmentId,
      status: supervisionOrders.status,
      projectDistrict: projects.districtId,
      problemDistrict: problems.districtId,
    })
    .from(supervisionOrders)
    .leftJoin(projects, eq(projects.id, supervisionOrders.projectId))
    .leftJoin(problems, eq(problems.id, supervisionOrders.problemId))
    .where(eq(supervisionOrders.id, orderId));
  if (!o) return null;
  return { campaignId: o.campaignId, districtId: o.districtId ?? o.projectDistrict ?? o.problemDistrict ?? null, departmentId: o.departmentId, status: o.status };
}

/** Whether the record exists in scope and accepts evidence now (the same rule for adding and deleting). */
export async function recordTakesEvidence(tx: Tx, t: RecordRef): Promise<boolean> {
  if (t.subject === "order_answer" || t.subject === "order_close") {
    const o = await orderEvidenceOwner(tx, t.subjectId);
    if (!o || o.campaignId !== t.campaignId || o.districtId !== t.districtId || o.departmentId !== t.departmentId) return false;
    // The answer's files while the order can be answered; the closure's while it waits for the office.
    return t.subject === "order_answer" ? o.status === "open" || o.status === "returned" : o.status === "responded";
  }
  // Every other record belongs to a district, never to a department.
  if (t.districtId === null || t.departmentId !== null) return false;
  const districtId = t.districtId;
  switch (t.subject) {
    case "project_month": {
      const rows = await tx
        .select({ id: projects.id })
        .from(projects)
        .where(and(eq(projects.id, t.subjectId), eq(projects.campaignId, t.campaignId), eq(projects.districtId, districtId)));
      return rows.length === 1;
    }
    case "problem":
    case "problem_resolution": {
      const rows = await tx
        .select({ status: problems.status })
        .from(problems)
        .where(and(eq(problems.id, t.subjectId), eq(problems.campaignId, t.campaignId), eq(problems.districtId, districtId)));
      // Evidence of a resolution only on a resolved problem.
      return rows.length === 1 && (t.subject === "problem" || rows[0]!.status === "resolved");
    }
    case "signing": {
      const rows = await tx
        .select({ id: signings.id })
        .from(signings)
        .where(and(eq(signings.id, t.subjectId), eq(signings.campaignId, t.campaignId), eq(signings.districtId, districtId)));
      return rows.length === 1;
    }
  }
}
