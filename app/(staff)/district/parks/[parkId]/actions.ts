"use server";

import { revalidatePath } from "next/cache";
import { failure, fieldErrorsOf, success, type ActionState, invalidRequest, isForm } from "@/app/_lib/action-state";
import { conflictMessage } from "@/domain/conflict";
import { requirePermission, requireUser } from "@/app/_lib/guards";
import { getDatabase } from "@/db/index";
import { updateParkProgress } from "@/db/mutations/parks";
import { getCurrentCampaign } from "@/db/queries/campaigns";
import { getPark } from "@/db/queries/parks";
import { getRecordOwners } from "@/db/queries/reporting";
import { actorOf, checkRecordMonths } from "../../_lib/access";
import { PARK_STATUS_LABELS } from "@/domain/record-labels";
import { parkProgressSchema, parkTouches } from "../progress";
import { namedFormValues, targetSchema } from "@/app/_lib/form-parse";

/*
 * The hidden `id` and `version` are only "which park" and "the version the form showed": the
 * park is loaded here and its district decides who may change it.
 */
const STALE_FORM = "表单已失效，请刷新页面后重试";
const GONE = "该园区不存在，可能已被删除";
const CHECK = "请检查标出的字段";

/** Updates a park's status and dates. Entering (or leaving) trial operation counts in the trial-operation date's month, which must be editable. */
export async function updateParkAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requireUser();
  if (!isForm(formData)) return invalidRequest();
  const values = namedFormValues(formData, ["status", "plannedTrialOn", "trialOperationOn"]);
  const parsed = parkProgressSchema.safeParse(values);
  const target = targetSchema.safeParse(namedFormValues(formData, ["id", "version"]));
  if (!target.success) return failure(STALE_FORM, {}, values);
  const campaign = await getCurrentCampaign();
  if (!campaign) throw new Error("no campaign");
  const park = await getPark(target.data.id, campaign.id);
  if (!park) return failure(GONE, {}, values);

  const owners = await getRecordOwners(campaign.id);
  await requirePermission("record.edit", { districtId: park.districtId, ownerDepartmentIds: owners.parks });
  if (!parsed.success) return failure(CHECK, fieldErrorsOf(parsed.error.issues), values);
  const f = parsed.data;
  const monthErrors = await checkRecordMonths(
    user,
    { campaignId: campaign.id, districtId: park.districtId, districtName: park.districtName, ownerDepartmentIds: owners.parks },
    parkTouches(park, f),
  );
  if (Object.keys(monthErrors).length > 0) return failure(CHECK, monthErrors, values);

  const result = await updateParkProgress(await getDatabase(), { id: park.id, districtId: park.districtId, expectedVersion: target.data.version }, f, await actorOf(user));
  revalidatePath("/district/parks");
  revalidatePath(`/district/parks/${park.id}`);
  if (result.ok) return success("已保存");
  const now = result.reason === "conflict" ? await getPark(park.id, campaign.id) : null;
  if (!now) return failure(GONE, {}, values);
  const currentText = `${PARK_STATUS_LABELS[now.status]}；计划试运营 ${now.plannedTrialOn ?? "未定"}；试运营日期 ${now.trialOperationOn ?? "无"}`;
  return failure(conflictMessage({ currentText, updatedByName: now.updatedByName, updatedAt: now.updatedAt }), {}, values);
}
