"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { failure, fieldErrorsOf, success, type ActionState } from "@/app/_lib/action-state";
import { requirePermission, requireUser } from "@/app/_lib/guards";
import { clientAddress } from "@/app/_lib/request-info";
import { revalidatePublic } from "@/app/_lib/revalidate";
import { getDatabase } from "@/db/index";
import { approveReport, returnReport, type ReviewOutcome } from "@/db/mutations/review";
import { getReportForReview } from "@/db/queries/review";
import { monthState } from "@/db/queries/reporting";

const base = z.object({ reportId: z.coerce.number().int().positive(), version: z.coerce.number().int().positive() });
const returnSchema = base.extend({ comment: z.string().trim().min(4, "请写明退回原因（至少 4 个字）").max(1000, "退回意见最多 1000 字") });

function outcomeMessage(o: ReviewOutcome): string {
  if (o.ok) return "";
  if (o.reason === "flagged") return `这份月报有 ${o.flags} 条未处理的数据合理性提醒，请逐条查看后勾选“已核实提醒”再审核通过`;
  return { "not-found": "没有找到这份月报", conflict: "这份月报已被他人处理或修改，请刷新页面后再操作", state: "这份月报当前不在“待审核”状态" }[o.reason];
}

export async function approveAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requireUser();
  const parsed = base.safeParse({ reportId: formData.get("reportId"), version: formData.get("version") });
  if (!parsed.success) return failure("请求无效，请刷新页面后重试");
  const report = await getReportForReview(parsed.data.reportId);
  if (!report) return failure("没有找到这份月报");
  await requirePermission("report.approve", { districtId: report.districtId, state: monthState(report.locked, report.status) });
  const o = await approveReport(await getDatabase(), { reportId: report.id, expectedVersion: parsed.data.version, acceptFlags: formData.get("acceptFlags") === "1", actor: { id: user.id, name: user.username, clientAddress: await clientAddress() } });
  if (!o.ok) return failure(outcomeMessage(o));
  revalidatePublic();
  revalidatePath("/city/review");
  revalidatePath(`/city/review/${report.id}`);
  return success(`已审核通过 ${report.districtName} 的月报`);
}

export async function returnAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requireUser();
  const raw = { reportId: formData.get("reportId"), version: formData.get("version"), comment: formData.get("comment") ?? "" };
  const parsed = returnSchema.safeParse(raw);
  if (!parsed.success) return failure("请检查标出的字段", fieldErrorsOf(parsed.error.issues), { comment: String(raw.comment) });
  const report = await getReportForReview(parsed.data.reportId);
  if (!report) return failure("没有找到这份月报");
  await requirePermission("report.return", { districtId: report.districtId, state: monthState(report.locked, report.status) });
  const o = await returnReport(await getDatabase(), {
    reportId: report.id,
    expectedVersion: parsed.data.version,
    comment: parsed.data.comment,
    actor: { id: user.id, name: user.username, clientAddress: await clientAddress() },
  });
  if (!o.ok) return failure(outcomeMessage(o), {}, { comment: parsed.data.comment });
  revalidatePath("/city/review");
  revalidatePath(`/city/review/${report.id}`);
  return success(`已退回 ${report.districtName} 的月报`);
}
