"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { INVALID_REQUEST, failure, success, type ActionState, invalidRequest, isForm } from "@/app/_lib/action-state";
import { requirePermission } from "@/app/_lib/guards";
import { actorOf } from "@/app/_lib/actor";
import { monthLabel } from "@/domain/months";
import { can } from "@/domain/policy";
import { revalidatePublic } from "@/app/_lib/revalidate";
import { getDatabase } from "@/db/index";
import { approveReport, type ReviewOutcome } from "@/db/mutations/review";
import { getReviewHead } from "@/db/queries/review";
import { monthState } from "@/db/queries/reporting";

const PICK = /^(\d{1,12}):(\d{1,9})$/;
const picksSchema = z.array(z.string().regex(PICK)).min(1, "请先勾选要审核通过的月报").max(500, "一次最多审核 500 份月报");

function refusal(o: Exclude<ReviewOutcome, { ok: true }>): string {
  if (o.reason === "flagged") return `有 ${o.flags} 条未核实的数据提醒，请逐条查看，或勾选“所选月报中的数据提醒我已核实”后再提交`;
  return { "not-found": "没有找到这份月报", conflict: "已被他人处理或修改，请刷新页面后再操作", state: "不在“待审核”状态" }[o.reason];
}

/**
 * Approves several submitted months at once. Each one is its own approval (the same checks,
 * its own transaction and audit row); a month with unresolved plausibility flags is refused
 * unless the reviewer confirmed the flags of the selection. Values are "reportId:version".
 */
export async function bulkApproveAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requirePermission("report.approve", { state: "submitted" });
  if (!isForm(formData)) return invalidRequest();
  const parsed = picksSchema.safeParse(formData.getAll("pick").map(String));
  if (!parsed.success) return failure(parsed.error.issues[0]?.message ?? INVALID_REQUEST);
  const acceptFlags = formData.get("acceptFlags") === "1";
  const open = await getDatabase();
  const actor = await actorOf(user);
  const approved: string[] = [];
  const refused: string[] = [];
  const done = new Set<number>();
  for (const pick of parsed.data) {
    const [, idText, versionText] = PICK.exec(pick)!;
    const reportId = Number(idText);
    if (done.has(reportId)) continue;
    done.add(reportId);
    const head = await getReviewHead(reportId);
    if (!head) {
      refused.push(`编号 ${reportId}：没有找到这份月报`);
      continue;
    }
    const who = `${head.districtName} ${monthLabel(head.month)}`;
    if (!can(user, "report.approve", { districtId: head.districtId, state: monthState(head.locked, head.status) })) {
      refused.push(`${who}：${head.locked ? "该月已锁定" : "不在“待审核”状态"}`);
      continue;
    }
    const o = await approveReport(open, { reportId, expectedVersion: Number(versionText), acceptFlags, actor });
    if (o.ok) approved.push(who);
    else refused.push(`${who}：${refusal(o)}`);
  }
  if (approved.length > 0) {
    revalidatePublic();
    revalidatePath("/city/review");
    for (const id of done) revalidatePath(`/city/review/${id}`);
  }
  const message = `批量审核：通过 ${approved.length} 份${refused.length ? `，未通过 ${refused.length} 份` : ""}`;
  const values = { approved: approved.join("\n"), refused: refused.join("\n") };
  return refused.length === 0 ? success(message, values) : failure(message, {}, values);
}
