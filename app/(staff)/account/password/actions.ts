"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { failure, type ActionState, invalidRequest, isForm } from "@/app/_lib/action-state";
import { authSettings } from "@/app/_lib/auth-settings";
import { requirePermission } from "@/app/_lib/guards";
import { hashPassword, passwordRuleError, verifyPassword } from "@/domain/passwords";
import { actorOf } from "@/app/_lib/actor";
import { getDatabase } from "@/db/index";
import { changeOwnPassword } from "@/db/mutations/users";
import { getUserCredentials } from "@/db/queries/auth";

const schema = z.object({
  currentPassword: z.string().min(1, "请输入当前密码").max(1024),
  newPassword: z.string().max(1024),
  confirmPassword: z.string().max(1024),
});

export async function changePasswordAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requirePermission("account.update", {}, { allowPasswordChange: true, allowTwoFactorSetup: true });
  if (!isForm(formData)) return invalidRequest();
  const parsed = schema.safeParse({
    currentPassword: formData.get("currentPassword") ?? "",
    newPassword: formData.get("newPassword") ?? "",
    confirmPassword: formData.get("confirmPassword") ?? "",
  });
  if (!parsed.success) return failure("请检查标出的字段", { currentPassword: parsed.error.issues[0]!.message });
  const { currentPassword, newPassword, confirmPassword } = parsed.data;
  const fieldErrors: Record<string, string> = {};
  const rule = passwordRuleError(newPassword, user.username, { min: authSettings.passwordMin, max: authSettings.passwordMax });
  if (rule) fieldErrors.newPassword = rule;
  else if (newPassword === currentPassword) fieldErrors.newPassword = "新密码不能与当前密码相同";
  if (!fieldErrors.newPassword && confirmPassword !== newPassword) fieldErrors.confirmPassword = "两次输入的新密码不一致";
  const creds = await getUserCredentials(user.username);
  if (!(await verifyPassword(creds?.passwordHash ?? null, currentPassword))) fieldErrors.currentPassword = "当前密码不正确";
  if (Object.keys(fieldErrors).length > 0) return failure("请检查标出的字段", fieldErrors);
  await changeOwnPassword(await getDatabase(), user.id, await hashPassword(newPassword), user.sessionId, await actorOf(user));
  redirect("/account?changed=password");
}
