"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { failure, fieldErrorsOf, type ActionState, invalidRequest, isForm } from "@/app/_lib/action-state";
import { requirePermission, requireUser } from "@/app/_lib/guards";
import { getDatabase } from "@/db/index";
import { insertProblem } from "@/db/mutations/problems";
import { getCurrentCampaign } from "@/db/queries/campaigns";
import { getProjectScope } from "@/db/queries/problems";
import { getRecordOwners } from "@/db/queries/reporting";
import { actorOf, problemOwners } from "../../_lib/access";
import { newProblemSchema, problemFieldNames } from "../schemas";
import { namedFormValues } from "@/app/_lib/form-parse";

/**
 * Opens a problem on a project. The district is the project's, looked up here: a district
 * editor may only name their own district's projects, a department editor only its own problem
 * types; anything else ends in 403 (audited). Opening is not tied to a month's figures (only
 * resolving is), so no month state is checked.
 */
export async function openProblemAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requireUser();
  if (!isForm(formData)) return invalidRequest();
  const values = namedFormValues(formData, ["projectId", ...problemFieldNames]);
  const parsed = newProblemSchema.safeParse(values);
  if (!parsed.success) return failure("请检查标出的字段", fieldErrorsOf(parsed.error.issues), values);
  const f = parsed.data;

  const campaign = await getCurrentCampaign();
  if (!campaign) throw new Error("no campaign");
  const project = await getProjectScope(f.projectId, campaign.id);
  if (!project) return failure("请检查标出的字段", { projectId: "所选项目不存在" }, values);
  const owners = await getRecordOwners(campaign.id);
  await requirePermission("record.edit", { districtId: project.districtId, ownerDepartmentIds: problemOwners(owners, f.type) });

  const result = await insertProblem(
    await getDatabase(),
    {
      projectId: project.id,
      districtId: project.districtId,
      type: f.type,
      description: f.description,
      responsibleUnit: f.responsibleUnit,
      escalationLevel: f.escalationLevel,
      deadlineOn: f.deadlineOn,
      openedOn: f.openedOn,
    },
    await actorOf(user),
  );
  if (!result.ok) throw new Error(`insertProblem: ${result.reason}`);
  revalidatePath("/district/problems");
  revalidatePath("/district");
  redirect(`/district/problems/${result.value}?created=1`);
}
