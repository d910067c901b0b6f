"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { failure, success, type ActionState, invalidRequest, isForm } from "@/app/_lib/action-state";
import { idSchema } from "@/app/_lib/form-parse";
import { requirePermission } from "@/app/_lib/guards";
import { actorOf } from "@/app/_lib/actor";
import { MONTH_RE, todayInShanghai } from "@/domain/months";
import { getCurrentCampaign } from "@/db/queries/campaigns";
import { getDatabase } from "@/db/index";
import { sendDeadlineReminders } from "@/db/mutations/reminders";

const schema = z.object({ month: z.string().regex(MONTH_RE), district: z.union([z.literal("all"), idSchema]) });

/** 催报: one late district, or every late district of the month, is reminded at once (in-app, email, group robot). */
export async function remindAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requirePermission("report.review");
  if (!isForm(formData)) return invalidRequest();
  const parsed = schema.safeParse({ month: formData.get("month"), district: formData.get("district") });
  if (!parsed.success) return failure("请选择要催报的区县", { district: "请选择要催报的区县" });
  const campaign = await getCurrentCampaign();
  if (!campaign) return failure("没有进行中的专项");
  const o = await sendDeadlineReminders(await getDatabase(), {
    campaignId: campaign.id,
    month: parsed.data.month,
    districtIds: parsed.data.district === "all" ? "all-late" : [parsed.data.district],
    today: todayInShanghai(),
    actor: await actorOf(user),
  });
  if (!o.ok) {
    const why = { "not-found": "该月份不存在或已锁定", "not-due": "该月份还没到截止日，不能催报", "none-late": "所选区县已报送，无需催报" }[o.reason];
    return failure(why);
  }
  revalidatePath("/city/completeness");
  return success(`已向${o.value.join("、")}发送催报（${o.value.length} 个区县）`);
}
