"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { INVALID_REQUEST, failure, fieldErrorsOf, success, type ActionState, invalidRequest, isForm } from "@/app/_lib/action-state";
import { idSchema } from "@/app/_lib/form-parse";
import { requirePermission, requireUser } from "@/app/_lib/guards";
import { actorOf } from "@/app/_lib/actor";
import { monthLabel } from "@/domain/months";
import { getDatabase } from "@/db/index";
import { setPeriodHistorical } from "@/db/mutations/periods";
import { lockPeriod, unlockPeriod, type LockOutcome } from "@/db/mutations/review";
import { hiddenCharacters } from "@/domain/text-rules";

const base = z.object({ periodId: idSchema, version: idSchema, month: z.string().regex(/^\d{4}-\d{2}$/) });

function why(o: LockOutcome): string {
  if (o.ok) return "";
  if (o.reason === "unapproved") return `还有区县的月报未审核通过（${o.pending?.join("、")}），不能锁定`;
  return o.reason === "conflict" ? "该月份状态已被他人修改，请刷新页面后再操作" : "没有找到该月份";
}

export async function lockPeriodAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requireUser();
  if (!isForm(formData)) return invalidRequest();
  const parsed = base.safeParse({ periodId: formData.get("periodId"), version: formData.get("version"), month: formData.get("month") });
  if (!parsed.success) return failure(INVALID_REQUEST);
  await requirePermission("period.lock", { state: "approved" });
  const o = await lockPeriod(await getDatabase(), { periodId: parsed.data.periodId, expectedVersion: parsed.data.version, actor: await actorOf(user) });
  if (!o.ok) return failure(why(o));
  revalidatePath("/city/periods");
  return success(`已锁定${monthLabel(parsed.data.month)}`);
}

export async function unlockPeriodAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requireUser();
  if (!isForm(formData)) return invalidRequest();
  const parsed = base.extend({ reason: z.string().trim().min(4, "请写明解锁原因（至少 4 个字）").max(500, "最多 500 字").superRefine(hiddenCharacters("解锁原因", true)) }).safeParse({
    periodId: formData.get("periodId"),
    version: formData.get("version"),
    month: formData.get("month"),
    reason: formData.get("reason") ?? "",
  });
  if (!parsed.success) return failure("请检查标出的字段", fieldErrorsOf(parsed.error.issues));
  await requirePermission("period.unlock", { state: "locked" });
  const o = await unlockPeriod(await getDatabase(), {
    periodId: parsed.data.periodId,
    expectedVersion: parsed.data.version,
    reason: parsed.data.reason,
    actor: await actorOf(user),
  });
  if (!o.ok) return failure(why(o));
  revalidatePath("/city/periods");
  return success(`已解锁${monthLabel(parsed.data.month)}，原因已记录`);
}

const historicalSchema = base.extend({
  historical: z.enum(["1", "0"]),
  reason: z.string().trim().max(200, "最多 200 字"),
}).refine((v) => v.historical === "0" || v.reason.length >= 4, { path: ["reason"], message: "请写明补录原因（至少 4 个字）" });

/** Marks a month as history entered late on purpose (历史补录), or clears the mark. */
export async function setHistoricalAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requirePermission("campaign.manage");
  if (!isForm(formData)) return invalidRequest();
  const parsed = historicalSchema.safeParse({
    periodId: formData.get("periodId"),
    version: formData.get("version"),
    month: formData.get("month"),
    historical: formData.get("historical"),
    reason: formData.get("reason") ?? "",
  });
  if (!parsed.success) return failure("请检查标出的字段", fieldErrorsOf(parsed.error.issues));
  const mark = parsed.data.historical === "1";
  const o = await setPeriodHistorical(await getDatabase(), {
    periodId: parsed.data.periodId,
    expectedVersion: parsed.data.version,
    historical: mark,
    reason: mark ? parsed.data.reason : null,
    actor: await actorOf(user),
  });
  if (!o.ok) {
    if (o.reason === "refused") return failure(o.message, o.field ? { [o.field]: o.message } : {});
    return failure(o.reason === "conflict" ? "该月份状态已被他人修改，请刷新页面后再操作" : o.reason === "archived" ? "该专项已归档，不能修改" : "没有找到该月份");
  }
  revalidatePath("/city", "layout");
  revalidatePath("/district", "layout");
  return success(mark ? `已将${monthLabel(parsed.data.month)}标为历史补录，不计迟报` : `已取消${monthLabel(parsed.data.month)}的历史补录标记`);
}
