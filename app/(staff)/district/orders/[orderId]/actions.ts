"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { failure, fieldErrorsOf, success, type ActionState, invalidRequest, isForm } from "@/app/_lib/action-state";
import { conflictMessage } from "@/domain/conflict";
import { requirePermission, requireUser } from "@/app/_lib/guards";
import { can } from "@/domain/policy";
import { ORDER_STATUS_LABELS } from "@/domain/labels";
import { isDate } from "@/domain/months";
import { actorOf } from "@/app/_lib/actor";
import { getDatabase } from "@/db/index";
import { respondOrder } from "@/db/mutations/orders";
import { getOrder } from "@/db/queries/orders";
import { hiddenCharacters } from "@/domain/text-rules";

const schema = z.object({
  orderId: z.coerce.number().int().positive(),
  version: z.coerce.number().int().positive(),
  causes: z.string().trim().min(4, "请分析原因（至少 4 个字）").max(2000, "最多 2000 字").superRefine(hiddenCharacters("原因分析", true)),
  measures: z.string().trim().min(4, "请写明整改措施（至少 4 个字）").max(2000, "最多 2000 字").superRefine(hiddenCharacters("整改措施", true)),
  expectedOn: z.string().refine(isDate, "请选择预计完成日期"),
});

/** The responsible district or department answers an order (only it may: checked against the session). */
export async function respondOrderAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requireUser();
  if (!isForm(formData)) return invalidRequest();
  const raw = Object.fromEntries(["orderId", "version", "causes", "measures", "expectedOn"].map((k) => [k, String(formData.get(k) ?? "")]));
  const parsed = schema.safeParse(raw);
  const order = parsed.success ? await getOrder(parsed.data.orderId) : null;
  // Only the responsible side may answer: a caller who is not gets 403 (and the attempt is audited).
  // The responsible side answering an order that has moved on meanwhile gets a clear message.
  if (order) await requirePermission("order.read", { order: { districtId: order.districtId, departmentId: order.departmentId, status: order.status } });
  if (!parsed.success) return failure("请检查标出的字段", fieldErrorsOf(parsed.error.issues), raw);
  if (!order) return failure("没有找到这张督办单", {}, raw);
  if (!can(user, "order.respond", { order: { districtId: order.districtId, departmentId: order.departmentId, status: order.status } })) {
    if (user.role === "district_editor" || user.role === "department_editor") {
      return failure(`未保存：这张督办单当前为“${ORDER_STATUS_LABELS[order.status]}”，可能已由同事反馈。请刷新页面查看。`, {}, raw);
    }
    await requirePermission("order.respond", { order: { districtId: order.districtId, departmentId: order.departmentId, status: order.status } });
  }
  const o = await respondOrder(await getDatabase(), {
    id: order.id,
    expectedVersion: parsed.data.version,
    causes: parsed.data.causes,
    measures: parsed.data.measures,
    expectedOn: parsed.data.expectedOn,
    actor: await actorOf(user),
  });
  if (!o.ok) {
    if (o.reason === "conflict") return failure(conflictMessage({ currentText: ORDER_STATUS_LABELS[o.current.status], updatedByName: o.current.updatedByName, updatedAt: o.current.updatedAt }), {}, raw);
    return failure("督办单当前不能反馈（可能已反馈或已销号），请刷新页面", {}, raw);
  }
  revalidatePath(`/district/orders/${order.id}`);
  revalidatePath("/district");
  return success("已反馈，等待市里审核销号");
}
