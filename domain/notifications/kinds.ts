/**
 * Notification event kinds, their labels and default delivery. Pure.
 *
 * In-app delivery is always on. Email and webhook default to the daily digest (one message per
 * day per destination), except a returned month, an overdue order and the office's own 催报,
 * which cannot wait until tomorrow.
 */
export const NOTIFICATION_KINDS = [
  "month_returned",
  "month_approved",
  "deadline_soon",
  "deadline_passed",
  "deadline_reminder",
  "order_issued",
  "order_due",
  "order_overdue",
  "order_escalated",
  "order_answered",
  "order_returned",
  "order_closed",
  "plausibility_flag",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const DELIVERY_CHANNELS = ["email", "webhook"] as const;
export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];
export const DELIVERY_MODES = ["off", "immediate", "digest"] as const;
export type DeliveryMode = (typeof DELIVERY_MODES)[number];

export const KIND_LABELS: Record<NotificationKind, string> = {
  month_returned: "月报被退回",
  month_approved: "月报审核通过",
  deadline_soon: "报送截止日临近",
  deadline_passed: "已过报送截止日（催报）",
  deadline_reminder: "专项办催报",
  order_issued: "收到督办单",
  order_due: "督办单即将到期",
  order_overdue: "督办单已逾期",
  order_escalated: "督办单升级",
  order_answered: "督办单已反馈",
  order_returned: "督办反馈被退回",
  order_closed: "督办单已销号",
  plausibility_flag: "数据合理性提示",
};

export const MODE_LABELS: Record<DeliveryMode, string> = { off: "不发送", immediate: "立即发送", digest: "每日汇总" };
export const CHANNEL_LABELS: Record<DeliveryChannel, string> = { email: "电子邮件", webhook: "群机器人（企业微信/钉钉）" };

const IMMEDIATE: ReadonlySet<NotificationKind> = new Set(["month_returned", "order_overdue", "deadline_reminder"]);

export function isNotificationKind(s: unknown): s is NotificationKind {
  return typeof s === "string" && (NOTIFICATION_KINDS as readonly string[]).includes(s);
}

/** The mode used when the user has not chosen one (the same for email and webhook). */
export function defaultMode(kind: NotificationKind): DeliveryMode {
  return IMMEDIATE.has(kind) ? "immediate" : "digest";
}

/** The user's choice where there is one, else the default. */
export function effectiveMode(kind: NotificationKind, channel: DeliveryChannel, chosen: ReadonlyMap<string, DeliveryMode>): DeliveryMode {
  return chosen.get(`${kind}:${channel}`) ?? defaultMode(kind);
}
