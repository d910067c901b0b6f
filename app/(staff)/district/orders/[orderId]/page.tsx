import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePermission, requireUser } from "@/app/_lib/guards";
import { todayInShanghai } from "@/domain/months";
import { can } from "@/domain/policy";
import { OrderDetails } from "@/components/orders/order-details";
import { OrderEvidence } from "@/components/evidence/order-evidence";
import { getOrder } from "@/db/queries/orders";
import { RespondForm } from "./respond-form";

export const metadata: Metadata = { title: "督办单" };

type Query = Promise<{ ev?: string; evs?: string; evn?: string }>;

export default async function EditorOrderPage({ params, searchParams }: { params: Promise<{ orderId: string }>; searchParams: Query }) {
  const user = await requireUser({ next: "/district/orders" });
  const { orderId } = await params;
  const id = Number(orderId);
  if (!Number.isInteger(id) || id <= 0) notFound();
  const order = await getOrder(id);
  if (!order) notFound();
  const scope = { order: { districtId: order.districtId, departmentId: order.departmentId, status: order.status } };
  await requirePermission("order.read", scope);
  const canAnswer = can(user, "order.respond", scope);
  return (
    <div className="max-w-4xl space-y-5">
      <p className="text-sm"><Link href="/district/orders" className="text-brand-700 underline">← 督办事项</Link></p>
      <OrderDetails order={order} today={todayInShanghai()} now={null} />
      {order.status === "responded" && <p role="status" className="rounded-md border border-amber-200 bg-amber-50 px-4 py-2 text-sm text-amber-950">已反馈，等待市里审核销号。</p>}
      {order.status === "closed" && <p role="status" className="rounded-md border border-green-200 bg-green-50 px-4 py-2 text-sm text-green-900">已销号。</p>}
      <OrderEvidence orderId={order.id} canAnswer={canAnswer} canClose={false} query={await searchParams} />
      {canAnswer && (
        <RespondForm orderId={order.id} version={order.version} previous={{ causes: order.responseCauses ?? "", measures: order.responseMeasures ?? "", expectedOn: order.responseExpectedOn ?? "" }} />
      )}
    </div>
  );
}
