"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { INVALID_REQUEST, failure, fieldErrorsOf, success, type ActionState, invalidRequest, isForm } from "@/app/_lib/action-state";
import { idSchema } from "@/app/_lib/form-parse";
import { requirePermission, requireUser } from "@/app/_lib/guards";
import { actorOf } from "@/app/_lib/actor";
import { revalidatePublic } from "@/app/_lib/revalidate";
import { getDatabase } from "@/db/index";
import { approveReport, reopenReport, returnReport } from "@/db/mutations/review";
import { getReviewHead } from "@/db/queries/review";
import { monthState } from "@/db/queries/reporting";
import { outcomeMessage } from "../_lib/outcome";
import { hiddenCharacters } from "@/domain/text-rules";

const base = z.object({ reportId: idSchema, version: idSchema });
const returnSchema = base.extend({ comment: z.string().trim().min(4, "请写明退回原因（至少 4 个字）").max(1000, "退回意见最多 1000 字").superRefine(hiddenCharacters("退回意见", true)) });
const reopenSchema = base.extend({ reason: z.string().trim().min(4, "请写明更正原因（至少 4 个字）").max(500, "更正原因最多 500 字").superRefine(hiddenCharacters("更正原因", true)) });

function revalidateReview(reportId: number) {
  revalidatePath("/city/review");
  revalidatePath(`/city/review/${reportId}`);
}

export async function approveAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requireUser();
  if (!isForm(formData)) return invalidRequest();
  const parsed = base.safeParse({ reportId: formData.get("reportId"), version: formData.get("version") });
  if (!parsed.success) return failure(INVALID_REQUEST);
  const report = await getReviewHead(parsed.data.reportId);
  if (!report) return failure("没有找到这份月报");
  await requirePermission("report.approve", { districtId: report.districtId, state: monthState(report.locked, report.status) });
  const o = await approveReport(await getDatabase(), { reportId: report.id, expectedVersion: parsed.data.version, acceptFlags: formData.get("acceptFlags") === "1", actor: await actorOf(user) });
  if (!o.ok) return failure(outcomeMessage(o));
  revalidatePublic();
  revalidateReview(report.id);
  return success(`已审核通过 ${report.districtName} 的月报`);
}

export async function returnAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requireUser();
  if (!isForm(formData)) return invalidRequest();
  const raw = { reportId: formData.get("reportId"), version: formData.get("version"), comment: formData.get("comment") ?? "" };
  const parsed = returnSchema.safeParse(raw);
  if (!parsed.success) return failure("请检查标出的字段", fieldErrorsOf(parsed.error.issues), { comment: String(raw.comment) });
  const report = await getReviewHead(parsed.data.reportId);
  if (!report) return failure("没有找到这份月报");
  await requirePermission("report.return", { districtId: report.districtId, state: monthState(report.locked, report.status) });
  const o = await returnReport(await getDatabase(), {
    reportId: report.id,
    expectedVersion: parsed.data.version,
    comment: parsed.data.comment,
    actor: await actorOf(user),
  });
  if (!o.ok) return failure(outcomeMessage(o), {}, { comment: parsed.data.comment });
  revalidateReview(report.id);
  return success(`已退回 ${report.districtName} 的月报`);
}

/** Reopens an approved, unlocked month for correction; a locked month must be unlocked first. */
export async function reopenAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requireUser();
  if (!isForm(formData)) return invalidRequest();
  const raw = { reportId: formData.get("reportId"), version: formData.get("version"), reason: formData.get("reason") ?? "" };
  const parsed = reopenSchema.safeParse(raw);
  if (!parsed.success) return failure("请检查标出的字段", fieldErrorsOf(parsed.error.issues), { reason: String(raw.reason) });
  const report = await getReviewHead(parsed.data.reportId);
  if (!report) return failure("没有找到这份月报");
  await requirePermission("report.reopen", { districtId: report.districtId, state: monthState(report.locked, report.status) });
  const o = await reopenReport(await getDatabase(), {
    reportId: report.id,
    expectedVersion: parsed.data.version,
    reason: parsed.data.reason,
    actor: await actorOf(user),
  });
  if (!o.ok) return failure(o.reason === "state" ? "只有已审核且未锁定的月份可以重新打开" : outcomeMessage(o), {}, { reason: parsed.data.reason });
  // The public pages keep the approved figures, but may say a correction is under way.
  revalidatePublic();
  revalidateReview(report.id);
  return success(`已重新打开 ${report.districtName} 的月报，等待区县更正后重新报送`);
}
