/**
 * TOTP two-factor codes (RFC 6238) that work with any authenticator app, plus one-time
 * recovery codes.
 *
 * Parameters (the authenticator defaults; do not change without re-enrolling everyone):
 * HMAC-SHA1, 6 digits, 30-second step, T0 = 0, secret = 20 random bytes shown as RFC 4648
 * base32 (upper case, no padding). Verification accepts the current step ± `window`
 * (default 1, i.e. ±30 s of clock drift).
 *
 * Replay protection: a code stays valid for up to (2·window + 1) steps, so anyone who sees
 * it (shoulder-surfing, a phishing proxy, a logged request) could reuse it within that time.
 * `verifyTotp` returns the matched step; the caller must store it and pass it back as
 * `lastUsedStep`, and any step ≤ lastUsedStep is rejected, so each code works at most once.
 *
 * This file is only used server-side but deliberately does NOT import "server-only": it is
 * unit tested directly under vitest. Dependencies: node:crypto and `qrcode` only.
 * Hashing/storing recovery codes is done elsewhere.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import QRCode from "qrcode";

const BASE32_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
const DIGITS = 6;
const PERIOD_SECONDS = 30;
const SECRET_BYTES = 20;
const MAX_WINDOW = 10;

/** RFC 4648 base32, upper case, without `=` padding. */
export function base32Encode(buf: Buffer): string {
  let out = "";
  let bits = 0;
  let value = 0;
  for (const byte of buf) {
    value = ((value << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      out += BASE32_ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32_ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

/**
 * Decodes RFC 4648 base32. Tolerates lower case, whitespace and `=` padding; throws on any
 * other character and on lengths no encoder can produce (1, 3 or 6 characters mod 8).
 */
export function base32Decode(s: string): Buffer {
  const clean = s.replace(/[\s=]/g, "").toUpperCase();
  if ([1, 3, 6].includes(clean.length % 8)) throw new Error("Invalid base32 length");
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const ch of clean) {
    const idx = BASE32_ALPHABET.indexOf(ch);
    if (idx < 0) throw new Error("Invalid base32 character");
    value = ((value << 5) | idx) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** A fresh 160-bit secret in base32 (32 characters). */
export function generateTotpSecret(): string {
  return base32Encode(randomBytes(SECRET_BYTES));
}

function stepAt(timeMs: number): number {
  if (!Number.isFinite(timeMs) || timeMs < 0) throw new Error("Invalid time");
  return Math.floor(timeMs / 1000 / PERIOD_SECONDS);
}

function decodeSecret(secretBase32: string): Buffer {
  const key = base32Decode(secretBase32);
  if (key.length === 0) throw new Error("Empty TOTP secret");
  return key;
}

/** RFC 4226 HOTP with dynamic truncation. */
function hotp(key: Buffer, counter: number): string {
  const msg = Buffer.alloc(8);
  msg.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac("sha1", key).update(msg).digest();
  const offset = (mac[mac.length - 1] ?? 0) & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** DIGITS).padStart(DIGITS, "0");
}

/** The 6-digit code for the 30-second step containing `timeMs`. */
export function totpCode(secretBase32: string, timeMs: number): string {
  return hotp(decodeSecret(secretBase32), stepAt(timeMs));
}

/**
 * Checks a user-typed code. Input is NFKC-normalised (full-width digits become ASCII) and
 * spaces/hyphens are removed; anything other than exactly 6 ASCII digits is rejected.
 * Every candidate step in the window is compared in constant time (no early exit); steps
 * ≤ `lastUsedStep` are never accepted. On success the caller must persist `step`.
 */
export function verifyTotp(
  secretBase32: string,
  code: string,
  timeMs: number,
  opts: { window?: number; lastUsedStep?: number | null } = {},
): { ok: true; step: number } | { ok: false } {
  const window = opts.window ?? 1;
  if (!Number.isInteger(window) || window < 0 || window > MAX_WINDOW) throw new Error("Invalid TOTP window");
  const lastUsedStep = opts.lastUsedStep ?? null;

  const normalised = code.normalize("NFKC").replace(/[\s\-‐‑‒–—−]/g, "");
  if (!/^[0-9]{6}$/.test(normalised)) return { ok: false };

  const key = decodeSecret(secretBase32);
  const given = Buffer.from(normalised, "utf8");
  const current = stepAt(timeMs);
  let matched: number | null = null;
  for (let step = current - window; step <= current + window; step++) {
    if (step < 0) continue;
    const expected = Buffer.from(hotp(key, step), "utf8");
    const equal = timingSafeEqual(expected, given);
    const fresh = lastUsedStep === null || step > lastUsedStep;
    if (equal && fresh && matched === null) matched = step;
  }
  return matched === null ? { ok: false } : { ok: true, step: matched };
}

/**
 * Key URI for authenticator apps:
 * otpauth://totp/<issuer>:<account>?secret=…&issuer=…&algorithm=SHA1&digits=6&period=30
 * Label parts and parameters are percent-encoded as UTF-8 (spaces as %20, never "+").
 */
export function otpauthUri({ secret, accountName, issuer }: { secret: string; accountName: string; issuer: string }): string {
  const canonicalSecret = base32Encode(decodeSecret(secret));
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(accountName)}`;
  const params = [
    `secret=${canonicalSecret}`,
    `issuer=${encodeURIComponent(issuer)}`,
    "algorithm=SHA1",
    `digits=${DIGITS}`,
    `period=${PERIOD_SECONDS}`,
  ];
  return `otpauth://totp/${label}?${params.join("&")}`;
}

/** The QR code for an otpauth URI as an SVG string. */
export function totpQrSvg(uri: string): Promise<string> {
  return QRCode.toString(uri, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
}

/**
 * Recovery-code alphabet: lower-case digits and letters without the easily confused
 * 0/o, 1/l/i (31 symbols). 12 symbols ≈ 59.5 bits of entropy per code.
 */
const RECOVERY_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";
const RECOVERY_GROUPS = 3;
const RECOVERY_GROUP_LEN = 4;
const RECOVERY_LEN = RECOVERY_GROUPS * RECOVERY_GROUP_LEN;

function randomRecoveryChars(count: number): string {
  const n = RECOVERY_ALPHABET.length;
  const limit = 256 - (256 % n); // rejection sampling: no modulo bias
  let out = "";
  while (out.length < count) {
    for (const byte of randomBytes(count * 2)) {
      if (byte >= limit) continue;
      out += RECOVERY_ALPHABET[byte % n];
      if (out.length === count) break;
    }
  }
  return out;
}

function groupRecovery(chars: string): string {
  const groups: string[] = [];
  for (let i = 0; i < chars.length; i += RECOVERY_GROUP_LEN) groups.push(chars.slice(i, i + RECOVERY_GROUP_LEN));
  return groups.join("-");
}

/** `n` distinct one-time codes like `k7m2-9qxd-4tpa`. Show once; store only hashes. */
export function generateRecoveryCodes(n = 10): string[] {
  if (!Number.isInteger(n) || n < 0) throw new Error("Invalid recovery code count");
  const codes = new Set<string>();
  while (codes.size < n) codes.add(groupRecovery(randomRecoveryChars(RECOVERY_LEN)));
  return [...codes];
}

/**
 * Canonical form of a typed recovery code: NFKC, lower case, whitespace and any hyphens or
 * dashes removed, then hyphens re-inserted every 4 characters when the length is right.
 * Input of any other length comes back without separators (and so matches nothing).
 */
export function normaliseRecoveryCode(input: string): string {
  const compact = input.normalize("NFKC").toLowerCase().replace(/[\s\-‐‑‒–—−_]/g, "");
  return compact.length === RECOVERY_LEN ? groupRecovery(compact) : compact;
}
