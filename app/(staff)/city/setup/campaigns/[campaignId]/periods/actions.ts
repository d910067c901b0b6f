"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { failure, success, type ActionState, invalidRequest, isForm } from "@/app/_lib/action-state";
import { requirePermission } from "@/app/_lib/guards";
import { monthLabel } from "@/domain/months";
import { getDatabase } from "@/db/index";
import { setPeriodOpen, updateReportDeadlineDay } from "@/db/mutations/setup/campaign-months";
import { getCampaignForSetup, listPeriodsForSetup } from "@/db/queries/setup/campaigns";
import { actorOf, archivedRefusal, failureState, STALE_FORM } from "../../../_lib/outcome";
import { formText, idSchema, versionSchema } from "@/app/_lib/form-parse";

function revalidate(campaignId: number) {
  revalidatePath(`/city/setup/campaigns/${campaignId}`, "layout");
  // Open months are what district clerks and the city pages can choose from.
  revalidatePath("/district", "layout");
  revalidatePath("/city", "layout");
}

const periodTarget = z.object({ campaignId: idSchema, periodId: idSchema, version: versionSchema, open: z.enum(["1", "0"]) });

/** Opens (or closes again) a reporting month; a month a district has started cannot be closed. */
export async function setPeriodOpenAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requirePermission("campaign.manage");
  if (!isForm(formData)) return invalidRequest();
  const t = periodTarget.safeParse({ campaignId: formText(formData, "campaignId"), periodId: formText(formData, "periodId"), version: formText(formData, "version"), open: formText(formData, "open") });
  if (!t.success) return failure(STALE_FORM);
  const refused = await archivedRefusal(t.data.campaignId);
  if (refused) return refused;
  const result = await setPeriodOpen(await getDatabase(), t.data.periodId, t.data.version, t.data.open === "1", await actorOf(admin));
  if (!result.ok) {
    return failureState(result, {}, {
      entity: "period",
      id: t.data.periodId,
      current: async () => {
        const p = (await listPeriodsForSetup(t.data.campaignId)).find((x) => x.id === t.data.periodId);
        return p ? { text: `${monthLabel(p.month)}${p.isOpen ? "已开放" : "未开放"}`, updatedAt: null } : null;
      },
    });
  }
  revalidate(t.data.campaignId);
  return success(`${monthLabel(result.value.month)}已${t.data.open === "1" ? "开放填报" : "关闭"}`);
}

const daySchema = z.object({
  campaignId: idSchema,
  version: versionSchema,
  reportDeadlineDay: z.string().trim().regex(/^([1-9]|1\d|2[0-8])$/, "请填写 1–28 之间的整数").transform(Number),
});

/** The day of the following month by which reports are due; due dates of months not yet locked follow it. */
export async function setDeadlineDayAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requirePermission("campaign.manage");
  if (!isForm(formData)) return invalidRequest();
  const values = { reportDeadlineDay: formText(formData, "reportDeadlineDay") };
  const t = daySchema.safeParse({ campaignId: formText(formData, "campaignId"), version: formText(formData, "version"), ...values });
  if (!t.success) {
    const e = t.error.issues.find((i) => i.path[0] === "reportDeadlineDay");
    return e ? failure("请检查标出的字段", { reportDeadlineDay: e.message }, values) : failure(STALE_FORM, {}, values);
  }
  const refused = await archivedRefusal(t.data.campaignId, values);
  if (refused) return refused;
  const result = await updateReportDeadlineDay(await getDatabase(), t.data.campaignId, t.data.version, t.data.reportDeadlineDay, await actorOf(admin));
  if (!result.ok) {
    return failureState(result, values, {
      entity: "campaign",
      id: t.data.campaignId,
      current: async () => {
        const c = await getCampaignForSetup(t.data.campaignId);
        return c ? { text: `截止日为次月 ${c.reportDeadlineDay} 日`, updatedAt: c.updatedAt } : null;
      },
    });
  }
  revalidate(t.data.campaignId);
  return success(`截止日已改为次月 ${t.data.reportDeadlineDay} 日，未锁定月份的截止日期已随之调整`);
}
