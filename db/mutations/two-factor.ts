/**
 * TOTP secrets and recovery codes. Callers: the sign-in second step (user identified by a live
 * ticket) and the account page (signed-in user acting on their own account only).
 */
import { and, eq, isNull, lt, or } from "drizzle-orm";
import { hashPassword, verifyPassword } from "@/domain/passwords";
import { openSecret, sealSecret } from "@/domain/secret-box";
import { normaliseRecoveryCode } from "@/domain/totp";
import type { OpenDatabase } from "../client";
import { recoveryCodes, users } from "../schema";
import { insertAuditEvent } from "./audit";
import type { Actor } from "@/domain/actor";

/** The user's two-factor state with the secret opened (it is stored sealed: app/_lib/secret-box.ts). */
export async function getTotpState(open: OpenDatabase, userId: number) {
  const rows = await open.db
    .select({ secret: users.totpSecret, enabled: users.totpEnabled, lastStep: users.totpLastStep, username: users.username, role: users.role })
    .from(users)
    .where(eq(users.id, userId));
  const row = rows[0];
  if (!row) return null;
  return { ...row, secret: row.secret == null ? null : openSecret(row.secret, authSecret()) };
}

const authSecret = () => process.env.AUTH_SECRET ?? "";

/** Records an accepted TOTP step; false if that step (or a later one) was already used. */
export async function acceptTotpStep(open: OpenDatabase, userId: number, step: number): Promise<boolean> {
  return open.write(async (tx) => {
    const rows = await tx
      .update(users)
      .set({ totpLastStep: step })
      .where(and(eq(users.id, userId), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
      .returning({ id: users.id });
    return rows.length === 1;
  });
}

/** Spends one unused recovery code of the user; true if the code matched. Audited. */
export async function spendRecoveryCode(open: OpenDatabase, userId: number, input: string, clientAddress: string): Promise<boolean> {
  const code = normaliseRecoveryCode(input);
  const rows = await open.db
    .select({ id: recoveryCodes.id, codeHash: recoveryCodes.codeHash })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  for (const r of rows) {
    if (await verifyPassword(r.codeHash, code)) {
      return open.write(async (tx) => {
        const spent = await tx
          .update(recoveryCodes)
          .set({ usedAt: new Date().toISOString() })
          .where(and(eq(recoveryCodes.id, r.id), isNull(recoveryCodes.usedAt)))
          .returning({ id: recoveryCodes.id });
        if (spent.length !== 1) return false;
        await insertAuditEvent(tx, { actorUserId: userId, actorName: "", action: "auth.recovery_code_used", entity: "user", entityId: userId, clientAddress });
        return true;
      });
    }
  }
  return false;
}

/** Stores a new, not yet confirmed secret for the user's own enrolment. */
export async function setPendingTotpSecret(open: OpenDatabase, userId: number, secret: string): Promise<void> {
  await open.write(async (tx) => {
    await tx.update(users).set({ totpSecret: sealSecret(secret, authSecret()), totpEnabled: false, totpLastStep: null }).where(and(eq(users.id, userId), eq(users.totpEnabled, false)));
  });
}

/** Turns two-factor on after the user proved the pending secret works; replaces recovery codes. Audited. */
export async function enableTotp(open: OpenDatabase, userId: number, step: number, codes: string[], actor: Pick<Actor, "name" | "clientAddress">): Promise<boolean> {
  const hashes = await Promise.all(codes.map((c) => hashPassword(normaliseRecoveryCode(c))));
  return open.write(async (tx) => {
    const rows = await tx
      .update(users)
      .set({ totpEnabled: true, totpLastStep: step, updatedAt: new Date().toISOString() })
      .where(and(eq(users.id, userId), eq(users.totpEnabled, false)))
      .returning({ id: users.id });
    if (rows.length !== 1) return false;
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
    await tx.insert(recoveryCodes).values(hashes.map((codeHash) => ({ userId, codeHash })));
    await insertAuditEvent(tx, { actorUserId: userId, actorName: actor.name, action: "auth.totp_enabled", entity: "user", entityId: userId, before: { totpEnabled: false }, after: { totpEnabled: true }, clientAddress: actor.clientAddress });
    return true;
  });
}

/** Turns two-factor off for the user's own account (never for a city admin: callers check). Audited. */
export async function disableTotp(open: OpenDatabase, userId: number, actor: Pick<Actor, "name" | "clientAddress">): Promise<void> {
  await open.write(async (tx) => {
    await tx.update(users).set({ totpEnabled: false, totpSecret: null, totpLastStep: null, updatedAt: new Date().toISOString() }).where(eq(users.id, userId));
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
    await insertAuditEvent(tx, { actorUserId: userId, actorName: actor.name, action: "auth.totp_disabled", entity: "user", entityId: userId, before: { totpEnabled: true }, after: { totpEnabled: false }, clientAddress: actor.clientAddress });
  });
}

export async function countUnusedRecoveryCodes(open: OpenDatabase, userId: number): Promise<number> {
  const rows = await open.db.select({ id: recoveryCodes.id }).from(recoveryCodes).where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return rows.length;
}
