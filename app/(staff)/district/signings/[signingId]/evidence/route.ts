import { revalidatePath } from "next/cache";
import { notFound } from "next/navigation";
import { actorOf } from "@/app/_lib/actor";
import { recordDenied, requirePermission, requireSameOrigin, requireUser } from "@/app/_lib/guards";
import { currentEvidenceSettings } from "@/app/_lib/evidence/settings";
import { backTo, checkUploadForm } from "@/app/_lib/evidence/upload-form";
import { getDatabase } from "@/db/index";
import { insertAttachment } from "@/db/mutations/attachments";
import { getSigning } from "@/db/queries/signings";
import type { Refusal } from "@/domain/evidence/messages";
import { monthOf } from "@/domain/months";
import { monthEditable, requireRecordAccess } from "../../../_lib/access";

/**
 * POST /district/signings/:signingId/evidence — the signed agreement's cover page (a photo or a
 * PDF) on a signing, by the district owning it (or the department owning signings, or the
 * campaign office): another district gets 403 (audited) before the body is read. The signing
 * counts in the month it was signed, so that month must still be editable, as for its amount.
 */
export async function POST(request: Request, { params }: { params: Promise<{ signingId: string }> }): Promise<Response> {
  const refusal = requireSameOrigin(request);
  if (refusal) return refusal;
  const user = await requireUser();
  const { signingId } = await params;
  const access = await requireRecordAccess(user, "signings", `/district/signings/${encodeURIComponent(signingId)}`);
  if (!/^[1-9]\d{0,8}$/.test(signingId)) notFound();
  const signing = await getSigning(Number(signingId), access.campaignId);
  if (!signing) notFound();
  const ownerDepartmentIds = access.owners.signings;
  await requirePermission("record.edit", { districtId: signing.districtId, ownerDepartmentIds });
  const back = (code: Refusal | "ok", n?: number) => backTo(`/district/signings/${signing.id}`, code, { evs: "signing" }, n);
  const month = monthOf(signing.signedOn);
  if (!(await monthEditable(user, { campaignId: access.campaignId, districtId: signing.districtId, ownerDepartmentIds }, month))) {
    await recordDenied(user, "record.edit", { districtId: signing.districtId, ownerDepartmentIds, month, signingId: signing.id, attachment: true });
    return back("month-closed");
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return back("stale");
  }
  const checked = await checkUploadForm(form);
  if (!checked.ok) return back(checked.code, checked.n);
  const result = await insertAttachment(
    await getDatabase(),
    { campaignId: access.campaignId, districtId: signing.districtId, subject: "signing", subjectId: signing.id, month: null },
    checked.stored,
    { caption: checked.caption, originalName: checked.originalName },
    await actorOf(user),
    currentEvidenceSettings().maxRecordBytes,
  );
  if (!result.ok) {
    if (result.reason === "not-found") notFound();
    return result.reason === "duplicate" ? back("duplicate") : back("record-full", result.usedBytes);
  }
  revalidatePath(`/district/signings/${signing.id}`);
  return back("ok");
}
