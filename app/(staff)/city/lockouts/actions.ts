"use server";

import { revalidatePath } from "next/cache";
import { failure, success, type ActionState, invalidRequest, isForm } from "@/app/_lib/action-state";
import { requirePermission } from "@/app/_lib/guards";
import { actorOf } from "@/app/_lib/actor";
import { getDatabase } from "@/db/index";
import { liftLockout } from "@/db/mutations/auth";
import { idSchema } from "@/app/_lib/form-parse";

/** Ends a lock-out early. The id comes from the button pressed; liftLockout checks it is still in force. */
export async function liftLockoutAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requirePermission("lockout.lift");
  if (!isForm(formData)) return invalidRequest();
  const raw = formData.get("lockoutId");
  const parsed = idSchema.safeParse(typeof raw === "string" ? raw : "");
  if (!parsed.success) return failure("请选择要解除的锁定");
  const outcome = await liftLockout(await getDatabase(), parsed.data, await actorOf(admin));
  if (outcome === "not-found") return failure("该锁定记录不存在");
  if (outcome === "not-active") return failure("该锁定已到期或已被解除，无需再解除");
  revalidatePath("/city/lockouts");
  return success("已解除锁定，该账号或地址现在可以重新登录");
}
