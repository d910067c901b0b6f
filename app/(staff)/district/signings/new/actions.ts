"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { failure, type ActionState, invalidRequest, isForm } from "@/app/_lib/action-state";
import { requirePermission, requireUser } from "@/app/_lib/guards";
import { getDatabase } from "@/db/index";
import { insertSigning } from "@/db/mutations/signings";
import { getCurrentCampaign } from "@/db/queries/campaigns";
import { listReportingDistricts } from "@/db/queries/records";
import { getRecordOwners } from "@/db/queries/reporting";
import { actorOf, checkRecordMonths } from "../../_lib/access";
import { formFlag, formValues } from "../../_lib/form-parse";
import { flagFields, parseSigningForm, signingFieldNames } from "../schemas";
import { signingTouches } from "../touches";
import { eventError, moneyUnit } from "../write";
import { getPlausibilitySettings } from "@/db/queries/plausibility";

const CHECK = "请检查标出的字段";

/**
 * Records a signing. A district editor's signing is always in their own district (the form's
 * district is ignored); a department editor owning signings or a city admin picks an active
 * district. The signed and landed dates' months must be editable for that district.
 */
export async function createSigningAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requireUser();
  if (!isForm(formData)) return invalidRequest();
  const values: Record<string, string> = { ...formValues(formData, [...signingFieldNames, "districtId"]) };
  for (const f of flagFields) values[f] = formFlag(formData, f);
  const campaign = await getCurrentCampaign();
  if (!campaign) throw new Error("no campaign");
  const parsed = parseSigningForm(values, await moneyUnit(), (await getPlausibilitySettings()).amountMax);
  const fieldErrors = parsed.ok ? {} : { ...parsed.fieldErrors };

  let districtId = user.role === "district_editor" ? user.districtId : null;
  let districtName = "";
  const districts = await listReportingDistricts();
  if (user.role !== "district_editor") {
    const picked = districts.find((d) => String(d.id) === values.districtId!.trim());
    if (!picked) fieldErrors.districtId = values.districtId ? "所选区县不存在或已停用" : "请选择区县";
    districtId = picked?.id ?? null;
  }
  districtName = districts.find((d) => d.id === districtId)?.name ?? "";
  const evError = parsed.ok ? await eventError(campaign.id, parsed.data.eventId) : null;
  if (evError) fieldErrors.eventId = evError;
  if (!parsed.ok || Object.keys(fieldErrors).length > 0 || districtId === null) return failure(CHECK, fieldErrors, values);
  const f = parsed.data;

  const owners = await getRecordOwners(campaign.id);
  await requirePermission("record.edit", { districtId, ownerDepartmentIds: owners.signings });
  const monthErrors = await checkRecordMonths(user, { campaignId: campaign.id, districtId, districtName, ownerDepartmentIds: owners.signings }, signingTouches(null, f));
  if (Object.keys(monthErrors).length > 0) return failure(CHECK, monthErrors, values);

  const result = await insertSigning(await getDatabase(), { ...f, campaignId: campaign.id, districtId }, await actorOf(user));
  if (!result.ok) throw new Error(`insertSigning: ${result.reason}`);
  revalidatePath("/district/signings");
  revalidatePath("/district");
  redirect(`/district/signings/${result.value}?created=1`);
}
