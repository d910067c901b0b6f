"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { failure, fieldErrorsOf, success, type ActionState, invalidRequest, isForm } from "@/app/_lib/action-state";
import { requirePermission } from "@/app/_lib/guards";
import { revalidatePublic } from "@/app/_lib/revalidate";
import { getDatabase } from "@/db/index";
import { insertAction, moveAction, updateAction } from "@/db/mutations/setup/actions";
import { listActionsForSetup } from "@/db/queries/setup/campaigns";
import { codeSchema, directionSchema, nameSchema, optionalText } from "../../../_lib/forms";
import { actorOf, archivedRefusal, failureState, STALE_FORM, type ConflictSubject } from "../../../_lib/outcome";
import { formText, idSchema, optionalIdSchema, versionSchema } from "@/app/_lib/form-parse";

const fieldsShape = {
  name: nameSchema("名称", 60),
  nameEn: optionalText("英文名称", 120),
  groupLabel: optionalText("分组", 10),
  summary: optionalText("简介", 500),
  leadDepartmentId: optionalIdSchema,
};
const FIELDS = ["name", "nameEn", "groupLabel", "summary", "leadDepartmentId"] as const;

function subject(campaignId: number, id: number): ConflictSubject {
  return {
    entity: "action",
    id,
    current: async () => {
      const a = (await listActionsForSetup(campaignId)).find((x) => x.id === id);
      return a ? { text: `${a.name}（牵头：${a.leadDepartmentName ?? "未设"}）`, updatedAt: a.updatedAt } : null;
    },
  };
}

function revalidate(campaignId: number) {
  revalidatePath(`/city/setup/campaigns/${campaignId}`, "layout");
  revalidatePublic();
}

const read = (fd: FormData, keys: readonly string[]) => Object.fromEntries(keys.map((k) => [k, formText(fd, k)]));

export async function createActionAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requirePermission("campaign.manage");
  if (!isForm(formData)) return invalidRequest();
  const values = read(formData, [...FIELDS, "code", "parentId"]);
  const campaignId = idSchema.safeParse(formText(formData, "campaignId"));
  if (!campaignId.success) return failure(STALE_FORM, {}, values);
  const refused = await archivedRefusal(campaignId.data, values);
  if (refused) return refused;
  const parsed = z.object({ ...fieldsShape, code: codeSchema, parentId: optionalIdSchema }).safeParse(values);
  if (!parsed.success) return failure("请检查标出的字段", fieldErrorsOf(parsed.error.issues), values);
  const result = await insertAction(await getDatabase(), campaignId.data, parsed.data, await actorOf(admin));
  if (!result.ok) return failureState(result, values, undefined, "本专项已有这个代码的行动，请换一个");
  revalidate(campaignId.data);
  return success(`已新增“${parsed.data.name}”`);
}

const target = z.object({ campaignId: idSchema, actionId: idSchema, version: versionSchema });

export async function updateActionAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requirePermission("campaign.manage");
  if (!isForm(formData)) return invalidRequest();
  const values = read(formData, FIELDS);
  const t = target.safeParse(read(formData, ["campaignId", "actionId", "version"]));
  if (!t.success) return failure(STALE_FORM, {}, values);
  const refused = await archivedRefusal(t.data.campaignId, values);
  if (refused) return refused;
  const parsed = z.object(fieldsShape).safeParse(values);
  if (!parsed.success) return failure("请检查标出的字段", fieldErrorsOf(parsed.error.issues), values);
  const result = await updateAction(await getDatabase(), t.data.actionId, t.data.version, parsed.data, await actorOf(admin));
  if (!result.ok) return failureState(result, values, subject(t.data.campaignId, t.data.actionId));
  revalidate(t.data.campaignId);
  return success("已保存");
}

export async function moveActionAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requirePermission("campaign.manage");
  if (!isForm(formData)) return invalidRequest();
  const t = target.extend({ direction: directionSchema }).safeParse(read(formData, ["campaignId", "actionId", "version", "direction"]));
  if (!t.success) return failure(STALE_FORM);
  const refused = await archivedRefusal(t.data.campaignId);
  if (refused) return refused;
  const result = await moveAction(await getDatabase(), t.data.actionId, t.data.version, t.data.direction, await actorOf(admin));
  if (!result.ok) return failureState(result, {}, subject(t.data.campaignId, t.data.actionId));
  revalidate(t.data.campaignId);
  return success("已调整顺序");
}
