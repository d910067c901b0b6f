import "server-only";
import type { StoredFile } from "@/db/mutations/attachments";
import type { Refusal } from "@/domain/evidence/messages";
import { inspectUpload, sha256 } from "./inspect";
import { currentEvidenceSettings } from "./settings";

export type CheckedUpload = { ok: false; code: Refusal; n?: number } | { ok: true; stored: StoredFile; caption: string; originalName: string };

/** The file and caption of an upload form, checked from the bytes (inspect.ts) and ready to store. */
export async function checkUploadForm(form: FormData): Promise<CheckedUpload> {
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) return { ok: false, code: "no-file" };
  const rawCaption = form.get("caption");
  const caption = (typeof rawCaption === "string" ? rawCaption : "").normalize("NFC").replace(/\s+/g, " ").trim();
  if ([...caption].length > 200) return { ok: false, code: "caption" };
  const settings = currentEvidenceSettings();
  if (file.size > settings.maxFileBytes) return { ok: false, code: "too-big" };
  const checked = await inspectUpload(Buffer.from(await file.arrayBuffer()), file.name, settings);
  if (!checked.ok) return checked;
  const stored: StoredFile =
    checked.kind === "photo"
      ? { ...checked, fileSha256: sha256(checked.file), thumbSha256: sha256(checked.thumb) }
      : { ...checked, fileSha256: checked.originalSha256, thumb: null, thumbSha256: null, width: null, height: null, takenAt: null, gps: null, phash: null };
  return { ok: true, stored, caption, originalName: file.name.slice(0, 200) };
}

/** The 303 back to the record's page with the outcome code (and at most a number), so the page can say what happened without JavaScript. */
export function backTo(path: string, code: Refusal | "ok" | "deleted", extra: Record<string, string | undefined> = {}, n?: number): Response {
  const q = new URLSearchParams({ ev: code });
  for (const [k, v] of Object.entries(extra)) if (v) q.set(k, v);
  if (n !== undefined) q.set("evn", String(Math.round(n)));
  return new Response(null, { status: 303, headers: { Location: `${path}?${q}#evidence`, "Cache-Control": "no-store" } });
}
