import "server-only";
import { actorOf } from "@/app/_lib/actor";
import type { SessionUser } from "@/app/_lib/guards";
import { getDatabase } from "@/db/index";
import { insertAttachment, type AttachTarget } from "@/db/mutations/attachments";
import type { Refusal } from "@/domain/evidence/messages";
import { currentEvidenceSettings } from "./settings";
import { checkUploadForm } from "./upload-form";

/**
 * The second half of every evidence upload route (projects, problems, signings, orders). Each route
 * first runs its own guards in order — requireSameOrigin, requireUser, the record's permission —
 * and only then reads the body with these. "gone": the record no longer takes evidence (the route
 * answers 404 or its own message).
 */
export type StoredUpload = { code: Refusal | "ok"; n?: number } | { code: "gone"; n?: undefined };

/** The posted form, or null when the body is not a readable form (a broken-off upload, a stale page). */
export async function readUploadForm(request: Request): Promise<FormData | null> {
  try {
    return await request.formData();
  } catch {
    return null;
  }
}

/** Checks the form's file and caption and stores them on the record as the signed-in user, within the record's size budget. */
export async function storeUpload(form: FormData, target: AttachTarget, user: SessionUser): Promise<StoredUpload> {
  const checked = await checkUploadForm(form);
  if (!checked.ok) return { code: checked.code, n: checked.n };
  const meta = { caption: checked.caption, originalName: checked.originalName };
  const result = await insertAttachment(await getDatabase(), target, checked.stored, meta, await actorOf(user), currentEvidenceSettings().maxRecordBytes);
  if (result.ok) return { code: "ok" };
  if (result.reason === "not-found") return { code: "gone" };
  return result.reason === "duplicate" ? { code: "duplicate" } : { code: "record-full", n: result.usedBytes };
}
