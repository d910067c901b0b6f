"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { failure, fieldErrorsOf, success, type ActionState, invalidRequest, isForm } from "@/app/_lib/action-state";
import { scopedActorOf } from "@/app/_lib/actor";
import { idSchema } from "@/app/_lib/form-parse";
import { requirePermission } from "@/app/_lib/guards";
import { getDatabase } from "@/db/index";
import { deactivateWebhookEndpoint, insertWebhookEndpoint } from "@/db/mutations/notification-settings";
import { saveNotificationPreferences } from "@/db/mutations/notification-settings";
import { checkWebhookUrl } from "@/db/notify/channels";
import { DELIVERY_CHANNELS, DELIVERY_MODES, NOTIFICATION_KINDS, defaultMode, type DeliveryChannel, type DeliveryMode, type NotificationKind } from "@/domain/notifications/kinds";
import { hiddenCharacters } from "@/domain/text-rules";

const emailSchema = z.union([z.literal(""), z.string().trim().max(200, "邮箱地址过长").email("邮箱地址格式不正确，例如 name@example.gov.cn")]);

async function scopedActor() {
  const user = await requirePermission("account.update");
  return { user, actor: await scopedActorOf(user) };
}

/** Saves the whole table of modes and the email address. Only rows that differ from the default are stored. */
export async function savePreferencesAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const { actor } = await scopedActor();
  if (!isForm(formData)) return invalidRequest();
  const rawEmail = String(formData.get("email") ?? "").trim();
  const email = emailSchema.safeParse(rawEmail);
  const modes: { kind: NotificationKind; channel: DeliveryChannel; mode: DeliveryMode }[] = [];
  const errors: Record<string, string> = {};
  const values: Record<string, string> = { email: rawEmail };
  for (const kind of NOTIFICATION_KINDS) {
    for (const channel of DELIVERY_CHANNELS) {
      const key = `${kind}:${channel}`;
      const v = String(formData.get(key) ?? defaultMode(kind));
      values[key] = v;
      if (!(DELIVERY_MODES as readonly string[]).includes(v)) errors[key] = "请选择发送方式";
      else if (v !== defaultMode(kind)) modes.push({ kind, channel, mode: v as DeliveryMode });
    }
  }
  if (!email.success) errors.email = fieldErrorsOf(email.error.issues)._ ?? email.error.issues[0]!.message;
  const wantsEmail = NOTIFICATION_KINDS.some((k) => values[`${k}:email`] !== "off");
  if (Object.keys(errors).length > 0) return failure("请检查标出的字段，设置未保存", errors, values);
  await saveNotificationPreferences(await getDatabase(), actor, modes, email.data === "" ? null : email.data!);
  revalidatePath("/account/notifications/settings");
  return success(email.data === "" && wantsEmail ? "已保存。未填写邮箱，邮件不会发送。" : "接收设置已保存", values);
}

const webhookSchema = z.object({
  label: z.string().trim().min(1, "请填写名称，例如“晋江市项目调度群”").max(50, "名称最多 50 字").superRefine(hiddenCharacters("名称", true)),
  url: z.string().trim().min(1, "请填写群机器人地址"),
  scope: z.enum(["own", "group"]),
});

/** Adds a group robot after checking its address (http(s), resolves to no private or loopback address). */
export async function addWebhookAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const { actor } = await scopedActor();
  if (!isForm(formData)) return invalidRequest();
  const raw = { label: String(formData.get("label") ?? ""), url: String(formData.get("url") ?? ""), scope: String(formData.get("scope") ?? "own") };
  const parsed = webhookSchema.safeParse(raw);
  if (!parsed.success) return failure("请检查标出的字段，未保存", fieldErrorsOf(parsed.error.issues), raw);
  const checked = await checkWebhookUrl(parsed.data.url);
  if (!checked.ok) return failure("请检查标出的字段，未保存", { url: checked.message }, raw);
  await insertWebhookEndpoint(await getDatabase(), actor, { scope: parsed.data.scope, label: parsed.data.label, url: checked.url.toString() });
  revalidatePath("/account/notifications/settings");
  return success(`已添加群机器人“${parsed.data.label}”`);
}

export async function removeWebhookAction(formData: FormData): Promise<void> {
  const { actor } = await scopedActor();
  if (!isForm(formData)) return;
  const id = idSchema.safeParse(formData.get("id"));
  if (!id.success) return;
  await deactivateWebhookEndpoint(await getDatabase(), actor, id.data);
  revalidatePath("/account/notifications/settings");
}
