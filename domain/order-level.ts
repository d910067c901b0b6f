import type { OrderLevel, OrderStatus } from "./codes";

/** One level up for an order left unanswered past its deadline (一般 → 重点 → 市领导督办). */
export const NEXT_ORDER_LEVEL: Record<OrderLevel, OrderLevel> = { general: "key", key: "leader", leader: "leader" };

/** Whether an order is waiting for an answer after its deadline (today and deadline as YYYY-MM-DD). */
export function isOrderOverdue(o: { status: OrderStatus; deadlineOn: string }, today: string): boolean {
  return (o.status === "open" || o.status === "returned") && o.deadlineOn < today;
}

/**
 * The level an order stands at today. The escalation timer stores the step up (once per order);
 * until it has run, a page computes the same step from the deadline, so reading never has to write.
 */
export function effectiveOrderLevel(o: { level: OrderLevel; status: OrderStatus; deadlineOn: string; lastEscalatedAt: string | null }, today: string): OrderLevel {
  if (o.lastEscalatedAt == null && isOrderOverdue(o, today)) return NEXT_ORDER_LEVEL[o.level];
  return o.level;
}
