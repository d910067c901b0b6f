"use server";

import { revalidatePublicOrderCounts } from "@/app/_lib/revalidate";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { failure, fieldErrorsOf, type ActionState, invalidRequest, isForm } from "@/app/_lib/action-state";
import { requirePermission } from "@/app/_lib/guards";
import { isDate, todayInShanghai } from "@/domain/months";
import { actorOf } from "@/app/_lib/actor";
import { getDatabase } from "@/db/index";
import { issueOrder } from "@/db/mutations/orders";
import { getCurrentCampaign } from "@/db/queries/campaigns";
import { ORDER_LEVELS } from "@/domain/codes";
import { hiddenCharacters } from "@/domain/text-rules";

const optionalId = z.preprocess((v) => (v === "" || v == null ? null : v), z.coerce.number().int().positive().nullable());

const schema = z.object({
  subjectType: z.enum(["indicator", "project", "problem", "other"]),
  indicatorId: optionalId,
  projectId: optionalId,
  problemId: optionalId,
  month: z.preprocess((v) => (v === "" ? null : v), z.string().regex(/^\d{4}-\d{2}$/).nullable()),
  responsible: z.string().regex(/^(district|department):\d+$/, "请选择责任单位"),
  issue: z.string().trim().min(4, "请写明存在的问题（至少 4 个字）").max(2000, "最多 2000 字").superRefine(hiddenCharacters("存在的问题", true)),
  requirement: z.string().trim().min(4, "请写明整改要求（至少 4 个字）").max(2000, "最多 2000 字").superRefine(hiddenCharacters("整改要求", true)),
  deadlineOn: z.string().refine(isDate, "请选择办结期限"),
  level: z.enum(ORDER_LEVELS, { message: "请选择督办等级" }),
});

export async function issueOrderAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requirePermission("order.issue");
  if (!isForm(formData)) return invalidRequest();
  const raw = Object.fromEntries(["subjectType", "indicatorId", "projectId", "problemId", "month", "responsible", "issue", "requirement", "deadlineOn", "level"].map((k) => [k, String(formData.get(k) ?? "")]));
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return failure("请检查标出的字段", fieldErrorsOf(parsed.error.issues), raw);
  const f = parsed.data;
  if (f.deadlineOn < todayInShanghai()) return failure("请检查标出的字段", { deadlineOn: "办结期限不能早于今天" }, raw);
  const campaign = await getCurrentCampaign();
  if (!campaign) return failure("没有进行中的专项行动", {}, raw);
  const [kind, idText] = f.responsible.split(":") as ["district" | "department", string];
  const respId = Number(idText);
  const o = await issueOrder(
    await getDatabase(),
    {
      campaignId: campaign.id,
      subjectType: f.subjectType,
      indicatorId: f.indicatorId,
      projectId: f.projectId,
      problemId: f.problemId,
      month: f.month,
      districtId: kind === "district" ? respId : null,
      departmentId: kind === "department" ? respId : null,
      issue: f.issue,
      requirement: f.requirement,
      deadlineOn: f.deadlineOn,
      level: f.level,
    },
    await actorOf(user),
  );
  // Ids from the form are only looked up, inside the write: each must exist in this campaign (or be active).
  if (!o.ok) return o.reason === "responsible" ? failure("请检查标出的字段", { responsible: "责任单位不存在或已停用" }, raw) : failure("督办对象无效", {}, raw);
  revalidatePath("/city/orders");
  revalidatePath("/district");
  await revalidatePublicOrderCounts();
  redirect(`/city/orders/${o.value.id}?issued=1`);
}
