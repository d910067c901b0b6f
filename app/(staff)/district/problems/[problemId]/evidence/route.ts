import { revalidatePath } from "next/cache";
import { notFound } from "next/navigation";
import { recordDenied, requirePermission, requireSameOrigin, requireUser } from "@/app/_lib/guards";
import { readUploadForm, storeUpload } from "@/app/_lib/evidence/store-upload";
import { backTo } from "@/app/_lib/evidence/upload-form";
import { getProblem } from "@/db/queries/problems";
import type { Refusal } from "@/domain/evidence/messages";
import { monthOf } from "@/domain/months";
import { monthEditable, problemOwners, requireRecordAccess } from "../../../_lib/access";

/**
 * POST /district/problems/:problemId/evidence — a photo or document on a problem: `stage=report`
 * (what the problem looks like when reported) or `stage=resolution` (proof it was solved; only on
 * a resolved problem, and only while the month it counts in — the resolution date's — is still
 * editable, as for the resolution itself). The problem's own district decides the permission
 * (403 and audited otherwise). A plain form post answered with a redirect, as for projects.
 */
export async function POST(request: Request, { params }: { params: Promise<{ problemId: string }> }): Promise<Response> {
  const refusal = requireSameOrigin(request);
  if (refusal) return refusal;
  const user = await requireUser();
  const { problemId } = await params;
  const access = await requireRecordAccess(user, "problems", `/district/problems/${encodeURIComponent(problemId)}`);
  if (!/^[1-9]\d{0,8}$/.test(problemId)) notFound();
  const problem = await getProblem(Number(problemId), access.campaignId);
  if (!problem) notFound();
  const ownerDepartmentIds = problemOwners(access.owners, problem.type);
  await requirePermission("record.edit", { districtId: problem.districtId, ownerDepartmentIds });
  const back = (code: Refusal | "ok", stage?: string, n?: number) => backTo(`/district/problems/${problem.id}`, code, { evs: stage }, n);

  const form = await readUploadForm(request);
  if (!form) return back("stale");
  const stage = form.get("stage") === "resolution" ? "resolution" : "report";
  let month: string | null = null;
  if (stage === "resolution") {
    if (problem.status !== "resolved" || !problem.resolvedOn) return back("stale", stage);
    month = monthOf(problem.resolvedOn);
    if (!(await monthEditable(user, { campaignId: access.campaignId, districtId: problem.districtId, ownerDepartmentIds }, month))) {
      await recordDenied(user, "record.edit", { districtId: problem.districtId, ownerDepartmentIds, month, problemId: problem.id, attachment: true });
      return back("month-closed", stage);
    }
  }
  const stored = await storeUpload(form, { campaignId: access.campaignId, districtId: problem.districtId, subject: stage === "resolution" ? "problem_resolution" : "problem", subjectId: problem.id, month }, user);
  if (stored.code === "gone") notFound();
  if (stored.code !== "ok") return back(stored.code, stage, stored.n);
  revalidatePath(`/district/problems/${problem.id}`);
  return back("ok", stage);
}
