import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/app/_lib/guards";
import { defaultMode, DELIVERY_CHANNELS, NOTIFICATION_KINDS } from "@/domain/notifications/kinds";
import { getNotificationSettings, listWebhookEndpoints } from "@/db/queries/notifications";
import { getScopeName } from "@/db/queries/users";
import { removeWebhookAction } from "./actions";
import { PreferencesForm, WebhookForm } from "./settings-forms";

export const metadata: Metadata = { title: "消息接收设置" };

/** Where a webhook URL is shown, the key (a secret of the group) is cut short. */
function masked(url: string): string {
  return url.replace(/([?&](?:key|access_token)=)([^&]{4})[^&]*/i, "$1$2…");
}

export default async function NotificationSettingsPage() {
  const user = await requirePermission("account.update", {}, { next: "/account/notifications/settings" });
  const [{ prefs, email }, endpoints, scope] = await Promise.all([getNotificationSettings(user.id), listWebhookEndpoints(user), getScopeName(user.districtId, user.departmentId)]);
  const modes: Record<string, string> = {};
  for (const k of NOTIFICATION_KINDS) for (const c of DELIVERY_CHANNELS) modes[`${k}:${c}`] = defaultMode(k);
  for (const p of prefs) modes[`${p.kind}:${p.channel}`] = p.mode;
  return (
    <div className="max-w-3xl space-y-6">
      <div>
        <p className="text-sm"><Link href="/account/notifications" className="text-brand-700 underline">← 消息通知</Link></p>
        <h1 className="mt-1 text-2xl font-bold">消息接收设置</h1>
      </div>
      <PreferencesForm modes={modes} email={email ?? ""} />
      <section aria-labelledby="robots" className="space-y-3">
        <h2 id="robots" className="text-lg font-semibold">群机器人</h2>
        {endpoints.length === 0 ? (
          <p className="text-sm text-slate-600">还没有群机器人。</p>
        ) : (
          <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm" aria-label="已添加的群机器人">
            {endpoints.map((e) => (
              <li key={e.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-2">
                <span>
                  {e.label}
                  <span className="ml-2 text-slate-500">{e.userId ? "仅我" : (scope ?? "本单位")}</span>
                  <span className="block break-all text-xs text-slate-500">{masked(e.url)}</span>
                </span>
                <form action={removeWebhookAction}>
                  <input type="hidden" name="id" value={e.id} />
                  <button type="submit" className="rounded border border-red-300 px-2.5 py-1 text-xs text-red-800 hover:bg-red-50">停用</button>
                </form>
              </li>
            ))}
          </ul>
        )}
        <WebhookForm groupLabel={scope} />
      </section>
    </div>
  );
}
