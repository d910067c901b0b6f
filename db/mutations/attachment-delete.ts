/**
 * Removing an attachment. The caller has passed the record's edit guard (the owning district or
 * department, the month still editable, the order still in the state that takes this evidence);
 * the transaction re-checks the version, the record's state and, for a month-bound record, that
 * the month has not been approved or locked meanwhile, then deletes the row, every blob no other
 * attachment uses any more, and writes the audit row with the old values.
 */
import { and, eq, ne, or } from "drizzle-orm";
import type { OpenDatabase, Tx } from "../client";
import { attachments, blobs, monthlyReports, periods } from "../schema";
import { attachmentRecordColumns, recordTakesEvidence } from "./attachment-records";
import { insertAuditEvent } from "./audit";
import type { Actor } from "./projects";
import type { Outcome, Refused } from "@/domain/outcome";

/** Done: the record the attachment was on (for the page to revalidate). */
export type DeleteOutcome = Outcome<{ subject: string; subjectId: number; month: string | null }, Refused<"not-found" | "closed"> | Refused<"conflict", { version: number }>>;

/** Approved or locked (or never opened): a month whose evidence is part of the record now. */
async function monthClosed(tx: Tx, campaignId: number, districtId: number, month: string): Promise<boolean> {
  const [p] = await tx
    .select({ isOpen: periods.isOpen, locked: periods.locked, status: monthlyReports.status })
    .from(periods)
    .leftJoin(monthlyReports, and(eq(monthlyReports.periodId, periods.id), eq(monthlyReports.districtId, districtId)))
    .where(and(eq(periods.campaignId, campaignId), eq(periods.month, month)));
  return !p || p.locked || !p.isOpen || p.status === "approved";
}

async function dropBlobIfUnused(tx: Tx, sha: string | null, removedId: number): Promise<void> {
  if (!sha) return;
  const users = await tx
    .select({ id: attachments.id })
    .from(attachments)
    .where(and(ne(attachments.id, removedId), or(eq(attachments.fileSha256, sha), eq(attachments.thumbSha256, sha))))
    .limit(1);
  if (users.length === 0) await tx.delete(blobs).where(eq(blobs.sha256, sha));
}

/**
 * Deletes attachment `id` shown at `expectedVersion`. `month` names the month whose state
 * governs the record (a project's month, a resolution's or a signing's month), null when none.
 */
export async function deleteAttachment(open: OpenDatabase, target: { id: number; expectedVersion: number; month: string | null }, actor: Actor): Promise<DeleteOutcome> {
  return open.write(async (tx) => {
    const [a] = await tx
      .select({
        ...attachmentRecordColumns,
        caption: attachments.caption,
        originalName: attachments.originalName,
        fileSha256: attachments.fileSha256,
        thumbSha256: attachments.thumbSha256,
        byteSize: attachments.byteSize,
        takenAt: attachments.takenAt,
        isPublic: attachments.isPublic,
        uploadedBy: attachments.uploadedBy,
        uploadedAt: attachments.uploadedAt,
      })
      .from(attachments)
      .where(eq(attachments.id, target.id));
    if (!a) return { ok: false, reason: "not-found" } as const;
    if (a.version !== target.expectedVersion) return { ok: false, reason: "conflict", version: a.version } as const;
    if (!(await recordTakesEvidence(tx, a))) return { ok: false, reason: "closed" } as const;
    // Month-bound records (project month, resolution, signing) always have a district.
    if (target.month && (a.districtId === null || (await monthClosed(tx, a.campaignId, a.districtId, target.month)))) return { ok: false, reason: "closed" } as const;
    const gone = await tx
      .delete(attachments)
      .where(and(eq(attachments.id, a.id), eq(attachments.version, a.version)))
      .returning({ id: attachments.id });
    if (gone.length !== 1) return { ok: false, reason: "conflict", version: a.version } as const;
    await dropBlobIfUnused(tx, a.fileSha256, a.id);
    if (a.thumbSha256 !== a.fileSha256) await dropBlobIfUnused(tx, a.thumbSha256, a.id);
    await insertAuditEvent(tx, {
      actorUserId: actor.id,
      actorName: actor.name,
      action: "attachment.delete",
      entity: "attachment",
      entityId: a.id,
      districtId: a.districtId,
      before: {
        subject: a.subject,
        subjectId: a.subjectId,
        month: a.month,
        kind: a.kind,
        caption: a.caption,
        originalName: a.originalName,
        sha256: a.fileSha256,
        byteSize: a.byteSize,
        takenAt: a.takenAt,
        isPublic: a.isPublic,
        uploadedBy: a.uploadedBy,
        uploadedAt: a.uploadedAt,
        version: a.version,
      },
      after: null,
      clientAddress: actor.clientAddress,
    });
    return { ok: true, value: { subject: a.subject, subjectId: a.subjectId, month: a.month } } as const;
  });
}
