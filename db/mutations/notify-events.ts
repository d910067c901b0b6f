/**
 * The events the app's writes raise, worded once. Each runs inside the caller's write
 * transaction (the change and its notifications commit together) and reads the names it needs
 * there. Callers have passed the policy check for the change itself.
 */
import { eq } from "drizzle-orm";
import { monthLabel } from "@/domain/months";
import { ORDER_LEVEL_LABELS } from "@/domain/labels";
import type { OrderLevel } from "@/domain/codes";
import type { Tx } from "../client";
import { departments, districts, supervisionOrders } from "../schema";
import { emitNotification, type Recipients } from "./notifications";

async function districtName(tx: Tx, id: number): Promise<{ name: string; nameEn: string }> {
  return (await tx.select({ name: districts.name, nameEn: districts.nameEn }).from(districts).where(eq(districts.id, id)))[0] ?? { name: "", nameEn: "" };
}

const enMonth = (m: string) => `${m.slice(0, 4)}-${m.slice(5, 7)}`;

export async function notifyMonthReturned(tx: Tx, r: { reportId: number; districtId: number; month: string; comment: string; actorId: number }) {
  const d = await districtName(tx, r.districtId);
  await emitNotification(
    tx,
    {
      kind: "month_returned",
      subjectType: "monthly_report",
      subjectId: r.reportId,
      textZh: `${d.name}${monthLabel(r.month)}月报被专项办退回，退回意见：${r.comment}`,
      textEn: `The ${enMonth(r.month)} report of ${d.nameEn || d.name} was returned: ${r.comment}`,
      link: { editor: `/district/figures?month=${r.month}`, city: `/city/review/${r.reportId}` },
    },
    { districtId: r.districtId },
    { excludeUserId: r.actorId },
  );
}

export async function notifyMonthApproved(tx: Tx, r: { reportId: number; districtId: number; month: string; actorId: number }) {
  const d = await districtName(tx, r.districtId);
  await emitNotification(
    tx,
    {
      kind: "month_approved",
      subjectType: "monthly_report",
      subjectId: r.reportId,
      textZh: `${d.name}${monthLabel(r.month)}月报已审核通过`,
      textEn: `The ${enMonth(r.month)} report of ${d.nameEn || d.name} was approved`,
      link: { editor: `/district/figures?month=${r.month}`, city: `/city/review/${r.reportId}` },
    },
    { districtId: r.districtId },
    { excludeUserId: r.actorId },
  );
}

/** 催报: a reminder that a month's report is due soon, overdue, or chased by the office. */
export async function notifyDeadline(tx: Tx, r: { kind: "deadline_soon" | "deadline_passed" | "deadline_reminder"; periodId: number; districtId: number; month: string; dueOn: string; dedupeKey?: string; actorId?: number | null; now?: Date }) {
  const d = await districtName(tx, r.districtId);
  const due = `${Number(r.dueOn.slice(5, 7))}月${Number(r.dueOn.slice(8, 10))}日`;
  const textZh =
    r.kind === "deadline_soon"
      ? `${d.name}${monthLabel(r.month)}月报将于${due}截止，请按时报送`
      : r.kind === "deadline_passed"
        ? `${d.name}${monthLabel(r.month)}月报已过截止日（${due}），尚未报送，请尽快报送`
        : `专项办催报：${d.name}${monthLabel(r.month)}月报（截止${due}）尚未报送，请尽快报送`;
  const textEn =
    r.kind === "deadline_soon" ? `The ${enMonth(r.month)} report is due on ${r.dueOn}` : `The ${enMonth(r.month)} report (due ${r.dueOn}) has not been submitted`;
  return emitNotification(
    tx,
    { kind: r.kind, subjectType: "period", subjectId: r.periodId, textZh, textEn, link: { editor: `/district/figures?month=${r.month}`, city: "/city/completeness" }, dedupeKey: r.dedupeKey },
    { districtId: r.districtId },
    { excludeUserId: r.actorId ?? null, now: r.now },
  );
}

type OrderKind = "order_issued" | "order_due" | "order_overdue" | "order_escalated" | "order_answered" | "order_returned" | "order_closed";

