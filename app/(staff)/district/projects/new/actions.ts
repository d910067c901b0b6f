"use server";

import { redirect } from "next/navigation";
import { revalidatePublic } from "@/app/_lib/revalidate";
import { failure, fieldErrorsOf, type ActionState, invalidRequest, isForm } from "@/app/_lib/action-state";
import { requirePermission, requireUser } from "@/app/_lib/guards";
import { getDatabase } from "@/db/index";
import { insertProject } from "@/db/mutations/projects";
import { projectAccess } from "../access";
import { actorOf, CHECK_FIELDS, choiceErrors, revalidateProjects } from "../action-helpers";
import { getPlausibilitySettings } from "@/db/queries/plausibility";
import { registerSchemaWith, registerValues } from "../schemas";
import { formText, idSchema } from "@/app/_lib/form-parse";

/**
 * Adds a project to the register. A district editor's project goes to their own district (from
 * the session, whatever the form says); a department editor or admin chooses an active district.
 * Nothing is stored unless every field is valid and the code is free in this campaign.
 */
export async function createProjectAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requireUser();
  if (!isForm(formData)) return invalidRequest();
  const values = { ...registerValues(formData), districtId: formText(formData, "districtId") };
  const parsed = registerSchemaWith((await getPlausibilitySettings()).amountMax).safeParse(values);
  const fieldErrors = parsed.success ? {} : fieldErrorsOf(parsed.error.issues);

  const access = await projectAccess(user);
  const { errors: badChoices, choices } = await choiceErrors(access.campaign.id, parsed.success ? parsed.data : { sectorId: null, actionId: null });
  Object.assign(fieldErrors, badChoices);
  let districtId: number | null = null;
  if (!access.acrossDistricts) {
    districtId = user.districtId;
  } else {
    const chosen = idSchema.safeParse(values.districtId);
    if (!chosen.success || !choices.districts.some((d) => d.id === chosen.data)) fieldErrors.districtId = values.districtId ? "所选区县不存在或已停用" : "请选择区县";
    else districtId = chosen.data;
  }
  if (!parsed.success || districtId === null || Object.keys(fieldErrors).length > 0) return failure(CHECK_FIELDS, fieldErrors, values);

  await requirePermission("record.edit", { districtId, ownerDepartmentIds: access.ownerDepartmentIds });
  const result = await insertProject(await getDatabase(), access.campaign.id, districtId, parsed.data, await actorOf(user));
  if (!result.ok && result.reason === "duplicate") {
    return failure(CHECK_FIELDS, { code: `项目代码“${parsed.data.code}”已存在：本年度项目库中已有使用该代码的项目` }, values);
  }
  if (!result.ok) throw new Error(`insertProject: ${result.reason}`);
  revalidateProjects(result.value);
  revalidatePublic();
  redirect(`/district/projects/${result.value}?created=1`);
}
