import { describe, expect, it } from "vitest";
import { backoffDelayMs, MAX_ATTEMPTS, nextAttemptAfterFailure } from "@/domain/notifications/backoff";
import { groupDigest, webhookPayload, type DigestItem } from "@/domain/notifications/digest";
import { defaultMode, effectiveMode } from "@/domain/notifications/kinds";
import { checkResolved, isBlockedAddress, parseWebhookUrl } from "@/domain/notifications/webhook-url";

describe("webhook URL checks (SSRF)", () => {
  it("accepts the robots' public https addresses", () => {
    const r = parseWebhookUrl("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc");
    expect(r.ok && r.host).toBe("qyapi.weixin.qq.com");
    expect(checkResolved("oapi.dingtalk.com", ["203.119.169.1"], false)).toEqual({ ok: true });
  });

  it("refuses schemes other than http(s) and credentials in the URL", () => {
    for (const u of ["file:///etc/passwd", "ftp://example.com/x", "gopher://example.com/", "javascript:alert(1)"]) {
      const r = parseWebhookUrl(u);
      expect(r.ok, u).toBe(false);
    }
    expect(parseWebhookUrl("https://user:pw@example.com/").ok).toBe(false);
    expect(parseWebhookUrl("   ").ok).toBe(false);
    expect(parseWebhookUrl("not a url").ok).toBe(false);
  });

  it("blocks loopback, private, link-local, CGNAT and unspecified IPv4 addresses", () => {
    for (const a of ["127.0.0.1", "127.8.9.10", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "224.0.0.1", "255.255.255.255"]) {
      expect(isBlockedAddress(a), a).toBe(true);
    }
    for (const a of ["8.8.8.8", "172.32.0.1", "100.128.0.1", "203.119.169.1"]) expect(isBlockedAddress(a), a).toBe(false);
  });

  it("blocks IPv6 loopback, unique-local, link-local and IPv4-mapped private addresses", () => {
    for (const a of ["::1", "::", "fc00::1", "fd12:3456::1", "fe80::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:7f00:1", "ff02::1"]) {
      expect(isBlockedAddress(a), a).toBe(true);
    }
    expect(isBlockedAddress("2400:3200::1")).toBe(false);
    expect(isBlockedAddress("::ffff:8.8.8.8")).toBe(false);
  });

  it("refuses a name when any address it resolves to is private, and an unresolvable name", () => {
    const r = checkResolved("mixed.example", ["8.8.8.8", "10.0.0.5"], false);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toContain("10.0.0.5");
    expect(checkResolved("nowhere.example", [], false).ok).toBe(false);
  });

  it("admits exactly 127.0.0.1 when the test setting allows it, nothing else private", () => {
    expect(checkResolved("127.0.0.1", ["127.0.0.1"], true)).toEqual({ ok: true });
    expect(checkResolved("127.0.0.1", ["127.0.0.1"], false).ok).toBe(false);
    expect(checkResolved("localhost", ["::1"], true).ok).toBe(false);
    expect(checkResolved("x", ["192.168.0.2"], true).ok).toBe(false);
  });
});

describe("backoff schedule", () => {
  it("doubles from one minute and caps at six hours", () => {
    expect([1, 2, 3, 4, 5].map(backoffDelayMs)).toEqual([60_000, 120_000, 240_000, 480_000, 960_000]);
    expect(backoffDelayMs(20)).toBe(6 * 3_600_000);
    expect(() => backoffDelayMs(0)).toThrow();
  });

  it("gives up after the last attempt", () => {
    const t = new Date("2023-10-10T00:00:00Z");
    expect(nextAttemptAfterFailure(1, t)?.toISOString()).toBe("2023-10-10T00:01:00.000Z");
    expect(nextAttemptAfterFailure(3, t)?.toISOString()).toBe("2023-10-10T00:04:00.000Z");
    expect(nextAttemptAfterFailure(MAX_ATTEMPTS, t)).toBeNull();
  });
});

describe("delivery defaults", () => {
  it("sends returns, overdue orders and the office's 催报 at once, everything else in the daily digest", () => {
    expect(defaultMode("month_returned")).toBe("immediate");
    expect(defaultMode("order_overdue")).toBe("immediate");
    expect(defaultMode("month_approved")).toBe("digest");
    expect(defaultMode("order_issued")).toBe("digest");
    expect(effectiveMode("month_approved", "email", new Map([["month_approved:email", "off"]]))).toBe("off");
  });
});

describe("daily digest grouping", () => {
  const item = (id: number, over: Partial<DigestItem>): DigestItem => ({ id, channel: "email", userId: 7, endpointId: null, day: "2023-10-09", createdAt: `2023-10-09T0${id}:00:00Z`, subject: `s${id}`, body: `事件${id}`, ...over });

  it("folds one user's events of one day into one message, in time order", () => {
    const out = groupDigest([item(3, {}), item(1, {}), item(2, {})], "2023-10-10");
    expect(out).toHaveLength(1);
    expect(out[0]!.itemIds).toEqual([1, 2, 3]);
    expect(out[0]!.subject).toBe("推进平台 2023年10月9日消息汇总（3 条）");
    expect(out[0]!.body).toBe("2023年10月9日共有 3 条消息：\n1. 事件1\n2. 事件2\n3. 事件3");
  });

  it("keeps users, webhooks and days apart, and leaves today's items for tomorrow", () => {
    const out = groupDigest(
      [
        item(1, {}),
        item(2, { userId: 8 }),
        item(3, { channel: "webhook", userId: null, endpointId: 4 }),
        item(4, { channel: "webhook", userId: 9, endpointId: 4 }),
        item(5, { day: "2023-10-08", createdAt: "2023-10-08T01:00:00Z" }),
        item(6, { day: "2023-10-10", createdAt: "2023-10-10T01:00:00Z" }),
      ],
      "2023-10-10",
    );
    expect(out.map((m) => [m.channel, m.userId ?? m.endpointId, m.day, m.itemIds])).toEqual([
      ["email", 7, "2023-10-08", [5]],
      ["email", 7, "2023-10-09", [1]],
      ["email", 8, "2023-10-09", [2]],
      ["webhook", 4, "2023-10-09", [3, 4]],
    ]);
  });

  it("writes the text body both robots accept", () => {
    expect(JSON.stringify(webhookPayload("督办单已逾期"))).toBe('{"msgtype":"text","text":{"content":"督办单已逾期"}}');
  });
});
