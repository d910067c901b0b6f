import { notFound } from "next/navigation";
import { requireUser } from "@/app/_lib/guards";
import { requireReadableAttachment } from "@/app/_lib/evidence/record-guard";
import { downloadName, fileResponse } from "@/app/_lib/evidence/serve";
import { getAttachmentFile } from "@/db/queries/attachments";

/**
 * GET /api/files/:id[?size=thumb] — an attachment for staff, under its record's guard
 * (app/_lib/evidence/record-guard.ts): a project's or problem's or signing's district (or a
 * department owning the record kind, or the city roles); for an order's answer or closure, whoever
 * may read the order. Anyone else gets 403 and the attempt is audited. Never cached by shared caches.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const user = await requireUser();
  const { id } = await params;
  const { record } = await requireReadableAttachment(user, id);
  const variant = new URL(request.url).searchParams.get("size") === "thumb" ? "thumb" : "file";
  const f = await getAttachmentFile(record.id, variant);
  if (!f) notFound();
  const ext = f.mime === "image/jpeg" ? "jpg" : f.mime === "application/pdf" ? "pdf" : (f.originalName.match(/\.(docx|xlsx|pptx)$/i)?.[1] ?? "bin");
  return fileResponse(request, { sha256: f.sha256, mime: f.mime, content: f.content, kind: f.kind, downloadName: downloadName(f.originalName, f.id, ext) }, "private, max-age=3600");
}