/** One supervision-order event; answers go to the office, everything else to the responsible side. */
export async function notifyOrder(tx: Tx, orderId: number, kind: OrderKind, opts: { actorId?: number | null; newLevel?: OrderLevel; dedupeKey?: string; now?: Date } = {}) {
  const o = (
    await tx
      .select({ code: supervisionOrders.code, districtId: supervisionOrders.districtId, departmentId: supervisionOrders.departmentId, deadlineOn: supervisionOrders.deadlineOn, issue: supervisionOrders.issue, returnComment: supervisionOrders.returnComment, districtName: districts.name, departmentName: departments.name })
      .from(supervisionOrders)
      .leftJoin(districts, eq(districts.id, supervisionOrders.districtId))
      .leftJoin(departments, eq(departments.id, supervisionOrders.departmentId))
      .where(eq(supervisionOrders.id, orderId))
  )[0];
  if (!o) return 0;
  const who = o.districtName ?? o.departmentName ?? "";
  const short = o.issue.length > 60 ? `${o.issue.slice(0, 60)}…` : o.issue;
  const zh: Record<OrderKind, string> = {
    order_issued: `收到督办单 ${o.code}（办理期限 ${o.deadlineOn}）：${short}`,
    order_due: `督办单 ${o.code} 将于 ${o.deadlineOn} 到期，请及时反馈`,
    order_overdue: `督办单 ${o.code} 已逾期（期限 ${o.deadlineOn}），${opts.newLevel ? `已升为${ORDER_LEVEL_LABELS[opts.newLevel]}，` : ""}请立即办理反馈`,
    order_escalated: `督办单 ${o.code}（${who}）逾期未办结，已升为${opts.newLevel ? ORDER_LEVEL_LABELS[opts.newLevel] : "更高级别"}`,
    order_answered: `${who}已反馈督办单 ${o.code}，待审核销号`,
    order_returned: `督办单 ${o.code} 的反馈被退回：${o.returnComment ?? ""}`,
    order_closed: `督办单 ${o.code} 已销号`,
  };
  const en: Record<OrderKind, string> = {
    order_issued: `Supervision order ${o.code} issued (due ${o.deadlineOn})`,
    order_due: `Supervision order ${o.code} is due on ${o.deadlineOn}`,
    order_overdue: `Supervision order ${o.code} is overdue (due ${o.deadlineOn})`,
    order_escalated: `Supervision order ${o.code} was escalated`,
    order_answered: `Supervision order ${o.code} was answered`,
    order_returned: `The answer to supervision order ${o.code} was returned`,
    order_closed: `Supervision order ${o.code} was closed`,
  };
  const toOffice = kind === "order_answered" || kind === "order_escalated";
  const to: Recipients = toOffice
    ? { roles: kind === "order_escalated" && opts.newLevel === "leader" ? ["city_admin", "city_leader"] : ["city_admin"] }
    : o.districtId != null
      ? { districtId: o.districtId }
      : { departmentId: o.departmentId! };
  return emitNotification(
    tx,
    { kind, subjectType: "supervision_order", subjectId: orderId, textZh: zh[kind], textEn: en[kind], link: { editor: `/district/orders/${orderId}`, city: `/city/orders/${orderId}` }, dedupeKey: opts.dedupeKey },
    to,
    { excludeUserId: opts.actorId ?? null, now: opts.now },
  );
}

/** A district kept a number the plausibility rules question: the district's other clerks and the office hear of it once. */
export async function notifyPlausibilityFlag(tx: Tx, f: { campaignId: number; districtId: number; month: string; key: string; message: string; actorId: number }) {
  const d = await districtName(tx, f.districtId);
  const event = {
    kind: "plausibility_flag" as const,
    subjectType: "plausibility_flag",
    subjectId: null,
    textZh: `${d.name}${monthLabel(f.month)}数据合理性提示：${f.message}`,
    textEn: `Plausibility warning on the ${enMonth(f.month)} figures of ${d.nameEn || d.name}`,
    link: { editor: `/district/figures?month=${f.month}`, city: "/city/review" },
    dedupeKey: `flag:${f.campaignId}:${f.districtId}:${f.month}:${f.key}`,
  };
  await emitNotification(tx, event, { districtId: f.districtId }, { excludeUserId: f.actorId });
  await emitNotification(tx, event, { roles: ["city_admin"] }, { excludeUserId: f.actorId });
}
