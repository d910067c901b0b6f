import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { getDatabase } from "../index";
import { attachmentRecordColumns, orderEvidenceOwner, type OrderEvidenceOwner } from "../mutations/attachment-records";
import { attachments, problems, signings, supervisionOrders, users, type AttachmentSubject } from "../schema";

/**
 * What the guards need to decide about one attachment's record (read it, add to it, delete from
 * it): its scope, and per kind the facts the policy looks at — a problem's type (which departments
 * own it), an order's responsible side and status, a signing's date (which month governs it).
 * Callers decide with domain/policy; nothing here is filtered by the caller.
 */
export async function getAttachmentRecord(id: number) {
  const { db } = await getDatabase();
  const [r] = await db
    .select({
      ...attachmentRecordColumns,
      problemType: problems.type,
      orderDistrictId: supervisionOrders.districtId,
      orderDepartmentId: supervisionOrders.departmentId,
      orderStatus: supervisionOrders.status,
      signedOn: signings.signedOn,
    })
    .from(attachments)
    .leftJoin(problems, and(inArray(attachments.subject, ["problem", "problem_resolution"]), eq(problems.id, attachments.subjectId)))
    .leftJoin(supervisionOrders, and(inArray(attachments.subject, ["order_answer", "order_close"]), eq(supervisionOrders.id, attachments.subjectId)))
    .leftJoin(signings, and(eq(attachments.subject, "signing"), eq(signings.id, attachments.subjectId)))
    .where(eq(attachments.id, id));
  return r ?? null;
}
export type AttachmentRecord = NonNullable<Awaited<ReturnType<typeof getAttachmentRecord>>>;

/** One record's files (an order's answer or closure, a signing), oldest first. Caller has checked it may read the record. */
export async function listRecordAttachments(subjects: readonly AttachmentSubject[], subjectId: number) {
  const { db } = await getDatabase();
  return db
    .select({
      id: attachments.id,
      subject: attachments.subject,
      kind: attachments.kind,
      caption: attachments.caption,
      originalName: attachments.originalName,
      byteSize: attachments.byteSize,
      takenAt: attachments.takenAt,
      isPublic: attachments.isPublic,
      version: attachments.version,
      uploadedAt: attachments.uploadedAt,
      uploadedByName: users.displayName,
    })
    .from(attachments)
    .leftJoin(users, eq(users.id, attachments.uploadedBy))
    .where(and(inArray(attachments.subject, [...subjects]), eq(attachments.subjectId, subjectId)))
    .orderBy(asc(attachments.id));
}

/** Whom an order's evidence is filed under (its answering department, and the district it is about). Caller has checked order.read. */
export async function getOrderEvidenceOwner(orderId: number): Promise<OrderEvidenceOwner | null> {
  const { db } = await getDatabase();
  return orderEvidenceOwner(db, orderId);
}
