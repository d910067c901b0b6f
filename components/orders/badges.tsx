import { ORDER_LEVEL_LABELS, ORDER_STATUS_LABELS, ORDER_STATUS_STYLES } from "@/domain/labels";
import type { OrderLevel, OrderStatus } from "@/domain/codes";
import { formatDateTime } from "@/domain/format";
import { Badge } from "@/components/ui/badge";

export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  return <Badge look="soft" data={{ "data-order-status": status }} colors={ORDER_STATUS_STYLES[status]}>{ORDER_STATUS_LABELS[status]}</Badge>;
}

export function OrderLevelBadge({ level }: { level: OrderLevel }) {
  const style = level === "leader" ? "bg-red-700 text-white" : level === "key" ? "bg-amber-100 text-amber-900" : "bg-slate-100 text-slate-700";
  return <Badge look="soft" data={{ "data-order-level": level }} colors={style}>{ORDER_LEVEL_LABELS[level]}</Badge>;
}

/** Days an unanswered order is past its deadline (0 when not overdue or already answered). */
export function overdueDays(o: { status: OrderStatus; deadlineOn: string }, today: string): number {
  if (o.status !== "open" && o.status !== "returned") return 0;
  const d = (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${o.deadlineOn}T00:00:00Z`)) / 86_400_000;
  return d > 0 ? Math.round(d) : 0;
}

export function OverdueBadge({ days }: { days: number }) {
  if (days <= 0) return null;
  return <Badge look="soft" tone="red">已逾期 {days} 天</Badge>;
}

const KIND_LABELS = { issued: "下达督办", responded: "反馈办理情况", returned: "退回重办", closed: "销号", escalated: "逾期升级" } as const;

export function OrderTimeline({ events }: { events: { at: string; actorName: string; kind: keyof typeof KIND_LABELS; note: string | null }[] }) {
  return (
    <ol aria-label="办理过程" className="space-y-2 border-l-2 border-slate-200 pl-4">
      {events.map((e, i) => (
        <li key={i} className="text-sm">
          <span className="tabular text-slate-500">{formatDateTime(e.at)}</span>
          <span className="mx-2 font-medium">{KIND_LABELS[e.kind]}</span>
          <span className="text-slate-600">{e.actorName === "system" ? "系统" : e.actorName}</span>
          {e.note && <p className="mt-0.5 whitespace-pre-line text-slate-700">{e.note}</p>}
        </li>
      ))}
    </ol>
  );
}
