"use server";

import { redirect } from "next/navigation";
import { failure, fieldErrorsOf, type ActionState, invalidRequest, isForm } from "@/app/_lib/action-state";
import { z } from "zod";
import { requirePermission } from "@/app/_lib/guards";
import { getDatabase } from "@/db/index";
import { insertCampaign } from "@/db/mutations/setup/campaign-copy";
import { campaignSchema, CAMPAIGN_FORM_FIELDS } from "../../_lib/campaign-schema";
import { actorOf, failureState } from "../../_lib/outcome";
import { formText, optionalIdSchema } from "@/app/_lib/form-parse";

/**
 * Creates a draft campaign (twelve closed months), blank or with the structure of another
 * campaign copied in. The current campaign does not change.
 */
export async function createCampaignAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requirePermission("campaign.manage");
  if (!isForm(formData)) return invalidRequest();
  const raw = Object.fromEntries(CAMPAIGN_FORM_FIELDS.map((k) => [k, formText(formData, k)]));
  const values = { ...raw, copyFrom: formText(formData, "copyFrom"), carryProblems: formText(formData, "carryProblems") };
  const parsed = campaignSchema.safeParse(raw);
  const source = optionalIdSchema.safeParse(values.copyFrom);
  const carry = z.enum(["", "1"]).safeParse(values.carryProblems);
  if (!parsed.success || !source.success || !carry.success || (carry.data === "1" && !source.data)) {
    const errors = parsed.success ? {} : fieldErrorsOf(parsed.error.issues);
    if (!source.success) errors.copyFrom = "选项无效";
    if (!carry.success) errors.carryProblems = "选项无效";
    else if (carry.data === "1" && source.success && !source.data) errors.carryProblems = "带入难题须同时选择要复制的往年专项";
    return failure("请检查标出的字段", errors, values);
  }
  const result = await insertCampaign(await getDatabase(), parsed.data, source.data, await actorOf(admin), { carryOpenProblems: carry.data === "1" });
  if (!result.ok) return failureState(result, values, undefined, "该标识已被其他专项使用，请换一个");
  const v = result.value;
  redirect(`/city/setup/campaigns/${v.id}?created=${source.data ? `copy-${v.actions}-${v.subActions}-${v.indicators}-${v.carriedProblems}-${v.carriedProjects}` : "blank"}`);
}
