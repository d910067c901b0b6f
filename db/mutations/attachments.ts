/**
 * Attachment writes. Callers must have passed requirePermission for the record's district (and,
 * for a project's month, the month's state); each function re-checks that the record is in the
 * campaign and district it was given, so a forged id outside that scope changes nothing.
 */
import { and, eq, sql } from "drizzle-orm";
import type { OpenDatabase, Tx } from "../client";
import { attachments, blobs, type AttachmentSubject } from "../schema";
import { recordTakesEvidence } from "./attachment-records";
import { insertAuditEvent } from "./audit";
import type { Actor } from "./projects";
import type { Outcome, Refused } from "@/domain/outcome";

export interface StoredFile {
  kind: "photo" | "document";
  mime: string;
  originalSha256: string;
  file: Buffer;
  fileSha256: string;
  thumb: Buffer | null;
  thumbSha256: string | null;
  width: number | null;
  height: number | null;
  takenAt: string | null;
  gps: { latitude: number; longitude: number } | null;
  phash: string | null;
}

export interface AttachTarget {
  campaignId: number;
  /** The record's district (null only on a department's order about an indicator). */
  districtId: number | null;
  /** The department answering an order (null, or left out, on every other record). */
  departmentId?: number | null;
  subject: AttachmentSubject;
  subjectId: number;
  month: string | null;
}

/** Done: the new attachment's id. */
export type AttachOutcome = Outcome<number, Refused<"not-found" | "duplicate"> | Refused<"record-full", { usedBytes: number }>>;

/** Stores bytes under their SHA-256 once; later identical content reuses the row. */
async function putBlob(tx: Tx, sha256: string, mime: string, content: Buffer): Promise<void> {
  await tx.insert(blobs).values({ sha256, mime, byteSize: content.length, content }).onConflictDoNothing();
}

const recordWhere = (t: AttachTarget) =>
  and(eq(attachments.subject, t.subject), eq(attachments.subjectId, t.subjectId), t.month === null ? sql`${attachments.month} is null` : eq(attachments.month, t.month));

/**
 * Attaches one checked file to one record, all in one write transaction with its audit row: the
 * record must be in `districtId` (and, for an order a department answers, `departmentId`), the same upload may not already be on it, and the record's
 * attachments together must stay within `maxRecordBytes`.
 */
export async function insertAttachment(open: OpenDatabase, t: AttachTarget, f: StoredFile, meta: { caption: string; originalName: string }, actor: Actor, maxRecordBytes: number): Promise<AttachOutcome> {
  return open.write(async (tx) => {
    if (!(await recordTakesEvidence(tx, { ...t, departmentId: t.departmentId ?? null }))) return { ok: false, reason: "not-found" } as const;
    const existing = await tx.select({ originalSha256: attachments.originalSha256, byteSize: attachments.byteSize }).from(attachments).where(recordWhere(t));
    if (existing.some((e) => e.originalSha256 === f.originalSha256)) return { ok: false, reason: "duplicate" } as const;
    const used = existing.reduce((s, e) => s + e.byteSize, 0);
    if (used + f.file.length > maxRecordBytes) return { ok: false, reason: "record-full", usedBytes: used } as const;
    await putBlob(tx, f.fileSha256, f.mime, f.file);
    if (f.thumb && f.thumbSha256) await putBlob(tx, f.thumbSha256, "image/jpeg", f.thumb);
    const [row] = await tx
      .insert(attachments)
      .values({
        campaignId: t.campaignId,
        districtId: t.districtId,
        departmentId: t.departmentId ?? null,
        subject: t.subject,
        subjectId: t.subjectId,
        month: t.month,
        kind: f.kind,
        caption: meta.caption,
        originalName: meta.originalName,
        originalSha256: f.originalSha256,
        fileSha256: f.fileSha256,
        thumbSha256: f.thumbSha256,
        mime: f.mime,
        byteSize: f.file.length,
        width: f.width,
        height: f.height,
        takenAt: f.takenAt,
        gpsLatitude: f.gps?.latitude ?? null,
        gpsLongitude: f.gps?.longitude ?? null,
        phash: f.phash,
        uploadedBy: actor.id,
        updatedBy: actor.id,
      })
      .returning({ id: attachments.id });
    await insertAuditEvent(tx, {
      actorUserId: actor.id,
      actorName: actor.name,
      action: "attachment.add",
      entity: "attachment",
      entityId: row!.id,
      districtId: t.districtId,
      before: null,
      after: { subject: t.subject, subjectId: t.subjectId, month: t.month, kind: f.kind, caption: meta.caption, originalName: meta.originalName, sha256: f.fileSha256, byteSize: f.file.length, takenAt: f.takenAt },
      clientAddress: actor.clientAddress,
    });
    return { ok: true, value: row!.id } as const;
  });
}

export type ChangeOutcome = Outcome<void, Refused<"not-found"> | Refused<"conflict", { current: { isPublic: boolean; version: number } }>>;

/**
 * The campaign office marks a project month's photo public or not (shown on the public project
 * page). Caller checked report.review (city-wide). Files on problems, orders and signings are
 * never public: they read as not found here.
 */
export async function updateAttachmentPublic(open: OpenDatabase, target: { id: number; expectedVersion: number }, isPublic: boolean, actor: Actor): Promise<ChangeOutcome> {
  return open.write(async (tx) => {
    const [a] = await tx
      .select({ id: attachments.id, isPublic: attachments.isPublic, version: attachments.version, districtId: attachments.districtId, kind: attachments.kind, subject: attachments.subject })
      .from(attachments)
      .where(eq(attachments.id, target.id));
    if (!a || a.kind !== "photo" || a.subject !== "project_month") return { ok: false, reason: "not-found" } as const;
    if (a.version !== target.expectedVersion) return { ok: false, reason: "conflict", current: { isPublic: a.isPublic, version: a.version } } as const;
    if (a.isPublic === isPublic) return { ok: true, value: undefined } as const;
    await tx
      .update(attachments)
      .set({ isPublic, version: a.version + 1, updatedBy: actor.id, updatedAt: new Date().toISOString() })
      .where(and(eq(attachments.id, a.id), eq(attachments.version, a.version)));
    await insertAuditEvent(tx, {
      actorUserId: actor.id,
      actorName: actor.name,
      action: "attachment.publish",
      entity: "attachment",
      entityId: a.id,
      districtId: a.districtId,
      before: { isPublic: a.isPublic },
      after: { isPublic },
      clientAddress: actor.clientAddress,
    });
    return { ok: true, value: undefined } as const;
  });
}
