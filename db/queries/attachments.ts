import "server-only";
import { and, asc, desc, eq, inArray, isNotNull } from "drizzle-orm";
import { getDatabase } from "../index";
import { attachments, blobs, campaigns, problems, projects, users } from "../schema";

const listColumns = {
  id: attachments.id,
  projectId: attachments.subjectId,
  month: attachments.month,
  kind: attachments.kind,
  caption: attachments.caption,
  originalName: attachments.originalName,
  mime: attachments.mime,
  byteSize: attachments.byteSize,
  width: attachments.width,
  height: attachments.height,
  takenAt: attachments.takenAt,
  gpsLatitude: attachments.gpsLatitude,
  gpsLongitude: attachments.gpsLongitude,
  phash: attachments.phash,
  isPublic: attachments.isPublic,
  version: attachments.version,
  uploadedAt: attachments.uploadedAt,
  uploadedByName: users.displayName,
};

export type AttachmentRow = Awaited<ReturnType<typeof listProjectAttachments>>[number];

/** Every file on a project's months, by month then upload. Caller has checked report.read for the project's district. */
export async function listProjectAttachments(projectId: number) {
  const { db } = await getDatabase();
  return db
    .select(listColumns)
    .from(attachments)
    .leftJoin(users, eq(users.id, attachments.uploadedBy))
    .where(and(eq(attachments.subject, "project_month"), eq(attachments.subjectId, projectId)))
    .orderBy(desc(attachments.month), asc(attachments.id));
}

/** The month's files on a district's projects, with each project's code, name and site. Caller has checked report.review. */
export async function listMonthAttachments(campaignId: number, districtId: number, month: string) {
  const { db } = await getDatabase();
  return db
    .select({ ...listColumns, projectCode: projects.code, projectName: projects.name, siteLatitude: projects.latitude, siteLongitude: projects.longitude })
    .from(attachments)
    .innerJoin(projects, eq(projects.id, attachments.subjectId))
    .leftJoin(users, eq(users.id, attachments.uploadedBy))
    .where(and(eq(attachments.subject, "project_month"), eq(attachments.campaignId, campaignId), eq(attachments.districtId, districtId), eq(attachments.month, month)))
    .orderBy(asc(projects.code), asc(attachments.id));
}

/**
 * Every project photo's hash with its project and month, over all years: what the reuse check
 * compares with (a 64-bit compare per photo is cheap next to a page render). Staff callers only.
 */
export async function listPhotoHashes() {
  const { db } = await getDatabase();
  const rows = await db
    .select({ id: attachments.id, projectId: attachments.subjectId, projectCode: projects.code, month: attachments.month, phash: attachments.phash })
    .from(attachments)
    .innerJoin(projects, eq(projects.id, attachments.subjectId))
    .where(and(eq(attachments.subject, "project_month"), isNotNull(attachments.phash)));
  return rows.map((r) => ({ ...r, phash: r.phash! }));
}

/**
 * One attachment's served bytes with what the guards need (district, month, public marks). The
 * original upload is never stored, so every variant is a stripped copy.
 */
export async function getAttachmentFile(id: number, variant: "file" | "thumb") {
  const { db } = await getDatabase();
  const sha = variant === "thumb" ? attachments.thumbSha256 : attachments.fileSha256;
  const rows = await db
    .select({
      id: attachments.id,
      campaignId: attachments.campaignId,
      districtId: attachments.districtId,
      subject: attachments.subject,
      month: attachments.month,
      kind: attachments.kind,
      isPublic: attachments.isPublic,
      originalName: attachments.originalName,
      projectIsPublic: projects.isPublic,
      problemType: problems.type,
      sha256: blobs.sha256,
      mime: blobs.mime,
      content: blobs.content,
    })
    .from(attachments)
    .innerJoin(blobs, eq(blobs.sha256, sha))
    .leftJoin(projects, and(eq(attachments.subject, "project_month"), eq(projects.id, attachments.subjectId)))
    .leftJoin(problems, and(inArray(attachments.subject, ["problem", "problem_resolution"]), eq(problems.id, attachments.subjectId)))
    .where(eq(attachments.id, id))
    .limit(1);
  return rows[0] ?? null;
}

/** Photos the campaign office marked public on one public project (the public page; no staff data). */
export async function listPublicProjectPhotos(projectId: number) {
  const { db } = await getDatabase();
  return db
    .select({ id: attachments.id, month: attachments.month, caption: attachments.caption, width: attachments.width, height: attachments.height })
    .from(attachments)
    .innerJoin(projects, eq(projects.id, attachments.subjectId))
    .where(and(eq(attachments.subject, "project_month"), eq(attachments.subjectId, projectId), eq(attachments.kind, "photo"), eq(attachments.isPublic, true), eq(projects.isPublic, true)))
    .orderBy(desc(attachments.month), asc(attachments.id));
}

/** Every public attachment of public projects with its checksum (open data). */
export async function listPublicAttachments() {
  const { db } = await getDatabase();
  return db
    .select({ id: attachments.id, year: campaigns.year, projectCode: projects.code, month: attachments.month, caption: attachments.caption, mime: attachments.mime, byteSize: attachments.byteSize, width: attachments.width, height: attachments.height, sha256: attachments.fileSha256 })
    .from(attachments)
    .innerJoin(projects, eq(projects.id, attachments.subjectId))
    .innerJoin(campaigns, eq(campaigns.id, attachments.campaignId))
    .where(and(eq(attachments.subject, "project_month"), eq(attachments.kind, "photo"), eq(attachments.isPublic, true), eq(projects.isPublic, true)))
    .orderBy(asc(campaigns.year), asc(projects.code), asc(attachments.month), asc(attachments.id));
}

/** A project's site coordinates (WGS 84), for the location check. Caller has checked the project is in its scope. */
export async function getProjectSite(projectId: number): Promise<{ latitude: number | null; longitude: number | null }> {
  const { db } = await getDatabase();
  const [r] = await db.select({ latitude: projects.latitude, longitude: projects.longitude }).from(projects).where(eq(projects.id, projectId));
  return r ?? { latitude: null, longitude: null };
}

/** A problem's files, when it was reported and when it was resolved. Caller has checked report.read for the problem. */
export async function listProblemAttachments(problemId: number) {
  const { db } = await getDatabase();
  return db
    .select({ ...listColumns, subject: attachments.subject })
    .from(attachments)
    .leftJoin(users, eq(users.id, attachments.uploadedBy))
    .where(and(inArray(attachments.subject, ["problem", "problem_resolution"]), eq(attachments.subjectId, problemId)))
    .orderBy(asc(attachments.id));
}
