import { notFound } from "next/navigation";
import { requirePermission, requireUser } from "@/app/_lib/guards";
import { downloadName, fileResponse } from "@/app/_lib/evidence/serve";
import { getAttachmentFile } from "@/db/queries/attachments";
import { getRecordOwners } from "@/db/queries/reporting";

/**
 * GET /api/files/:id[?size=thumb] — an attachment for staff, under its record's guard: the
 * record's district (or a department owning the record kind, or the city roles) may read it;
 * anyone else gets 403 and the attempt is audited. Never cached by shared caches.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  await requireUser();
  const { id } = await params;
  if (!/^[1-9]\d{0,9}$/.test(id)) notFound();
  const variant = new URL(request.url).searchParams.get("size") === "thumb" ? "thumb" : "file";
  const f = await getAttachmentFile(Number(id), variant);
  if (!f) notFound();
  const owners = await getRecordOwners(f.campaignId);
  const ownerDepartmentIds = f.subject === "project_month" ? owners.projects : f.problemType ? (owners.problems[f.problemType] ?? []) : [];
  await requirePermission("report.read", { districtId: f.districtId, ownerDepartmentIds });
  const ext = f.mime === "image/jpeg" ? "jpg" : f.mime === "application/pdf" ? "pdf" : (f.originalName.match(/\.(docx|xlsx|pptx)$/i)?.[1] ?? "bin");
  return fileResponse(request, { sha256: f.sha256, mime: f.mime, content: f.content, kind: f.kind, downloadName: downloadName(f.originalName, f.id, ext) }, "private, max-age=3600");
}
