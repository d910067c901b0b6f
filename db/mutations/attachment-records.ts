/**
 * Which record an attachment may go on, checked inside the write transaction that stores or
 * removes it: the record must be in the campaign and district the caller resolved, and still in a
 * state that takes evidence (an order's answer only while it can be answered, its closure only
 * while it waits for the office, a problem's resolution only once resolved).
 */
import { and, eq } from "drizzle-orm";
import type { Tx } from "../client";
import { problems, projects, signings, supervisionOrders, type AttachmentSubject } from "../schema";

export interface RecordRef {
  campaignId: number;
  districtId: number;
  subject: AttachmentSubject;
  subjectId: number;
}

/** The district an order's evidence is filed under: the order's own, else its project's or problem's (department orders). */
export async function orderEvidenceDistrict(tx: Pick<Tx, "select">, orderId: number): Promise<{ campaignId: number; districtId: number | null; status: string } | null> {
  const [o] = await tx
    .select({ campaignId: supervisionOrders.campaignId, districtId: supervisionOrders.districtId, status: supervisionOrders.status, projectDistrict: projects.districtId, problemDistrict: problems.districtId })
    .from(supervisionOrders)
    .leftJoin(projects, eq(projects.id, supervisionOrders.projectId))
    .leftJoin(problems, eq(problems.id, supervisionOrders.problemId))
    .where(eq(supervisionOrders.id, orderId));
  if (!o) return null;
  return { campaignId: o.campaignId, districtId: o.districtId ?? o.projectDistrict ?? o.problemDistrict ?? null, status: o.status };
}

/** Whether the record exists in scope and accepts evidence now (the same rule for adding and deleting). */
export async function recordTakesEvidence(tx: Tx, t: RecordRef): Promise<boolean> {
  switch (t.subject) {
    case "project_month": {
      const rows = await tx
        .select({ id: projects.id })
        .from(projects)
        .where(and(eq(projects.id, t.subjectId), eq(projects.campaignId, t.campaignId), eq(projects.districtId, t.districtId)));
      return rows.length === 1;
    }
    case "problem":
    case "problem_resolution": {
      const rows = await tx
        .select({ status: problems.status })
        .from(problems)
        .where(and(eq(problems.id, t.subjectId), eq(problems.campaignId, t.campaignId), eq(problems.districtId, t.districtId)));
      // Evidence of a resolution only on a resolved problem.
      return rows.length === 1 && (t.subject === "problem" || rows[0]!.status === "resolved");
    }
    case "order_answer":
    case "order_close": {
      const o = await orderEvidenceDistrict(tx, t.subjectId);
      if (!o || o.campaignId !== t.campaignId || o.districtId !== t.districtId) return false;
      // The answer's files while the order can be answered; the closure's while it waits for the office.
      return t.subject === "order_answer" ? o.status === "open" || o.status === "returned" : o.status === "responded";
    }
    case "signing": {
      const rows = await tx
        .select({ id: signings.id })
        .from(signings)
        .where(and(eq(signings.id, t.subjectId), eq(signings.campaignId, t.campaignId), eq(signings.districtId, t.districtId)));
      return rows.length === 1;
    }
  }
}
