import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Channel, DeliveryResult, OutgoingMessage } from "@/domain/notifications/channel";
import { emitNotification } from "@/db/mutations/notifications";
import { runNotificationWorker } from "@/db/notify/worker";
import type { OpenDatabase } from "@/db/client";
import { freshDatabase } from "../support/temp-db";

/** A channel that records what it was asked to send and answers as told. */
class Recorder implements Channel {
  sent: OutgoingMessage[] = [];
  answer: DeliveryResult = { ok: true };
  constructor(readonly name: "email" | "webhook") {}
  async send(m: OutgoingMessage): Promise<DeliveryResult> {
    this.sent.push(m);
    return this.answer;
  }
}

let open: OpenDatabase;
let cleanup: () => void;
let clerk: number;
let district: number;

beforeAll(async () => {
  process.env.TUIJIN_SMTP_HOST = "127.0.0.1";
  ({ open, cleanup } = await freshDatabase());
  const c = open.client;
  district = Number((await c.execute("insert into districts (code, name, kind) values ('a', '甲区', 'district') returning id")).rows[0]!.id);
  clerk = Number((await c.execute({ sql: "insert into users (username, display_name, role, district_id, password_hash) values ('clerk', '填报员', 'district_editor', ?, 'x') returning id", args: [district] })).rows[0]!.id);
  await c.execute({ sql: "insert into notification_addresses (user_id, email) values (?, 'clerk@example.test')", args: [clerk] });
});
afterAll(() => {
  delete process.env.TUIJIN_SMTP_HOST;
  cleanup();
});

const emit = (kind: "month_returned" | "month_approved" | "order_issued", text: string, at: Date) =>
  open.write((tx) => emitNotification(tx, { kind, subjectType: "monthly_report", subjectId: 1, textZh: text, textEn: text, link: { editor: "/district" } }, { districtId: district }, { now: at }));

async function outbox() {
  return (await open.client.execute("select id, mode, status, attempts, next_attempt_at, last_error, digest_id, body from outbox_messages order by id")).rows;
}

describe("the notification worker", () => {
  const day1 = new Date("2023-10-09T02:00:00Z"); // 10:00 in Shanghai

  it("sends an immediate message once, retries a refusal with backoff and records every attempt", async () => {
    const email = new Recorder("email");
    const webhook = new Recorder("webhook");
    await emit("month_returned", "月报被退回：请补充说明", day1);
    expect((await open.client.execute("select count(*) as n from notifications where user_id = " + clerk)).rows[0]!.n).toBe(1);

    email.answer = { ok: false, error: "550 mailbox unavailable" };
    const first = await runNotificationWorker(open, { now: day1, channels: { email, webhook } });
    expect(first).toMatchObject({ sent: 0, failed: 1 });
    let row = (await outbox())[0]!;
    expect(row).toMatchObject({ status: "pending", attempts: 1, last_error: "550 mailbox unavailable", next_attempt_at: "2023-10-09T02:01:00.000Z" });

    // Not due yet: nothing is tried again.
    await runNotificationWorker(open, { now: new Date("2023-10-09T02:00:30Z"), channels: { email, webhook } });
    expect(email.sent).toHaveLength(1);

    email.answer = { ok: true };
    const second = await runNotificationWorker(open, { now: new Date("2023-10-09T02:01:00Z"), channels: { email, webhook } });
    expect(second).toMatchObject({ sent: 1, failed: 0 });
    row = (await outbox())[0]!;
    expect(row).toMatchObject({ status: "sent", attempts: 2, last_error: null });
    expect(email.sent.map((m) => m.to)).toEqual(["clerk@example.test", "clerk@example.test"]);
  });

  it("holds digest items until their day is over, then sends one message with all of them", async () => {
    const email = new Recorder("email");
    const webhook = new Recorder("webhook");
    await emit("month_approved", "甲区2023年9月月报已审核通过", new Date("2023-10-09T03:00:00Z"));
    await emit("order_issued", "收到督办单 DB-2023-0001", new Date("2023-10-09T04:00:00Z"));
    await runNotificationWorker(open, { now: new Date("2023-10-09T15:00:00Z"), channels: { email, webhook } }); // 23:00 Shanghai
    expect(email.sent).toHaveLength(0);

    const next = await runNotificationWorker(open, { now: new Date("2023-10-09T16:30:00Z"), channels: { email, webhook } }); // 00:30 next day
    expect(next).toMatchObject({ digests: 1, sent: 1 });
    expect(email.sent).toHaveLength(1);
    expect(email.sent[0]!.subject).toBe("推进平台 2023年10月9日消息汇总（2 条）");
    expect(email.sent[0]!.body).toBe("2023年10月9日共有 2 条消息：\n1. 甲区2023年9月月报已审核通过\n2. 收到督办单 DB-2023-0001");
    const digested = (await outbox()).filter((r) => r.status === "digested");
    expect(digested).toHaveLength(2);
    expect(new Set(digested.map((r) => r.digest_id)).size).toBe(1);

    // Running again finds nothing new to fold or send.
    const again = await runNotificationWorker(open, { now: new Date("2023-10-09T17:00:00Z"), channels: { email, webhook } });
    expect(again).toMatchObject({ digests: 0, sent: 0 });
  });

  it("two workers running at once send each message exactly once", async () => {
    const email = new Recorder("email");
    const webhook = new Recorder("webhook");
    const at = new Date("2023-10-11T02:00:00Z");
    for (let i = 0; i < 5; i++) await emit("month_returned", `退回 ${i}`, at);
    await Promise.all([runNotificationWorker(open, { now: at, channels: { email, webhook } }), runNotificationWorker(open, { now: at, channels: { email, webhook } })]);
    expect(email.sent.map((m) => m.body).sort()).toEqual(["退回 0", "退回 1", "退回 2", "退回 3", "退回 4"]);
  });

  it("a user who turned email off for a kind gets the in-app notice only", async () => {
    await open.client.execute({ sql: "insert into notification_preferences (user_id, kind, channel, mode) values (?, 'month_returned', 'email', 'off')", args: [clerk] });
    const before = (await outbox()).length;
    await emit("month_returned", "不发邮件", new Date("2023-10-12T02:00:00Z"));
    expect((await outbox()).length).toBe(before);
    expect((await open.client.execute("select count(*) as n from notifications where text_zh = '不发邮件'")).rows[0]!.n).toBe(1);
  });
});
