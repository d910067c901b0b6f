import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { requireUser } from "@/app/_lib/guards";
import { todayInShanghai } from "@/domain/months";
import { OrderLevelBadge, OrderStatusBadge, OverdueBadge, overdueDays } from "@/components/orders/badges";
import { getCurrentCampaign } from "@/db/queries/campaigns";
import { listOrders } from "@/db/queries/orders";
import { editorOrderScope } from "./scope";

export const metadata: Metadata = { title: "督办事项" };

export default async function EditorOrdersPage() {
  const user = await requireUser({ next: "/district/orders" });
  const scope = editorOrderScope(user);
  if (!scope) forbidden();
  const campaign = await getCurrentCampaign();
  if (!campaign) notFound();
  const today = todayInShanghai();
  const orders = await listOrders(campaign.id, scope);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">督办事项</h1>
      {orders.length === 0 ? (
        <p className="text-sm text-slate-600">没有督办事项。</p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
          {orders.map((o) => (
            <li key={o.id} data-order={o.code} className="space-y-1 px-4 py-3 text-sm">
              <div className="flex flex-wrap items-center gap-2">
                <Link href={`/district/orders/${o.id}`} className="font-medium text-brand-700 underline">{o.code}</Link>
                <OrderStatusBadge status={o.status} />
                <OrderLevelBadge level={o.level} />
                <OverdueBadge days={overdueDays(o, today)} />
                <span className="text-slate-600">期限 {o.deadlineOn}</span>
              </div>
              <p className="text-slate-700">{o.issue}</p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
