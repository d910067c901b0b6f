import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePermission } from "@/app/_lib/guards";
import { can } from "@/domain/policy";
import { OrderEvidence } from "@/components/evidence/order-evidence";
import { todayInShanghai } from "@/domain/months";
import { OrderDetails } from "@/components/orders/order-details";
import { getCurrentCampaign } from "@/db/queries/campaigns";
import { getOrder } from "@/db/queries/orders";
import { subjectNow } from "../subject";
import { OrderReviewForms } from "./review-forms";

export const metadata: Metadata = { title: "督办单" };

type Query = Promise<{ ev?: string; evs?: string; evn?: string }>;

export default async function CityOrderPage({ params, searchParams }: { params: Promise<{ orderId: string }>; searchParams: Query }) {
  const { orderId } = await params;
  const user = await requirePermission("order.issue", {}, { next: `/city/orders/${orderId}` });
  const id = Number(orderId);
  if (!Number.isInteger(id) || id <= 0) notFound();
  const today = todayInShanghai();
  const [order, campaign] = await Promise.all([getOrder(id), getCurrentCampaign()]);
  if (!order || !campaign) notFound();
  const now = await subjectNow(campaign, order);
  return (
    <div className="max-w-4xl space-y-5">
      <p className="text-sm"><Link href="/city/orders" className="text-brand-700 underline">← 督办单列表</Link></p>
      <OrderDetails order={order} today={today} now={now} />
      <OrderEvidence
        orderId={order.id}
        canAnswer={false}
        canClose={can(user, "order.close", { order: { districtId: order.districtId, departmentId: order.departmentId, status: order.status } })}
        query={await searchParams}
      />
      {order.status === "responded" && <OrderReviewForms orderId={order.id} version={order.version} />}
    </div>
  );
}
