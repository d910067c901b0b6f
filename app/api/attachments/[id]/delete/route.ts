import { revalidatePath } from "next/cache";
import { actorOf } from "@/app/_lib/actor";
import { recordDenied, requirePermission, requireSameOrigin, requireUser } from "@/app/_lib/guards";
import { requireReadableAttachment } from "@/app/_lib/evidence/record-guard";
import { backTo } from "@/app/_lib/evidence/upload-form";
import { getDatabase } from "@/db/index";
import { deleteAttachment } from "@/db/mutations/attachment-delete";
import { can } from "@/domain/policy";

/**
 * POST /api/attachments/:id/delete (version) — removes one attachment, from a plain form the
 * record's page shows behind a confirmation (works without JavaScript). Who may: whoever may
 * still add files to the record (app/_lib/evidence/record-guard.ts). Someone who may not even read
 * the record gets 403 (audited); its owner on a month that is approved or locked, or an order that
 * has moved on, is sent back with a message (also audited). The transaction re-checks the version
 * and the record's state, removes blobs nothing else uses and audits the old values.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const refusal = requireSameOrigin(request);
  if (refusal) return refusal;
  const user = await requireUser();
  const { id } = await params;
  const { record, guard } = await requireReadableAttachment(user, id);
  const extra = { evm: record.subject === "project_month" ? (record.month ?? undefined) : undefined };
  const back = (code: Parameters<typeof backTo>[1]) => backTo(guard.path, code, extra);
  if (!can(user, guard.edit.action, guard.edit.resource)) {
    await recordDenied(user, guard.edit.action, { ...guard.edit.resource, attachmentId: record.id, delete: true });
    return back(record.subject === "order_answer" || record.subject === "order_close" ? "order-closed" : "delete-closed");
  }
  await requirePermission(guard.edit.action, guard.edit.resource);
  let version: number;
  try {
    const raw = (await request.formData()).get("version");
    version = typeof raw === "string" && /^[1-9]\d{0,8}$/.test(raw) ? Number(raw) : NaN;
  } catch {
    return back("stale");
  }
  if (!Number.isInteger(version)) return back("stale");
  const result = await deleteAttachment(await getDatabase(), { id: record.id, expectedVersion: version, month: guard.month }, await actorOf(user));
  if (!result.ok) return back(result.reason === "closed" ? "delete-closed" : "conflict");
  revalidatePath(guard.path);
  return back("deleted");
}
