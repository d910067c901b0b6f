"use server";

import { revalidatePath } from "next/cache";
import { failure, success, type ActionState, invalidRequest, isForm } from "@/app/_lib/action-state";
import { conflictMessage } from "@/domain/conflict";
import { requirePermission, requireUser } from "@/app/_lib/guards";
import { getDatabase } from "@/db/index";
import { updateSigning } from "@/db/mutations/signings";
import { getCurrentCampaign } from "@/db/queries/campaigns";
import { getSigning } from "@/db/queries/signings";
import { getRecordOwners } from "@/db/queries/reporting";
import { actorOf, checkRecordMonths } from "../../_lib/access";
import { formFlag, formValues, targetSchema } from "../../_lib/form-parse";
import { yiText } from "../amount";
import { flagFields, parseSigningForm, signingFieldNames } from "../schemas";
import { signingTouches } from "../touches";
import { eventError, moneyUnit } from "../write";
import { getPlausibilitySettings } from "@/db/queries/plausibility";

/*
 * The hidden `id` and `version` are only "which signing" and "the version the form showed": the
 * signing is loaded here and its district decides who may change it. The district itself is
 * not editable (a signing recorded in the wrong district is corrected by the campaign office).
 */
const STALE_FORM = "表单已失效，请刷新页面后重试";
const GONE = "该签约项目不存在，可能已被删除";
const CHECK = "请检查标出的字段";

type Signing = NonNullable<Awaited<ReturnType<typeof getSigning>>>;

function summary(s: Signing, scale: number, symbol: string): string {
  const flags = [s.isOverseas && "侨港澳台", s.isCultureTourism && "文旅"].filter(Boolean).join("、");
  return [
    s.name,
    s.investor || "投资方未填",
    `${yiText(s.amount, scale)} ${symbol}`,
    `签约 ${s.signedOn}`,
    s.landedOn ? `落地 ${s.landedOn}` : "未落地",
    flags || "无侨港澳台/文旅标记",
    s.eventName ?? "无签约活动",
    s.isPublic ? "公开" : "不公开",
  ].join("；");
}

export async function updateSigningAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requireUser();
  if (!isForm(formData)) return invalidRequest();
  const values: Record<string, string> = { ...formValues(formData, signingFieldNames) };
  for (const f of flagFields) values[f] = formFlag(formData, f);
  const unit = await moneyUnit();
  const parsed = parseSigningForm(values, unit, (await getPlausibilitySettings()).amountMax);
  const target = targetSchema.safeParse(formValues(formData, ["id", "version"]));
  if (!target.success) return failure(STALE_FORM, {}, values);
  const campaign = await getCurrentCampaign();
  if (!campaign) throw new Error("no campaign");
  const signing = await getSigning(target.data.id, campaign.id);
  if (!signing) return failure(GONE, {}, values);

  const owners = await getRecordOwners(campaign.id);
  await requirePermission("record.edit", { districtId: signing.districtId, ownerDepartmentIds: owners.signings });
  if (!parsed.ok) return failure(CHECK, parsed.fieldErrors, values);
  const f = parsed.data;
  const evError = await eventError(campaign.id, f.eventId);
  if (evError) return failure(CHECK, { eventId: evError }, values);
  const monthErrors = await checkRecordMonths(
    user,
    { campaignId: campaign.id, districtId: signing.districtId, districtName: signing.districtName, ownerDepartmentIds: owners.signings },
    signingTouches(signing, f),
  );
  if (Object.keys(monthErrors).length > 0) return failure(CHECK, monthErrors, values);

  const result = await updateSigning(await getDatabase(), { id: signing.id, districtId: signing.districtId, expectedVersion: target.data.version }, f, await actorOf(user));
  revalidatePath("/district/signings");
  revalidatePath(`/district/signings/${signing.id}`);
  revalidatePath("/district");
  if (result.ok) return success("已保存");
  const now = result.reason === "conflict" ? await getSigning(signing.id, campaign.id) : null;
  if (!now) return failure(GONE, {}, values);
  return failure(conflictMessage({ currentText: summary(now, unit.scale, unit.symbol), updatedByName: now.updatedByName, updatedAt: now.updatedAt }), {}, values);
}
