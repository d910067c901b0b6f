/**
 * Webhook URL rules (no server-side request forgery): http(s) only, no credentials in the URL,
 * and no address inside the machine or the private network — loopback, private (RFC 1918,
 * unique-local), link-local (cloud metadata 169.254.169.254), carrier-grade NAT, unspecified,
 * multicast, reserved — for the literal host and for every address its name resolves to.
 * 127.0.0.1 is allowed only when the test setting says so. Pure: resolution is the caller's.
 */
import { isIP } from "node:net";

export type UrlCheck = { ok: true; url: URL; host: string } | { ok: false; message: string };

export function parseWebhookUrl(raw: string): UrlCheck {
  const text = raw.trim();
  if (text === "") return { ok: false, message: "请填写群机器人地址" };
  if (text.length > 1000) return { ok: false, message: "地址过长（最多 1000 个字符）" };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, message: "地址格式不正确，应以 https:// 或 http:// 开头" };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return { ok: false, message: `只支持 http(s) 地址，不支持“${url.protocol.replace(/:$/, "")}:”` };
  if (url.username || url.password) return { ok: false, message: "地址中不能包含用户名或密码" };
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (host === "") return { ok: false, message: "地址缺少主机名" };
  return { ok: true, url, host };
}

function v4(addr: string): number[] | null {
  const parts = addr.split(".");
  if (parts.length !== 4) return null;
  const n = parts.map(Number);
  return n.every((x) => Number.isInteger(x) && x >= 0 && x <= 255) ? n : null;
}

function v4Blocked(n: number[]): boolean {
  const [a, b] = n as [number, number, number, number];
  return (
    a === 0 || a === 10 || a === 127 || a >= 224 ||
    (a === 100 && b >= 64 && b <= 127) ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 192 && b === 0) ||
    (a === 198 && (b === 18 || b === 19))
  );
}

/** Expands an IPv6 text into 8 groups (handles "::" and a trailing dotted IPv4). */
function v6Groups(addr: string): number[] | null {
  let s = addr.toLowerCase().split("%")[0]!;
  const dotted = s.match(/(\d+\.\d+\.\d+\.\d+)$/);
  if (dotted) {
    const n = v4(dotted[1]!);
    if (!n) return null;
    s = s.slice(0, -dotted[1]!.length) + `${((n[0]! << 8) | n[1]!).toString(16)}:${((n[2]! << 8) | n[3]!).toString(16)}`;
  }
  const halves = s.split("::");
  if (halves.length > 2) return null;
  const head = halves[0] ? halves[0].split(":") : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(":") : [];
  const fill = halves.length === 2 ? 8 - head.length - tail.length : 0;
  const groups = [...head, ...Array(fill).fill("0"), ...tail].map((g) => parseInt(g, 16));
  return groups.length === 8 && groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? groups : null;
}

/** True for an address the app must never send to (see the file comment). */
export function isBlockedAddress(addr: string): boolean {
  const kind = isIP(addr);
  if (kind === 4) return v4Blocked(v4(addr)!);
  if (kind !== 6) return true;
  const g = v6Groups(addr);
  if (!g) return true;
  if (g.every((x) => x === 0)) return true; // ::
  if (g.slice(0, 7).every((x) => x === 0) && g[7] === 1) return true; // ::1
  // IPv4-mapped (::ffff:a.b.c.d) and IPv4-compatible: judge the IPv4 inside.
  if (g.slice(0, 5).every((x) => x === 0) && (g[5] === 0xffff || g[5] === 0)) {
    return v4Blocked([g[6]! >> 8, g[6]! & 0xff, g[7]! >> 8, g[7]! & 0xff]);
  }
  const first = g[0]!;
  if ((first & 0xfe00) === 0xfc00) return true; // fc00::/7 unique local
  if ((first & 0xffc0) === 0xfe80) return true; // fe80::/10 link-local
  if ((first & 0xff00) === 0xff00) return true; // multicast
  if (first === 0x2001 && g[1] === 0x0db8) return true; // documentation
  if (first === 0x0064 && g[1] === 0xff9b) return v4Blocked([g[6]! >> 8, g[6]! & 0xff, g[7]! >> 8, g[7]! & 0xff]); // NAT64
  return false;
}

/**
 * Judges the addresses a host resolved to: every one must be allowed (a name that resolves to
 * one public and one private address is refused). allowLoopback admits exactly 127.0.0.1.
 */
export function checkResolved(host: string, addresses: readonly string[], allowLoopback: boolean): { ok: true } | { ok: false; message: string } {
  if (addresses.length === 0) return { ok: false, message: `无法解析主机名“${host}”` };
  for (const a of addresses) {
    if (allowLoopback && a === "127.0.0.1") continue;
    if (isBlockedAddress(a)) return { ok: false, message: `地址“${host}”指向内网、本机或保留地址（${a}），不能用作群机器人地址` };
  }
  return { ok: true };
}
