/**
 * Secrets kept at rest in the database (TOTP secrets), sealed with AES-256-GCM under a key derived
 * from AUTH_SECRET by HKDF, so a copied database file or backup does not hand out second factors.
 * A stored value without the "v1:" prefix is an old plaintext secret and is read as it is (it is
 * sealed the next time it is written). Rotating AUTH_SECRET makes sealed secrets unreadable: the
 * users then enrol two-factor again (README).
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

const PREFIX = "v1:";

function keyOf(authSecret: string, purpose: string): Buffer {
  if (!authSecret) throw new Error("AUTH_SECRET is not set: cannot seal or open stored secrets");
  return Buffer.from(hkdfSync("sha256", authSecret, "tuijin-secret-box", purpose, 32));
}

export function sealSecret(plain: string, authSecret: string, purpose = "totp"): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyOf(authSecret, purpose), iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64");
}

/** The plain secret; throws when the value was sealed under another key or was tampered with. */
export function openSecret(stored: string, authSecret: string, purpose = "totp"): string {
  if (!stored.startsWith(PREFIX)) return stored;
  const raw = Buffer.from(stored.slice(PREFIX.length), "base64");
  const decipher = createDecipheriv("aes-256-gcm", keyOf(authSecret, purpose), raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
}

export const isSealed = (stored: string | null): boolean => stored != null && stored.startsWith(PREFIX);
