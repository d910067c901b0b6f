import Link from "next/link";
import { listOrders } from "@/db/queries/orders";
import { OrderLevelBadge, OrderStatusBadge, OverdueBadge, overdueDays } from "@/components/orders/badges";
import type { editorOrderScope } from "./orders/scope";

/** Supervision orders waiting for this district or department: shown first, they are the city's explicit asks. */
export async function OpenOrders({ campaignId, scope, today }: { campaignId: number; scope: NonNullable<ReturnType<typeof editorOrderScope>>; today: string }) {
  const orders = (await listOrders(campaignId, scope, { status: "active" })).filter((o) => o.status !== "responded");
  return (
    <section aria-labelledby="orders" className="rounded-lg border border-slate-200 bg-white p-5">
      <h2 id="orders" className="text-lg font-semibold">待办督办单</h2>
      {orders.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">没有待办的督办单。</p>
      ) : (
        <ul className="mt-2 space-y-2 text-sm">
          {orders.map((o) => (
            <li key={o.id} className="flex flex-wrap items-center gap-2">
              <Link href={`/district/orders/${o.id}`} className="font-medium text-brand-700 underline">{o.code}</Link>
              <OrderStatusBadge status={o.status} />
              <OrderLevelBadge level={o.level} />
              <OverdueBadge days={overdueDays(o, today)} />
              <span className="text-slate-700">{o.issue}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
