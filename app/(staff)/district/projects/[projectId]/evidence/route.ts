import { revalidatePath } from "next/cache";
import { notFound } from "next/navigation";
import { recordDenied, requirePermission, requireSameOrigin, requireUser } from "@/app/_lib/guards";
import { readUploadForm, storeUpload } from "@/app/_lib/evidence/store-upload";
import { backTo } from "@/app/_lib/evidence/upload-form";
import { getProjectAccessFacts } from "@/db/queries/projects";
import type { Refusal } from "@/domain/evidence/messages";
import { isMonth } from "@/domain/months";
import { canEditMonth, projectAccess, stateOfMonth } from "../../access";

/**
 * POST /district/projects/:projectId/evidence — attach one photo or document to a project's month
 * (形象进度照片). A route handler, not a server action: server actions cap bodies at a few MB
 * and photos are larger (scripts/server.mjs lets this path through up to the file limit).
 * The district comes from the project and must be the caller's (403 and audited otherwise); the
 * month must be one the district can still edit (not submitted, approved or locked). A plain form
 * post: the answer is a redirect back to the project page with an outcome code, so it works
 * without JavaScript and no text from the client is echoed.
 */
export async function POST(request: Request, { params }: { params: Promise<{ projectId: string }> }): Promise<Response> {
  const refusal = requireSameOrigin(request);
  if (refusal) return refusal;
  const user = await requireUser();
  const access = await projectAccess(user);
  const { projectId } = await params;
  if (!/^[1-9]\d{0,8}$/.test(projectId)) notFound();
  const [facts] = await getProjectAccessFacts(access.campaign.id, [Number(projectId)]);
  if (!facts) notFound();
  const { ownerDepartmentIds } = access;
  // Another district's project: 403, audited, before the body is read.
  await requirePermission("record.edit", { districtId: facts.districtId, ownerDepartmentIds });

  const back = (code: Refusal | "ok", month: string | null, n?: number) => backTo(`/district/projects/${facts.id}`, code, { evm: month ?? undefined }, n);

  const form = await readUploadForm(request);
  if (!form) return back("stale", null);
  const month = form.get("month");
  if (typeof month !== "string" || !isMonth(month) || month.slice(0, 4) !== String(access.campaign.year)) return back("month", null);
  const state = await stateOfMonth(access.campaign.id, facts.districtId, month);
  const resource = { districtId: facts.districtId, state, ownerDepartmentIds };
  if (!canEditMonth(user, access, facts.districtId, state)) {
    await recordDenied(user, "record.edit", { ...resource, month, projectId: facts.id, attachment: true });
    return back("month-closed", month);
  }
  await requirePermission("record.edit", resource);

  const stored = await storeUpload(form, { campaignId: access.campaign.id, districtId: facts.districtId, subject: "project_month", subjectId: facts.id, month }, user);
  if (stored.code === "gone") notFound();
  if (stored.code !== "ok") return back(stored.code, month, stored.n);
  revalidatePath(`/district/projects/${facts.id}`);
  return back("ok", month);
}
