import { requirePublicRead } from "@/app/_lib/guards";
import { fileResponse } from "@/app/_lib/evidence/serve";
import { getAttachmentFile } from "@/db/queries/attachments";

/**
 * GET /api/v1/photos/:id[?size=thumb] — a project photo the campaign office marked public, on a
 * public project; anything else is a plain 404 (nothing says whether it exists). Only the
 * re-encoded copy exists in storage, so what is served carries no EXIF: no GPS, no camera.
 * A short shared-cache lifetime, so a photo taken off the public page stops being served soon.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  requirePublicRead();
  const { id } = await params;
  const gone = () => new Response("未找到", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  if (!/^[1-9]\d{0,9}$/.test(id)) return gone();
  const variant = new URL(request.url).searchParams.get("size") === "thumb" ? "thumb" : "file";
  const f = await getAttachmentFile(Number(id), variant);
  if (!f || f.subject !== "project_month" || f.kind !== "photo" || !f.isPublic || f.projectIsPublic !== true) return gone();
  return fileResponse(request, { sha256: f.sha256, mime: f.mime, content: f.content, kind: "photo", downloadName: `photo-${f.id}.jpg` }, "public, max-age=300");
}
