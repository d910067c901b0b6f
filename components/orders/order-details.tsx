import { monthLabel } from "@/domain/months";
import type { getOrder } from "@/db/queries/orders";
import { OrderLevelBadge, OrderStatusBadge, OrderTimeline, OverdueBadge, overdueDays } from "./badges";
import { formatDateTime } from "@/domain/format";

type Order = NonNullable<Awaited<ReturnType<typeof getOrder>>>;

/** What both sides see of an order: the issue, the requirement, the answer, the timeline. */
export function OrderDetails({ order, today, now }: { order: Order; today: string; now: { recovered: boolean; text: string } | null }) {
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-bold">督办单 {order.code}</h1>
        <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-600">
          <OrderStatusBadge status={order.status} />
          <OrderLevelBadge level={order.level} />
          <OverdueBadge days={overdueDays(order, today)} />
          <span>责任单位：{order.districtName ?? order.departmentName}</span>
          <span>办结期限：{order.deadlineOn}</span>
          <span>下达：{order.issuerName} {formatDateTime(order.issuedAt)}</span>
          {order.month && <span>数据月份：{monthLabel(order.month)}</span>}
        </p>
      </div>
      {now && (
        <p role="status" data-recovered={now.recovered ? "1" : "0"} className={`rounded-md border px-4 py-2 text-sm ${now.recovered ? "border-green-200 bg-green-50 text-green-900" : "border-slate-200 bg-white text-slate-700"}`}>
          <strong>{now.recovered ? "已恢复：" : "当前情况："}</strong>
          {now.text}
        </p>
      )}
      <section aria-labelledby="issue-h" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="issue-h" className="font-semibold">存在问题</h2>
        <p className="mt-1 whitespace-pre-line text-sm">{order.issue}</p>
        <h2 className="mt-3 font-semibold">整改要求</h2>
        <p className="mt-1 whitespace-pre-line text-sm">{order.requirement}</p>
      </section>
      {order.responseMeasures && (
        <section aria-labelledby="resp-h" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="resp-h" className="font-semibold">办理情况反馈</h2>
          <dl className="mt-1 grid grid-cols-[7rem_1fr] gap-y-1 text-sm">
            <dt className="text-slate-500">原因分析</dt>
            <dd className="whitespace-pre-line">{order.responseCauses}</dd>
            <dt className="text-slate-500">整改措施</dt>
            <dd className="whitespace-pre-line">{order.responseMeasures}</dd>
            <dt className="text-slate-500">预计完成</dt>
            <dd>{order.responseExpectedOn}</dd>
          </dl>
        </section>
      )}
      {order.status === "returned" && order.returnComment && (
        <p className="rounded-md border border-red-200 bg-red-50 px-4 py-2 text-sm text-red-900"><strong>退回意见：</strong>{order.returnComment}</p>
      )}
      <section aria-labelledby="tl-h">
        <h2 id="tl-h" className="mb-2 font-semibold">办理过程</h2>
        <OrderTimeline events={order.events} />
      </section>
    </div>
  );
}
