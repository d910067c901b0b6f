// @ts-check
/**
 * What the server may believe about a request it did not see first-hand: the client's address
 * and the origin a mutation came from. One implementation for the front server
 * (scripts/server.mjs, plain Node, runs before Next.js sees a request) and the app
 * (app/_lib/request-info.ts, app/_lib/origin.ts). Types: forwarding.d.mts.
 *
 * Settings (environment):
 * - TUIJIN_TRUSTED_PROXIES: how many reverse proxies in front of the server append to
 *   X-Forwarded-For and set X-Forwarded-Host/-Proto (default 0: none, the socket address is the
 *   client and forwarded headers from the client are dropped);
 * - TUIJIN_PUBLIC_ORIGIN: the origin people use, e.g. https://tuijin.example.gov.cn; mutations
 *   must come from it. Default: the request's own Host (X-Forwarded-Host when a proxy is trusted).
 */
import { isIP } from "node:net";

/** The request header the front server sets to the client address it resolved (client copies are dropped). */
export const CLIENT_ADDRESS_HEADER = "x-tuijin-client-address";

/** Headers only a trusted proxy may set; dropped from requests when none is trusted. */
export const FORWARDED_HEADERS = ["x-forwarded-for", "x-forwarded-host", "x-forwarded-port", "x-real-ip", "forwarded"];

const MAX_HOPS = 10;

/** TUIJIN_TRUSTED_PROXIES as a number of hops, or an error message. */
export function parseTrustedProxies(value) {
  const v = (value ?? "").trim();
  if (v === "") return { hops: 0 };
  if (!/^\d+$/.test(v) || Number(v) > MAX_HOPS) return { error: `TUIJIN_TRUSTED_PROXIES 应为 0 到 ${MAX_HOPS} 之间的整数（前面可信代理的层数），现在是 "${v}"` };
  return { hops: Number(v) };
}

/** TUIJIN_PUBLIC_ORIGIN as a normalised origin (null when unset), or an error message. */
export function parsePublicOrigin(value) {
  const v = (value ?? "").trim();
  if (v === "") return { origin: null };
  let u;
  try {
    u = new URL(v);
  } catch {
    return { error: `TUIJIN_PUBLIC_ORIGIN 格式不正确："${v}"，应形如 https://tuijin.example.gov.cn` };
  }
  if ((u.protocol !== "http:" && u.protocol !== "https:") || u.pathname !== "/" || u.search || u.hash || u.username) {
    return { error: `TUIJIN_PUBLIC_ORIGIN 只能是协议加主机（和端口），如 https://tuijin.example.gov.cn，现在是 "${v}"` };
  }
  return { origin: u.origin };
}

/** The settings from the environment; throws one readable line when one is malformed. */
export function forwardingSettings(env = process.env) {
  const t = parseTrustedProxies(env.TUIJIN_TRUSTED_PROXIES);
  if ("error" in t) throw new Error(t.error);
  const o = parsePublicOrigin(env.TUIJIN_PUBLIC_ORIGIN);
  if ("error" in o) throw new Error(o.error);
  return { hops: t.hops, publicOrigin: o.origin };
}

/** One address as written by a socket or a proxy, normalised ("::ffff:1.2.3.4" → "1.2.3.4"), or null if it is not an address. */
export function normaliseAddress(raw) {
  let a = String(raw ?? "").trim();
  if (a.startsWith("[")) a = a.slice(1, a.indexOf("]") === -1 ? undefined : a.indexOf("]"));
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(":"));
  if (/^::ffff:\d{1,3}(\.\d{1,3}){3}$/i.test(a)) a = a.slice(7);
  return isIP(a) ? a.toLowerCase() : null;
}

/**
 * The client's address: the socket's peer when no proxy is trusted; otherwise the entry of
 * X-Forwarded-For that the outermost trusted proxy appended (the `hops`-th from the right,
 * counting the socket). Entries further left were written by the client and are ignored.
 */
export function resolveClientAddress(socketAddress, forwardedFor, hops) {
  const chain = [];
  if (hops > 0 && forwardedFor) for (const part of String(forwardedFor).split(",")) chain.push(part);
  chain.push(socketAddress ?? "");
  const pick = chain[Math.max(0, chain.length - 1 - hops)];
  return normaliseAddress(pick) ?? "unknown";
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Whether a request may change anything, judged by its Origin. Browsers send Origin on every
 * POST, so a missing one is refused. The expected origin is TUIJIN_PUBLIC_ORIGIN when set, else
 * the Host the request was sent to (X-Forwarded-Host only from a trusted proxy).
 * Returns null when allowed, or the status (400 malformed, 403 foreign or missing) and a reason.
 */
export function checkMutationOrigin(req, settings) {
  if (SAFE_METHODS.has(String(req.method ?? "GET").toUpperCase())) return null;
  const origin = req.origin;
  if (!origin) return { status: 403, reason: "缺少 Origin 请求头" };
  if (origin === "null") return { status: 403, reason: "来源不被允许" };
  let u;
  try {
    u = new URL(origin);
  } catch {
    return { status: 400, reason: "Origin 请求头格式不正确" };
  }
  if ((u.protocol !== "http:" && u.protocol !== "https:") || u.origin === "null") return { status: 400, reason: "Origin 请求头格式不正确" };
  if (settings.publicOrigin) return u.origin === settings.publicOrigin ? null : { status: 403, reason: "来源不被允许" };
  const forwardedHost = settings.hops > 0 ? String(req.forwardedHost ?? "").split(",")[0]?.trim() : "";
  const host = (forwardedHost || String(req.host ?? "")).toLowerCase();
  if (!host) return { status: 400, reason: "缺少 Host 请求头" };
  return u.host === host ? null : { status: 403, reason: "来源不被允许" };
}
