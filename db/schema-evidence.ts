/**
 * Evidence on the record (issue #19): photos and documents attached to a project's month, a
 * problem, a supervision order or a signing. Re-exported by db/schema.ts, so drizzle-kit and the
 * client see these tables with the rest. References to other tables are lazy (() => …), which is
 * what makes the circular import with schema.ts safe.
 */
import { sql } from "drizzle-orm";
import { blob, check, index, integer, real, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { campaigns, departments, districts, users } from "./schema";

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

/**
 * Content-addressed file bytes: the key is the SHA-256 of the content, so the same bytes are
 * stored once however many records use them. Content lives in the database (not on disk) so
 * several app instances on one libSQL server need no shared file system. Only copies that are
 * safe to serve are stored here (re-encoded images without metadata, checked documents).
 */
export const blobs = sqliteTable("blobs", {
  sha256: text("sha256").primaryKey(),
  mime: text("mime").notNull(),
  byteSize: integer("byte_size").notNull(),
  content: blob("content", { mode: "buffer" }).notNull(),
  createdAt: text("created_at").notNull().default(now),
});

export const ATTACHMENT_SUBJECTS = ["project_month", "problem", "problem_resolution", "order_answer", "order_close", "signing"] as const;
export type AttachmentSubject = (typeof ATTACHMENT_SUBJECTS)[number];

/**
 * One file attached to one record. `subject` + `subjectId` name the record (a project for
 * project_month, with `month`); the owner is copied from the record so every scope check is one
 * comparison: `districtId` for a district's record (and an order about a project or problem), and
 * `departmentId` for an order a department answers — a department's order on an indicator has no
 * district at all (migration 0014). Only order files may lack a district. For photos only the capture time and GPS position are kept from the EXIF (for the
 * provenance checks); every stored copy has all metadata stripped.
 */
export const attachments = sqliteTable(
  "attachments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    campaignId: integer("campaign_id").notNull().references(() => campaigns.id),
    districtId: integer("district_id").references(() => districts.id),
    departmentId: integer("department_id").references(() => departments.id),
    subject: text("subject", { enum: ATTACHMENT_SUBJECTS }).notNull(),
    subjectId: integer("subject_id").notNull(),
    /** The reporting month (YYYY-MM) for project_month; null otherwise. */
    month: text("month"),
    kind: text("kind", { enum: ["photo", "document"] }).notNull(),
    caption: text("caption").notNull().default(""),
    originalName: text("original_name").notNull().default(""),
    /** SHA-256 of the uploaded bytes (exact re-upload detection); the original itself is not kept. */
    originalSha256: text("original_sha256").notNull(),
    /** The served copy (re-encoded JPEG for photos, the checked file for documents). */
    fileSha256: text("file_sha256").notNull().references(() => blobs.sha256),
    thumbSha256: text("thumb_sha256").references(() => blobs.sha256),
    mime: text("mime").notNull(),
    byteSize: integer("byte_size").notNull(),
    width: integer("width"),
    height: integer("height"),
    /** EXIF capture time as the camera wrote it (local wall clock, "YYYY-MM-DDTHH:MM:SS"). */
    takenAt: text("taken_at"),
    gpsLatitude: real("gps_latitude"),
    gpsLongitude: real("gps_longitude"),
    /** 64-bit difference hash as 16 hex digits (photos only). */
    phash: text("phash"),
    /** Marked public by the campaign office: shown on the public project page (stripped copy only). */
    isPublic: integer("is_public", { mode: "boolean" }).notNull().default(false),
    uploadedBy: integer("uploaded_by").references(() => users.id),
    uploadedAt: text("uploaded_at").notNull().default(now),
    updatedBy: integer("updated_by").references(() => users.id),
    version: integer("version").notNull().default(1),
    updatedAt: text("updated_at").notNull().default(now),
  },
  (t) => [
    index("attachments_subject_idx").on(t.subject, t.subjectId, t.month),
    index("attachments_campaign_month_idx").on(t.campaignId, t.districtId, t.month),
    index("attachments_phash_idx").on(t.campaignId, t.phash),
    check("attachments_kind_ck", sql`${t.kind} in ('photo','document')`),
    check("attachments_owner_ck", sql`${t.districtId} is not null or ${t.departmentId} is not null`),
    check("attachments_district_ck", sql`${t.districtId} is not null or ${t.subject} in ('order_answer','order_close')`),
    check("attachments_gps_ck", sql`(${t.gpsLatitude} is null) = (${t.gpsLongitude} is null)`),
  ],
);
