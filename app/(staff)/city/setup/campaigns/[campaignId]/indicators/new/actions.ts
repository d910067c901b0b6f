"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { failure, type ActionState, invalidRequest, isForm } from "@/app/_lib/action-state";
import { requirePermission } from "@/app/_lib/guards";
import { revalidatePublic } from "@/app/_lib/revalidate";
import { getDatabase } from "@/db/index";
import { insertIndicator } from "@/db/mutations/setup/indicators";
import { listUnits } from "@/db/queries/setup/reference";
import { indicatorFormValues, parseIndicatorForm } from "../../../../_lib/indicator-schema";
import { actorOf, archivedRefusal, failureState, STALE_FORM } from "../../../../_lib/outcome";
import { formText, idSchema } from "@/app/_lib/form-parse";

export async function createIndicatorAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requirePermission("campaign.manage");
  if (!isForm(formData)) return invalidRequest();
  const values = indicatorFormValues(formData);
  const campaignId = idSchema.safeParse(formText(formData, "campaignId"));
  if (!campaignId.success) return failure(STALE_FORM, {}, values);
  const refused = await archivedRefusal(campaignId.data, values);
  if (refused) return refused;
  const parsed = parseIndicatorForm(formData, await listUnits());
  if (!parsed.ok) return failure("请检查标出的字段，未保存", parsed.errors, values);
  const result = await insertIndicator(await getDatabase(), campaignId.data, parsed.value, await actorOf(admin));
  if (!result.ok) return failureState(result, values, undefined, "本专项已有这个代码的指标，请换一个");
  revalidatePath(`/city/setup/campaigns/${campaignId.data}`, "layout");
  revalidatePublic();
  redirect(`/city/setup/campaigns/${campaignId.data}/indicators/${result.value}?created=1`);
}
