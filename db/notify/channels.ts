/**
 * The delivery channels behind domain/notifications/channel.ts: email over SMTP (nodemailer) and
 * group-chat robots (企业微信 / 钉钉 text messages). In-app delivery needs no channel: the
 * notification row is the message. Both report failures as values; the worker records them.
 */
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import { isIP } from "node:net";
import nodemailer from "nodemailer";
import type { Channel, DeliveryResult, OutgoingMessage } from "@/domain/notifications/channel";
import { webhookPayload } from "@/domain/notifications/digest";
import { checkResolved, parseWebhookUrl } from "@/domain/notifications/webhook-url";

const TIMEOUT_MS = Number(process.env.TUIJIN_NOTIFY_TIMEOUT_MS ?? 10_000);

export function smtpSettings() {
  const host = process.env.TUIJIN_SMTP_HOST?.trim() ?? "";
  const port = Number(process.env.TUIJIN_SMTP_PORT ?? 587);
  const secure = process.env.TUIJIN_SMTP_SECURE === "1" || process.env.TUIJIN_SMTP_SECURE === "true";
  const user = process.env.TUIJIN_SMTP_USER?.trim() || undefined;
  const pass = process.env.TUIJIN_SMTP_PASSWORD || undefined;
  const from = process.env.TUIJIN_SMTP_FROM?.trim() || (user ?? "tuijin@localhost");
  return { host, port, secure, user, pass, from };
}

function short(e: unknown): string {
  const err = e as { message?: string; code?: string; responseCode?: number; response?: string };
  const text = err.response ?? err.message ?? String(e);
  return `${err.code ? `${err.code} ` : ""}${err.responseCode ? `${err.responseCode} ` : ""}${text}`.split("\n")[0]!.slice(0, 300);
}

export class EmailChannel implements Channel {
  readonly name = "email" as const;
  async send(m: OutgoingMessage): Promise<DeliveryResult> {
    const s = smtpSettings();
    if (!s.host) return { ok: false, error: "未配置邮件服务器（TUIJIN_SMTP_HOST）" };
    const transport = nodemailer.createTransport({
      host: s.host,
      port: s.port,
      secure: s.secure,
      auth: s.user ? { user: s.user, pass: s.pass ?? "" } : undefined,
      // A server that accepts the connection and then says nothing must not hold the worker.
      connectionTimeout: TIMEOUT_MS,
      greetingTimeout: TIMEOUT_MS,
      socketTimeout: TIMEOUT_MS,
      // Plain SMTP on a test sink; a real server advertising STARTTLS is still upgraded.
      ignoreTLS: s.host === "127.0.0.1" && !s.secure,
    });
    try {
      await transport.sendMail({ from: s.from, to: m.to, subject: m.subject, text: m.body });
      return { ok: true };
    } catch (e) {
      return { ok: false, error: short(e) };
    } finally {
      transport.close();
    }
  }
}

export function allowLoopbackWebhooks(): boolean {
  return process.env.TUIJIN_WEBHOOK_ALLOW_LOOPBACK === "1";
}

/**
 * Resolves the host and checks every address before connecting (and connects to the checked
 * address: the name is not looked up a second time, so it cannot be switched in between).
 */
export async function checkWebhookUrl(raw: string): Promise<{ ok: true; url: URL } | { ok: false; message: string }> {
  const parsed = parseWebhookUrl(raw);
  if (!parsed.ok) return parsed;
  const addresses = isIP(parsed.host) ? [parsed.host] : await new Promise<string[]>((resolve) => dnsLookup(parsed.host, { all: true }, (err, list) => resolve(err ? [] : list.map((a) => a.address))));
  const verdict = checkResolved(parsed.host, addresses, allowLoopbackWebhooks());
  return verdict.ok ? { ok: true, url: parsed.url } : verdict;
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

function guardedLookup(hostname: string, options: { all?: boolean }, cb: LookupCallback): void {
  dnsLookup(hostname, { all: true }, (err, list) => {
    if (err) return cb(err, "");
    const verdict = checkResolved(hostname, list.map((a) => a.address), allowLoopbackWebhooks());
    if (!verdict.ok) return cb(Object.assign(new Error(verdict.message), { code: "EBLOCKED" }), "");
    if (options.all) return cb(null, list);
    cb(null, list[0]!.address, list[0]!.family);
  });
}

export class WebhookChannel implements Channel {
  readonly name = "webhook" as const;
  async send(m: OutgoingMessage): Promise<DeliveryResult> {
    const checked = await checkWebhookUrl(m.to);
    if (!checked.ok) return { ok: false, error: checked.message };
    const body = JSON.stringify(webhookPayload(m.body));
    const url = checked.url;
    const lib = url.protocol === "https:" ? https : http;
    return new Promise<DeliveryResult>((resolve) => {
      const req = lib.request(
        url,
        { method: "POST", headers: { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(body) }, lookup: guardedLookup as never, timeout: TIMEOUT_MS },
        (res) => {
          let text = "";
          res.setEncoding("utf8");
          res.on("data", (c: string) => (text.length < 2000 ? (text += c) : undefined));
          res.on("end", () => {
            const status = res.statusCode ?? 0;
            // Redirects are not followed: a robot address that moves is reported, not chased inside the network.
            if (status < 200 || status >= 300) return resolve({ ok: false, error: `HTTP ${status}` });
            try {
              const j = JSON.parse(text) as { errcode?: number; errmsg?: string };
              if (typeof j.errcode === "number" && j.errcode !== 0) return resolve({ ok: false, error: `errcode ${j.errcode} ${j.errmsg ?? ""}`.trim() });
            } catch {
              // A receiver that answers 2xx without JSON took the message.
            }
            resolve({ ok: true });
          });
        },
      );
      req.on("timeout", () => req.destroy(new Error(`超时（${TIMEOUT_MS / 1000} 秒无响应）`)));
      req.on("error", (e) => resolve({ ok: false, error: short(e) }));
      req.end(body);
    });
  }
}
