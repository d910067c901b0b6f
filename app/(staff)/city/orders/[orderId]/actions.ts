"use server";

import { revalidatePublicOrderCounts } from "@/app/_lib/revalidate";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { failure, fieldErrorsOf, success, type ActionState, invalidRequest, isForm } from "@/app/_lib/action-state";
import { requirePermission, requireUser } from "@/app/_lib/guards";
import { actorOf } from "@/app/_lib/actor";
import { getDatabase } from "@/db/index";
import { closeOrder, returnOrder, type OrderOutcome } from "@/db/mutations/orders";
import { getOrder } from "@/db/queries/orders";
import { conflictMessage } from "@/domain/conflict";
import { ORDER_STATUS_LABELS } from "@/domain/labels";
import { hiddenCharacters } from "@/domain/text-rules";

const base = z.object({ orderId: z.coerce.number().int().positive(), version: z.coerce.number().int().positive() });

function why(o: OrderOutcome): string {
  if (o.ok) return "";
  if (o.reason === "conflict") return conflictMessage({ currentText: ORDER_STATUS_LABELS[o.current.status], updatedByName: o.current.updatedByName, updatedAt: o.current.updatedAt });
  if (o.reason === "state") return `督办单当前为“${o.status ? ORDER_STATUS_LABELS[o.status] : "未知"}”，不能执行此操作`;
  return "没有找到这张督办单";
}

async function load(formData: FormData, action: "order.return" | "order.close") {
  const parsed = base.safeParse({ orderId: formData.get("orderId"), version: formData.get("version") });
  if (!parsed.success) return null;
  const order = await getOrder(parsed.data.orderId);
  if (!order) return null;
  await requirePermission(action, { order: { districtId: order.districtId, departmentId: order.departmentId, status: order.status } });
  return { order, version: parsed.data.version };
}

export async function returnOrderAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requireUser();
  if (!isForm(formData)) return invalidRequest();
  const target = await load(formData, "order.return");
  if (!target) return failure("没有找到这张督办单");
  const comment = z.string().trim().min(4, "请写明退回原因（至少 4 个字）").max(1000, "最多 1000 字").superRefine(hiddenCharacters("退回原因", true)).safeParse(formData.get("comment") ?? "");
  if (!comment.success) return failure("请检查标出的字段", fieldErrorsOf(comment.error.issues.map((i) => ({ ...i, path: ["comment"] }))));
  const o = await returnOrder(await getDatabase(), { id: target.order.id, expectedVersion: target.version, comment: comment.data, actor: await actorOf(user) });
  if (!o.ok) return failure(why(o));
  revalidatePath(`/city/orders/${target.order.id}`);
  return success("已退回，责任单位需重新办理");
}

export async function closeOrderAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requireUser();
  if (!isForm(formData)) return invalidRequest();
  const target = await load(formData, "order.close");
  if (!target) return failure("没有找到这张督办单");
  const parsedNote = z.string().trim().max(1000, "销号意见最多 1000 字").superRefine(hiddenCharacters("销号意见", true)).safeParse(String(formData.get("note") ?? ""));
  // The close form shows the form's message only (no field error slot): the message says which field.
  if (!parsedNote.success) return failure(`${parsedNote.error.issues[0]?.message ?? "销号意见无效"}；未销号`);
  const note = parsedNote.data;
  const o = await closeOrder(await getDatabase(), { id: target.order.id, expectedVersion: target.version, note: note || "办理情况属实，同意销号", actor: await actorOf(user) });
  if (!o.ok) return failure(why(o));
  revalidatePath(`/city/orders/${target.order.id}`);
  revalidatePath("/city/orders");
  await revalidatePublicOrderCounts();
  return success("已销号");
}
