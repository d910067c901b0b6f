/**
 * The daily digest: every digest item of one destination (a user's mailbox or a webhook) and one
 * day becomes one message listing that day's events in order. Pure.
 */
export interface DigestItem {
  id: number;
  channel: "email" | "webhook";
  userId: number | null;
  endpointId: number | null;
  /** Asia/Shanghai day of the event, YYYY-MM-DD. */
  day: string;
  createdAt: string;
  subject: string;
  body: string;
}

export interface DigestMessage {
  channel: "email" | "webhook";
  userId: number | null;
  endpointId: number | null;
  day: string;
  itemIds: number[];
  subject: string;
  body: string;
}

function dayLabel(day: string): string {
  return `${Number(day.slice(0, 4))}年${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;
}

/** Items of days before `today` only: today's digest is still filling. */
export function groupDigest(items: readonly DigestItem[], today: string): DigestMessage[] {
  const groups = new Map<string, DigestItem[]>();
  for (const it of items) {
    if (it.day >= today) continue;
    const key = `${it.channel}|${it.channel === "email" ? `u${it.userId}` : `e${it.endpointId}`}|${it.day}`;
    const list = groups.get(key) ?? [];
    list.push(it);
    groups.set(key, list);
  }
  const out: DigestMessage[] = [];
  for (const list of groups.values()) {
    list.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id - b.id));
    const first = list[0]!;
    const lines = list.map((it, i) => `${i + 1}. ${it.body}`);
    out.push({
      channel: first.channel,
      userId: first.userId,
      endpointId: first.endpointId,
      day: first.day,
      itemIds: list.map((it) => it.id),
      subject: `推进平台 ${dayLabel(first.day)}消息汇总（${list.length} 条）`,
      body: [`${dayLabel(first.day)}共有 ${list.length} 条消息：`, ...lines].join("\n"),
    });
  }
  out.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  return out;
}

/** The JSON body 企业微信 and 钉钉 group robots both accept for a text message. */
export function webhookPayload(content: string): { msgtype: "text"; text: { content: string } } {
  return { msgtype: "text", text: { content } };
}
