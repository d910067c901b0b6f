import { revalidatePath } from "next/cache";
import { notFound } from "next/navigation";
import { recordDenied, requirePermission, requireSameOrigin, requireUser } from "@/app/_lib/guards";
import { readUploadForm, storeUpload } from "@/app/_lib/evidence/store-upload";
import { backTo } from "@/app/_lib/evidence/upload-form";
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
  const form = await readUploadForm(request);
  if (!form) return back("stale");
  const stored = await storeUpload(form, { campaignId: access.campaignId, districtId: signing.districtId, subject: "signing", subjectId: signing.id, month: null }, user);
  if (stored.code === "gone") notFound();
  if (stored.code !== "ok") return back(stored.code, stored.n);
  revalidatePath(`/district/signings/${signing.id}`);
  return back("ok");
}
