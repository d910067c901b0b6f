import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/app/_lib/guards";
import { isNotificationKind, KIND_LABELS } from "@/domain/notifications/kinds";
import { listNotifications } from "@/db/queries/notifications";
import { markReadAction } from "./actions";
import { formatDateTime } from "@/domain/format";

export const metadata: Metadata = { title: "消息通知" };

/** The notification centre: the caller's own notices, newest first; mark one or all read. No client JS. */
export default async function NotificationsPage() {
  const user = await requirePermission("account.update", {}, { next: "/account/notifications" });
  const items = await listNotifications(user.id);
  const unread = items.filter((n) => !n.readAt).length;
  return (
    <div className="max-w-3xl space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">消息通知</h1>
          <p className="mt-1 text-sm text-slate-600" data-unread={unread}>{unread > 0 ? `${unread} 条未读` : "没有未读消息"}</p>
        </div>
        <div className="flex items-center gap-3 text-sm">
          <Link href="/account/notifications/settings" className="text-brand-700 underline">接收设置</Link>
          {unread > 0 && (
            <form action={markReadAction}>
              <input type="hidden" name="id" value="all" />
              <button type="submit" className="rounded border border-slate-300 px-3 py-1.5 hover:bg-slate-100">全部标为已读</button>
            </form>
          )}
        </div>
      </div>
      {items.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-5 text-sm text-slate-600">还没有消息。月报被退回或审核通过、临近截止日、收到督办单等，都会在这里提醒。</p>
      ) : (
        <ul aria-label="消息列表" className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
          {items.map((n) => (
            <li key={n.id} data-notification={n.kind} data-read={n.readAt ? "1" : "0"} className={`flex flex-wrap items-start justify-between gap-3 px-4 py-3 ${n.readAt ? "" : "bg-brand-50/40"}`}>
              <div className="min-w-0 flex-1">
                <p className="text-xs text-slate-500">
                  {!n.readAt && <span className="mr-1.5 rounded bg-red-600 px-1.5 py-0.5 text-[11px] font-medium text-white">未读</span>}
                  {isNotificationKind(n.kind) ? KIND_LABELS[n.kind] : n.kind} · {formatDateTime(n.createdAt)}
                </p>
                <p className="mt-1 break-words text-sm text-slate-900">{n.textZh}</p>
                {n.link && <Link href={n.link} className="mt-1 inline-block text-sm text-brand-700 underline">查看</Link>}
              </div>
              {!n.readAt && (
                <form action={markReadAction}>
                  <input type="hidden" name="id" value={n.id} />
                  <button type="submit" className="whitespace-nowrap rounded border border-slate-300 px-2.5 py-1 text-xs hover:bg-slate-100">标为已读</button>
                </form>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
