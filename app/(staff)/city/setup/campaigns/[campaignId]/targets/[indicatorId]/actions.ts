"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { failure, success, type ActionState, invalidRequest, isForm } from "@/app/_lib/action-state";
import { requirePermission } from "@/app/_lib/guards";
import { revalidatePublic } from "@/app/_lib/revalidate";
import { getDatabase } from "@/db/index";
import { saveIndicatorTargets } from "@/db/mutations/setup/targets";
import { getCampaignForSetup } from "@/db/queries/setup/campaigns";
import { getIndicatorForSetup, listTargetsForSetup } from "@/db/queries/setup/indicators";
import { listUnits } from "@/db/queries/setup/reference";
import { actorOf, archivedRefusal, failureState, GONE, STALE_FORM } from "../../../../_lib/outcome";
import { targetDistricts } from "../../../../_lib/target-load";
import { checkTargets } from "../../../../_lib/targets";
import { allFormValues, formText, idSchema } from "@/app/_lib/form-parse";
import { formatWithUnit } from "@/domain/format";

const target = z.object({ campaignId: idSchema, indicatorId: idSchema, stamp: z.string().regex(/^\d+:\d+$/) });

/** Saves the city target, plan and district breakdown of one indicator (nothing is stored unless all of it is valid). */
export async function saveTargetsAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requirePermission("campaign.manage");
  if (!isForm(formData)) return invalidRequest();
  const values = allFormValues(formData);
  const t = target.safeParse({ campaignId: formText(formData, "campaignId"), indicatorId: formText(formData, "indicatorId"), stamp: formText(formData, "stamp") });
  if (!t.success) return failure(STALE_FORM, {}, values);
  const refused = await archivedRefusal(t.data.campaignId, values);
  if (refused) return refused;
  const [ind, campaign, units, districts] = await Promise.all([getIndicatorForSetup(t.data.indicatorId), getCampaignForSetup(t.data.campaignId), listUnits(), targetDistricts()]);
  if (!ind || !campaign || ind.campaignId !== campaign.id) return failure(GONE, {}, values);
  const unit = units.find((u) => u.code === ind.unitCode)!;
  const unitDef = { code: unit.code, symbol: unit.symbol, scale: unit.scale };
  const checked = checkTargets({ name: ind.name, aggregation: ind.aggregation, unit: unitDef, decimals: ind.decimals }, districts, {
    target: values.target ?? "",
    baseline: values.baseline ?? "",
    growth: values.growth ?? "",
    multiple: values.multiple ?? "",
    districts: Object.fromEntries(districts.map((d) => [d.id, values[`d_${d.id}`] ?? ""])),
    breakdownNote: values.breakdownNote ?? "",
    // Rates are judged against their level, not against time: a ratio indicator has no monthly plan.
    planMode: ind.aggregation === "ratio" ? undefined : (values.planMode ?? ""),
    plan: Array.from({ length: 12 }, (_, k) => values[`plan_${k + 1}`] ?? ""),
    sourceNote: values.sourceNote ?? "",
  });
  if (!checked.ok) return failure("请检查标出的字段，未保存", checked.errors, values);
  const result = await saveIndicatorTargets(await getDatabase(), ind.id, t.data.stamp, checked.value, await actorOf(admin));
  if (!result.ok) {
    return failureState(result, values, {
      entity: "indicator_targets",
      id: ind.id,
      current: async () => {
        const now = (await listTargetsForSetup([ind.id], campaign.year)).get(ind.id);
        const city = now?.city;
        return { text: `全市目标 ${city?.targetValue != null ? formatWithUnit(city.targetValue, unitDef, ind.decimals) : "未设定"}`, updatedAt: city?.updatedAt ?? null };
      },
    });
  }
  revalidatePath(`/city/setup/campaigns/${campaign.id}`, "layout");
  revalidatePath("/city", "layout");
  revalidatePublic();
  return success(result.value ? "已保存目标" : "没有改动");
}
