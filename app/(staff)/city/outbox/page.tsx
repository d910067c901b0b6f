import type { Metadata } from "next";
import { requirePermission } from "@/app/_lib/guards";
import { isNotificationKind, KIND_LABELS } from "@/domain/notifications/kinds";
import { DataTable, EmptyRow } from "@/components/ui/data-table";
import { listOutbox } from "@/db/queries/notifications";
import { formatDateTime } from "@/domain/format";

export const metadata: Metadata = { title: "消息发送记录" };

const STATUS_LABELS: Record<string, string> = { pending: "待发送", sending: "发送中", sent: "已发送", failed: "发送失败（已停止重试）", digested: "已并入每日汇总" };

/** The send log: every email and robot message, when, its outcome, attempts and the last error. */
export default async function OutboxPage() {
  await requirePermission("audit.read", {}, { next: "/city/outbox" });
  const rows = await listOutbox(200);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">消息发送记录</h1>
      <p className="text-sm text-slate-600">最近 200 条邮件和群机器人消息。发送失败的按 1、2、4、8……分钟的间隔重试，最多 6 次。站内消息不经过这里，总会送达。</p>
      <DataTable look="framed" nowrapHead caption="消息发送记录" columns={["编号", "渠道", "收件人", "消息", "生成时间", "状态", "尝试", "下次尝试 / 发出时间", "最后错误"]}>
            {rows.map((r) => (
              <tr key={r.id} data-outbox={r.id} data-status={r.status}>
                <td className="tabular">{r.id}</td>
                <td className="whitespace-nowrap">{r.channel === "email" ? "邮件" : "群机器人"}{r.mode === "digest" ? "（汇总项）" : ""}</td>
                <td className="whitespace-nowrap">{r.channel === "email" ? (r.userName ?? `用户 #${r.userId}`) : (r.robotLabel ?? `机器人 #${r.endpointId}`)}</td>
                <td>{r.kind === "digest" ? "每日汇总" : isNotificationKind(r.kind) ? KIND_LABELS[r.kind] : r.kind}<span className="block text-xs text-slate-500">{r.subject}</span></td>
                <td className="whitespace-nowrap">{formatDateTime(r.createdAt)}</td>
                <td className="whitespace-nowrap">{STATUS_LABELS[r.status] ?? r.status}</td>
                <td className="tabular">{r.attempts}</td>
                <td className="whitespace-nowrap">{r.status === "sent" ? formatDateTime(r.sentAt) : r.status === "pending" ? formatDateTime(r.nextAttemptAt) : "—"}</td>
                <td className="text-red-800">{r.lastError ?? ""}</td>
              </tr>
            ))}
        {rows.length === 0 && <EmptyRow colSpan={9}>还没有发出的消息。</EmptyRow>}
      </DataTable>
    </div>
  );
}
