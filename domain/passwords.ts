/**
 * argon2id hashing and the password rules. Not "server-only" because the CLI and the seed use
 * it too; it never reaches a browser bundle (only server code imports it).
 */
import { hash, verify } from "@node-rs/argon2";

export const ARGON2_OPTIONS = { algorithm: 2 /* Argon2id */, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

let dummyHash: Promise<string> | null = null;

/**
 * Verifies a password. With no stored hash (unknown user) it still runs a full verification
 * against a dummy hash, so "no such user" and "wrong password" take the same time.
 */
export async function verifyPassword(storedHash: string | null, password: string): Promise<boolean> {
  if (!storedHash) {
    dummyHash ??= hashPassword("dummy-password-for-timing-equalisation");
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}

/** Which password rule fails, in words for the form, or null when the password is acceptable. */
export function passwordRuleError(password: string, username: string, limits = { min: 10, max: 128 }): string | null {
  const length = [...password].length;
  if (length < limits.min) return `密码至少 ${limits.min} 个字符（当前 ${length} 个）`;
  if (length > limits.max) return `密码最多 ${limits.max} 个字符`;
  if (password.trim().toLowerCase() === username.trim().toLowerCase()) return "密码不能与用户名相同";
  return null;
}
