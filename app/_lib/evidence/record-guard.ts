import "server-only";
import { notFound } from "next/navigation";
import { getDistrictMonthState, getRecordOwners } from "@/db/queries/reporting";
import { getAttachmentRecord, type AttachmentRecord } from "@/db/queries/attachment-records";
import { monthOf } from "@/domain/months";
import type { Action, ReportState, Resource } from "@/domain/policy";
import { requirePermission, type SessionUser } from "../guards";

/**
 * The guard of an attachment's record, the same one the record's own page and writes use: who may
 * read its files, and who may still change them (add or delete) — the owning district or
 * department while the record's month is editable (project month, resolution, signing), the
 * responsible side while an order can be answered, the campaign office while it waits for closure.
 * `month` is the month whose state governs changes (null when none does).
 */
export interface EvidenceGuard {
  read: { action: Action; resource: Resource };
  edit: { action: Action; resource: Resource };
  month: string | null;
  /** The record's page for this user (where the outcome of a change is shown). */
  path: string;
}

async function stateOf(campaignId: number, districtId: number, month: string | null): Promise<ReportState> {
  if (!month) return "locked";
  return (await getDistrictMonthState(campaignId, districtId, month))?.state ?? "locked";
}

/** A file on a district's record (every record but an order) lacks a district: never, by the CHECK constraints. */
function districtOf(r: AttachmentRecord): number {
  if (r.districtId === null) throw new Error(`attachment ${r.id} on a ${r.subject} has no district`);
  return r.districtId;
}

/**
 * An order's files follow the order (order.read / order.respond / order.close on the order itself),
 * never the attachment's own district or department, so a department's order on an indicator
 * (filed under the department, no district) is guarded like any other order.
 */
export async function evidenceGuard(user: SessionUser, r: AttachmentRecord): Promise<EvidenceGuard> {
  const city = user.role === "city_admin" || user.role === "city_leader";
  if (r.subject === "order_answer" || r.subject === "order_close") {
    // A missing order (cannot happen with the foreign facts joined) reads as closed: nobody but the city roles passes.
    const order = { districtId: r.orderDistrictId, departmentId: r.orderDepartmentId, status: r.orderStatus ?? "closed" };
    return {
      read: { action: "order.read", resource: { order } },
      edit: { action: r.subject === "order_answer" ? "order.respond" : "order.close", resource: { order } },
      month: null,
      path: `/${city ? "city" : "district"}/orders/${r.subjectId}`,
    };
  }
  const owners = await getRecordOwners(r.campaignId);
  const districtId = districtOf(r);
  switch (r.subject) {
    case "project_month": {
      const res = { districtId, ownerDepartmentIds: owners.projects };
      const state = await stateOf(r.campaignId, districtId, r.month);
      return { read: { action: "report.read", resource: res }, edit: { action: "record.edit", resource: { ...res, state } }, month: r.month, path: `/district/projects/${r.subjectId}` };
    }
    case "problem":
    case "problem_resolution": {
      const res = { districtId, ownerDepartmentIds: r.problemType ? (owners.problems[r.problemType] ?? []) : [] };
      const month = r.subject === "problem_resolution" ? r.month : null;
      const edit = month ? { ...res, state: await stateOf(r.campaignId, districtId, month) } : res;
      return { read: { action: "report.read", resource: res }, edit: { action: "record.edit", resource: edit }, month, path: `/district/problems/${r.subjectId}` };
    }
    case "signing": {
      const res = { districtId, ownerDepartmentIds: owners.signings };
      const month = r.signedOn ? monthOf(r.signedOn) : null;
      return { read: { action: "report.read", resource: res }, edit: { action: "record.edit", resource: { ...res, state: await stateOf(r.campaignId, districtId, month) } }, month, path: `/district/signings/${r.subjectId}` };
    }
  }
}

/**
 * The attachment an id names, once the signed-in caller has passed its record's read permission
 * (403 and audited otherwise); 404 for a malformed or unknown id. For the file and delete routes,
 * after their own requireSameOrigin/requireUser.
 */
export async function requireReadableAttachment(user: SessionUser, idParam: string): Promise<{ record: AttachmentRecord; guard: EvidenceGuard }> {
  if (!/^[1-9]\d{0,9}$/.test(idParam)) notFound();
  const record = await getAttachmentRecord(Number(idParam));
  if (!record) notFound();
  const guard = await evidenceGuard(user, record);
  await requirePermission(guard.read.action, guard.read.resource);
  return { record, guard };
}
