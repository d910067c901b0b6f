"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { failure, type ActionState, invalidRequest, isForm } from "@/app/_lib/action-state";
import { requirePermission } from "@/app/_lib/guards";
import { actorOf } from "@/app/_lib/actor";
import { verifyPassword } from "@/domain/passwords";
import { generateRecoveryCodes, generateTotpSecret, verifyTotp } from "@/domain/totp";
import { getDatabase } from "@/db/index";
import { disableTotp, enableTotp, getTotpState, setPendingTotpSecret } from "@/db/mutations/two-factor";
import { getUserCredentials } from "@/db/queries/auth";

const guardOptions = { allowTwoFactorSetup: true } as const;

/** Creates a fresh, unconfirmed secret for the caller's own account. */
export async function startTwoFactorAction(): Promise<void> {
  const user = await requirePermission("account.update", {}, guardOptions);
  if (!user.totpEnabled) await setPendingTotpSecret(await getDatabase(), user.id, generateTotpSecret());
  revalidatePath("/account/two-factor");
  redirect("/account/two-factor");
}

export interface EnrolState extends ActionState {
  recoveryCodes?: string[];
}

/** Confirms the pending secret with a current code; returns the recovery codes, shown once. */
export async function confirmTwoFactorAction(_prev: EnrolState, formData: FormData): Promise<EnrolState> {
  const user = await requirePermission("account.update", {}, guardOptions);
  if (!isForm(formData)) return invalidRequest();
  const code = z.string().trim().min(1).max(20).safeParse(formData.get("code") ?? "");
  if (!code.success) return failure("请检查标出的字段", { code: "请输入验证器显示的 6 位数字" });
  const open = await getDatabase();
  const state = await getTotpState(open, user.id);
  if (!state?.secret || state.enabled) return failure("请先点击“开始设置”生成新的密钥");
  const v = verifyTotp(state.secret, code.data, Date.now());
  if (!v.ok) return failure("请检查标出的字段", { code: "验证码不正确，请确认手机时间准确并输入当前显示的 6 位数字" });
  const codes = generateRecoveryCodes(10);
  const enabled = await enableTotp(open, user.id, v.step, codes, await actorOf(user));
  if (!enabled) return failure("两步验证已在其他窗口中开启，请刷新页面");
  return { ok: true, message: "两步验证已开启。请立即保存下面的恢复码：每个只能使用一次，离开本页后不再显示。", fieldErrors: {}, values: {}, recoveryCodes: codes };
}

/** Turns two-factor off for the caller's own account; refused for city admins, who must keep it. */
export async function disableTwoFactorAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requirePermission("account.update", {}, guardOptions);
  if (!isForm(formData)) return invalidRequest();
  if (user.role === "city_admin") return failure("专项办管理员必须开启两步验证，不能关闭。");
  const password = String(formData.get("password") ?? "");
  const creds = await getUserCredentials(user.username);
  if (!(await verifyPassword(creds?.passwordHash ?? null, password))) return failure("请检查标出的字段", { password: "密码不正确" });
  await disableTotp(await getDatabase(), user.id, await actorOf(user));
  redirect("/account/two-factor");
}
