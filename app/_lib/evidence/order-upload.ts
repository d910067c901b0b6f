import "server-only";
import { revalidatePath } from "next/cache";
import { notFound } from "next/navigation";
import { recordDenied, requirePermission, requireSameOrigin, requireUser } from "@/app/_lib/guards";
import { getOrderEvidenceOwner } from "@/db/queries/attachment-records";
import { getOrder } from "@/db/queries/orders";
import type { Refusal } from "@/domain/evidence/messages";
import { can } from "@/domain/policy";
import { readUploadForm, storeUpload } from "./store-upload";
import { backTo } from "./upload-form";

/**
 * One file on a supervision order: with its answer (`order_answer`, by the responsible district or
 * department while the order can be answered: order.respond) or with its closure (`order_close`,
 * by the campaign office while the answer waits for it: order.close). Whoever may not read the
 * order gets 403 (audited) before the body is read; a reader who may not add now is sent back with
 * a message (audited too). The file is filed under the answering department (for a department's
 * order) and the district the order is about (its own, or its project's or problem's; none for a
 * department's order on an indicator). A plain form post answered with a redirect.
 */
export async function postOrderEvidence(request: Request, orderIdParam: string, subject: "order_answer" | "order_close"): Promise<Response> {
  const refusal = requireSameOrigin(request);
  if (refusal) return refusal;
  const user = await requireUser();
  if (!/^[1-9]\d{0,8}$/.test(orderIdParam)) notFound();
  const order = await getOrder(Number(orderIdParam));
  if (!order) notFound();
  const scope = { order: { districtId: order.districtId, departmentId: order.departmentId, status: order.status } };
  await requirePermission("order.read", scope);
  const area = subject === "order_close" ? "city" : "district";
  const back = (code: Refusal | "ok", n?: number) => backTo(`/${area}/orders/${order.id}`, code, { evs: subject }, n);
  const action = subject === "order_answer" ? "order.respond" : "order.close";
  if (!can(user, action, scope)) {
    await recordDenied(user, action, { ...scope, attachment: true });
    return back("order-closed");
  }
  await requirePermission(action, scope);
  const owner = await getOrderEvidenceOwner(order.id);
  if (!owner) notFound();
  const form = await readUploadForm(request);
  if (!form) return back("stale");
  const stored = await storeUpload(form, { campaignId: order.campaignId, districtId: owner.districtId, departmentId: owner.departmentId, subject, subjectId: order.id, month: null }, user);
  if (stored.code === "gone") return back("order-closed");
  if (stored.code !== "ok") return back(stored.code, stored.n);
  revalidatePath(`/district/orders/${order.id}`);
  revalidatePath(`/city/orders/${order.id}`);
  return back("ok");
}
