"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { failure, success, type ActionState, invalidRequest, isForm } from "@/app/_lib/action-state";
import { requirePermission } from "@/app/_lib/guards";
import { revalidatePublic } from "@/app/_lib/revalidate";
import { getDatabase } from "@/db/index";
import { updateIndicator } from "@/db/mutations/setup/indicators";
import { getIndicatorForSetup } from "@/db/queries/setup/indicators";
import { listUnits } from "@/db/queries/setup/reference";
import { indicatorFormValues, parseIndicatorForm } from "../../../../_lib/indicator-schema";
import { actorOf, archivedRefusal, failureState, STALE_FORM } from "../../../../_lib/outcome";
import { formText, idSchema, versionSchema } from "@/app/_lib/form-parse";

const target = z.object({ campaignId: idSchema, indicatorId: idSchema, version: versionSchema });

/**
 * Saves an indicator. The mutation refuses a change of definition once figures exist (the
 * "blocked" option) and a descriptive change with figures unless the admin confirmed it.
 */
export async function updateIndicatorAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requirePermission("campaign.manage");
  if (!isForm(formData)) return invalidRequest();
  const values = indicatorFormValues(formData);
  const t = target.safeParse({ campaignId: formText(formData, "campaignId"), indicatorId: formText(formData, "indicatorId"), version: formText(formData, "version") });
  if (!t.success) return failure(STALE_FORM, {}, values);
  const refused = await archivedRefusal(t.data.campaignId, values);
  if (refused) return refused;
  const parsed = parseIndicatorForm(formData, await listUnits());
  if (!parsed.ok) return failure("请检查标出的字段，未保存", parsed.errors, values);
  const result = await updateIndicator(await getDatabase(), t.data.indicatorId, t.data.version, parsed.value, formText(formData, "confirm") === "1", await actorOf(admin));
  if (!result.ok) {
    return failureState(result, values, {
      entity: "indicator",
      id: t.data.indicatorId,
      current: async () => {
        const i = await getIndicatorForSetup(t.data.indicatorId);
        return i ? { text: `${i.name}（${i.code}）`, updatedAt: i.updatedAt } : null;
      },
    }, "本专项已有这个代码的指标，请换一个");
  }
  revalidatePath(`/city/setup/campaigns/${t.data.campaignId}`, "layout");
  revalidatePath("/city", "layout");
  revalidatePublic();
  return success("已保存");
}
