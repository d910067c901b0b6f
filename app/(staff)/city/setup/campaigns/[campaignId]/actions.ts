"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { failure, fieldErrorsOf, success, type ActionState, invalidRequest, isForm } from "@/app/_lib/action-state";
import { requirePermission } from "@/app/_lib/guards";
import { revalidatePublic } from "@/app/_lib/revalidate";
import { getDatabase } from "@/db/index";
import { setCampaignStatus, setCurrentCampaign, updateCampaign } from "@/db/mutations/setup/campaigns";
import { getCampaignForSetup } from "@/db/queries/setup/campaigns";
import { campaignSchema, CAMPAIGN_FORM_FIELDS } from "../../_lib/campaign-schema";
import { actorOf, archivedRefusal, failureState, STALE_FORM, type ConflictSubject } from "../../_lib/outcome";
import { formText, idSchema, versionSchema } from "@/app/_lib/form-parse";

const target = z.object({ campaignId: idSchema, version: versionSchema });

function subject(id: number): ConflictSubject {
  return {
    entity: "campaign",
    id,
    current: async () => {
      const c = await getCampaignForSetup(id);
      return c ? { text: `${c.year}年“${c.title}”（${c.slug}）`, updatedAt: c.updatedAt } : null;
    },
  };
}

function revalidateCampaign(id: number) {
  revalidatePath("/city/setup");
  revalidatePath(`/city/setup/campaigns/${id}`, "layout");
  // Titles, dates and the current campaign show on every city and public page.
  revalidatePath("/city", "layout");
  revalidatePublic();
}

export async function updateCampaignAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requirePermission("campaign.manage");
  if (!isForm(formData)) return invalidRequest();
  const values = Object.fromEntries(CAMPAIGN_FORM_FIELDS.map((k) => [k, formText(formData, k)]));
  const t = target.safeParse({ campaignId: formText(formData, "campaignId"), version: formText(formData, "version") });
  if (!t.success) return failure(STALE_FORM, {}, values);
  const refused = await archivedRefusal(t.data.campaignId, values);
  if (refused) return refused;
  const parsed = campaignSchema.safeParse(values);
  if (!parsed.success) return failure("请检查标出的字段", fieldErrorsOf(parsed.error.issues), values);
  const result = await updateCampaign(await getDatabase(), t.data.campaignId, t.data.version, parsed.data, await actorOf(admin));
  if (!result.ok) return failureState(result, values, subject(t.data.campaignId), "该标识已被其他专项使用，请换一个");
  revalidateCampaign(t.data.campaignId);
  return success("已保存");
}

const statusSchema = target.extend({ to: z.enum(["active", "archived"]) });

/** 草稿 → 启用, or → 归档 (final: an archived campaign is read-only). */
export async function setStatusAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requirePermission("campaign.manage");
  if (!isForm(formData)) return invalidRequest();
  const t = statusSchema.safeParse({ campaignId: formText(formData, "campaignId"), version: formText(formData, "version"), to: formText(formData, "to") });
  if (!t.success) return failure(STALE_FORM);
  const refused = await archivedRefusal(t.data.campaignId);
  if (refused) return refused;
  const result = await setCampaignStatus(await getDatabase(), t.data.campaignId, t.data.version, t.data.to, await actorOf(admin));
  if (!result.ok) return failureState(result, {}, subject(t.data.campaignId));
  revalidateCampaign(t.data.campaignId);
  return success(t.data.to === "active" ? "已启用" : "已归档：该专项现在只读");
}

/** Makes an active campaign the one districts report into and city and public pages show. */
export async function setCurrentAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requirePermission("campaign.manage");
  if (!isForm(formData)) return invalidRequest();
  const id = idSchema.safeParse(formText(formData, "campaignId"));
  if (!id.success) return failure(STALE_FORM);
  const refused = await archivedRefusal(id.data);
  if (refused) return refused;
  const result = await setCurrentCampaign(await getDatabase(), id.data, await actorOf(admin));
  if (!result.ok) return failureState(result, {});
  revalidateCampaign(id.data);
  return success("已设为当前专项");
}
