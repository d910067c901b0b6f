"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { failure, fieldErrorsOf, success, type ActionState, invalidRequest, isForm } from "@/app/_lib/action-state";
import { authSettings } from "@/app/_lib/auth-settings";
import { requirePermission } from "@/app/_lib/guards";
import { hashPassword, passwordRuleError } from "@/domain/passwords";
import { getDatabase } from "@/db/index";
import { endAllSessions, resetUserPassword, updateUser } from "@/db/mutations/users";
import { getUserForEdit, listScopeOptions } from "@/db/queries/users";
import { displayNameSchema, requireScope, scopeErrors, scopeShape } from "../schemas";
import { actorOf } from "@/app/_lib/actor";
import { formText, idSchema } from "@/app/_lib/form-parse";

/*
 * The hidden `userId` and `version` fields are trusted only as "which user" and "the version the
 * admin was looking at": any admin may manage any user, and a stale version is a conflict.
 */
const CONFLICT = "该用户已被他人修改，请刷新页面后重试";
const GONE = "该用户不存在，可能已被删除";
const STALE_FORM = "表单已失效，请刷新页面后重试";

const targetSchema = z.object({ userId: idSchema, version: idSchema });

const updateSchema = z
  .object({
    displayName: displayNameSchema,
    ...scopeShape,
    active: z.enum(["", "1"], { error: "选项无效" }).transform((v) => v === "1"),
  })
  .superRefine(requireScope);


function revalidateUser(id: number) {
  revalidatePath("/city/users");
  revalidatePath(`/city/users/${id}`);
}

export async function updateUserAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requirePermission("user.manage");
  if (!isForm(formData)) return invalidRequest();
  const raw = {
    displayName: formText(formData, "displayName"),
    role: formText(formData, "role"),
    districtId: formText(formData, "districtId"),
    departmentId: formText(formData, "departmentId"),
    active: formText(formData, "active"),
  };
  const values = { ...raw, active: raw.active === "1" ? "1" : "" };
  const target = targetSchema.safeParse({ userId: formText(formData, "userId"), version: formText(formData, "version") });
  if (!target.success) return failure(STALE_FORM, {}, values);
  const parsed = updateSchema.safeParse(raw);
  if (!parsed.success) return failure("请检查标出的字段", fieldErrorsOf(parsed.error.issues), values);
  const f = parsed.data;
  const { userId, version } = target.data;

  const current = await getUserForEdit(userId);
  if (!current) return failure(GONE);
  // An admin locking themselves out (or the last admin out) cannot be undone from the UI.
  if (current.id === admin.id) {
    if (!f.active) return failure("不能停用自己的账号", { active: "不能停用自己的账号" }, values);
    if (f.role !== "city_admin") return failure("不能更改自己的角色", { role: "不能更改自己的角色" }, values);
  }
  const options = await listScopeOptions();
  const allowed = {
    districtIds: [...options.districts.map((d) => d.id), ...(current.districtId !== null ? [current.districtId] : [])],
    departmentIds: [...options.departments.map((d) => d.id), ...(current.departmentId !== null ? [current.departmentId] : [])],
  };
  const scopeProblems = scopeErrors(f, allowed);
  if (Object.keys(scopeProblems).length > 0) return failure("请检查标出的字段", scopeProblems, values);

  const result = await updateUser(
    await getDatabase(),
    userId,
    version,
    { displayName: f.displayName, role: f.role, districtId: f.districtId, departmentId: f.departmentId, active: f.active },
    await actorOf(admin),
  );
  if (!result.ok) return failure(result.reason === "not-found" ? GONE : CONFLICT, {}, values);
  revalidateUser(userId);
  return success("已保存");
}

export async function resetPasswordAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requirePermission("user.manage");
  if (!isForm(formData)) return invalidRequest();
  const target = targetSchema.safeParse({ userId: formText(formData, "userId"), version: formText(formData, "version") });
  if (!target.success) return failure(STALE_FORM);
  const password = z.string().max(1024).safeParse(formText(formData, "newPassword"));
  if (!password.success) return failure("请检查标出的字段", { newPassword: "密码过长" });
  const { userId, version } = target.data;
  // Resetting one's own password here would skip the current-password check of the account page.
  if (userId === admin.id) return failure("不能在这里重置自己的密码，请使用“我的账号”中的“修改密码”");

  const current = await getUserForEdit(userId);
  if (!current) return failure(GONE);
  const rule = passwordRuleError(password.data, current.username, { min: authSettings.passwordMin, max: authSettings.passwordMax });
  if (rule) return failure("请检查标出的字段", { newPassword: rule });
  const result = await resetUserPassword(await getDatabase(), userId, version, await hashPassword(password.data), await actorOf(admin));
  if (!result.ok) return failure(result.reason === "not-found" ? GONE : CONFLICT);
  revalidateUser(userId);
  return success("已重置密码。该用户的所有登录已结束，下次登录时必须修改密码。");
}

export async function endSessionsAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requirePermission("user.manage");
  if (!isForm(formData)) return invalidRequest();
  const target = idSchema.safeParse(formText(formData, "userId"));
  if (!target.success) return failure(STALE_FORM);
  if (target.data === admin.id) return failure("要结束自己的所有登录，请使用“我的账号”中的“退出所有设备”");
  const result = await endAllSessions(await getDatabase(), target.data, await actorOf(admin));
  if (!result.ok) return failure(GONE);
  revalidateUser(target.data);
  return success("已结束该用户的所有登录");
}
