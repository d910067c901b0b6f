/**
 * Sign-in bookkeeping: attempts and lock-outs, one-time tickets, sessions. Callers are the
 * sign-in actions (anonymous by nature) and the guards; each function states what it trusts.
 */
import { randomBytes } from "node:crypto";
import { and, desc, eq, gt, isNull, sql } from "drizzle-orm";
import type { OpenDatabase, Tx } from "../client";
import { lockouts, loginAttempts, loginTickets, users, userSessions } from "../schema";
import { insertAuditEvent } from "./audit";

export interface ThrottleLimits {
  usernameFailures: number;
  addressFailures: number;
  windowMinutes: number;
  lockMinutes: number;
}

const iso = (ms: number) => new Date(ms).toISOString();
export const newId = () => randomBytes(32).toString("base64url");

/** The lock in force on a username or an address, if any. */
export async function getActiveLock(tx: Tx | OpenDatabase["db"], kind: "username" | "address", key: string, nowMs = Date.now()) {
  const rows = await tx
    .select({ id: lockouts.id, lockedUntil: lockouts.lockedUntil })
    .from(lockouts)
    .where(and(eq(lockouts.kind, kind), eq(lockouts.key, key), gt(lockouts.lockedUntil, iso(nowMs)), isNull(lockouts.liftedAt)))
    .orderBy(desc(lockouts.lockedUntil))
    .limit(1);
  return rows[0] ?? null;
}

async function failuresSince(tx: Tx, column: "username" | "address", key: string, sinceIso: string): Promise<number> {
  const col = column === "username" ? loginAttempts.username : loginAttempts.clientAddress;
  const rows = await tx
    .select({ n: sql<number>`count(*)` })
    .from(loginAttempts)
    .where(and(eq(col, key), eq(loginAttempts.success, false), gt(loginAttempts.at, sinceIso)));
  return Number(rows[0]?.n ?? 0);
}

async function lastLockStart(tx: Tx, kind: "username" | "address", key: string): Promise<string | null> {
  const rows = await tx
    .select({ lockedAt: lockouts.lockedAt })
    .from(lockouts)
    .where(and(eq(lockouts.kind, kind), eq(lockouts.key, key)))
    .orderBy(desc(lockouts.lockedAt))
    .limit(1);
  return rows[0]?.lockedAt ?? null;
}

/**
 * Records one sign-in attempt and, on failure, locks the username after `usernameFailures`
 * failures in the window, and blocks the address after more than `addressFailures`. Failures
 * before the last lock began do not count again after it is lifted. Locks are audited.
 */
export async function recordLoginAttempt(
  open: OpenDatabase,
  a: { username: string; clientAddress: string; success: boolean; userId?: number | null },
  limits: ThrottleLimits,
  nowMs = Date.now(),
): Promise<{ usernameLocked: boolean; addressLocked: boolean }> {
  return open.write(async (tx) => {
    await tx.insert(loginAttempts).values({ username: a.username, clientAddress: a.clientAddress, success: a.success, at: iso(nowMs) });
    const result = { usernameLocked: false, addressLocked: false };
    if (a.success) return result;
    const windowStart = iso(nowMs - limits.windowMinutes * 60_000);
    const checks = [
      { kind: "username" as const, key: a.username, over: (n: number) => n >= limits.usernameFailures },
      { kind: "address" as const, key: a.clientAddress, over: (n: number) => n > limits.addressFailures },
    ];
    for (const c of checks) {
      const lastLock = await lastLockStart(tx, c.kind, c.key);
      const since = lastLock && lastLock > windowStart ? lastLock : windowStart;
      const n = await failuresSince(tx, c.kind, c.key, since);
      if (!c.over(n) || (await getActiveLock(tx, c.kind, c.key, nowMs))) continue;
      const until = iso(nowMs + limits.lockMinutes * 60_000);
      const [row] = await tx
        .insert(lockouts)
        .values({ kind: c.kind, key: c.key, lockedAt: iso(nowMs), lockedUntil: until, failures: n })
        .returning({ id: lockouts.id });
      await insertAuditEvent(tx, {
        actorUserId: null,
        actorName: "system",
        action: c.kind === "username" ? "auth.lock_username" : "auth.block_address",
        entity: "lockout",
        entityId: row!.id,
        after: { kind: c.kind, key: c.key, failures: n, lockedUntil: until },
        clientAddress: a.clientAddress,
      });
      if (c.kind === "username") result.usernameLocked = true;
      else result.addressLocked = true;
    }
    return result;
  }, { data: false });
}

/** Ends a lock early. Caller must have checked `lockout.lift`. */
export async function liftLockout(open: OpenDatabase, id: number, actor: { id: number; name: string }, clientAddress: string, nowMs = Date.now()) {
  return open.write(async (tx) => {
    const rows = await tx
      .select({ id: lockouts.id, kind: lockouts.kind, key: lockouts.key, lockedUntil: lockouts.lockedUntil, liftedAt: lockouts.liftedAt })
      .from(lockouts)
      .where(eq(lockouts.id, id));
    const lock = rows[0];
    if (!lock) return "not-found" as const;
    if (lock.liftedAt || lock.lockedUntil <= iso(nowMs)) return "not-active" as const;
    await tx.update(lockouts).set({ liftedAt: iso(nowMs), liftedBy: actor.id }).where(and(eq(lockouts.id, id), isNull(lockouts.liftedAt)));
    await insertAuditEvent(tx, {
      actorUserId: actor.id,
      actorName: actor.name,
      action: "auth.lift_lockout",
      entity: "lockout",
      entityId: id,
      before: { kind: lock.kind, key: lock.key, lockedUntil: lock.lockedUntil },
      after: { liftedAt: iso(nowMs) },
      clientAddress,
    });
    return "lifted" as const;
  });
}

/** A one-time ticket: "totp" waits for the second factor, "session" is redeemed by Auth.js. */
export async function createLoginTicket(open: OpenDatabase, userId: number, purpose: "totp" | "session", ttlSeconds: number, nowMs = Date.now()): Promise<string> {
  const id = newId();
  await open.write((tx) => tx.insert(loginTickets).values({ id, userId, purpose, expiresAt: iso(nowMs + ttlSeconds * 1000) }).then(() => undefined), { data: false });
  return id;
}

/** The user a live, unused ticket belongs to (without spending it), or null. */
export async function peekLoginTicket(open: OpenDatabase, id: string, purpose: "totp" | "session", nowMs = Date.now()): Promise<number | null> {
  const rows = await open.db
    .select({ userId: loginTickets.userId })
    .from(loginTickets)
    .where(and(eq(loginTickets.id, id), eq(loginTickets.purpose, purpose), isNull(loginTickets.usedAt), gt(loginTickets.expiresAt, iso(nowMs))));
  return rows[0]?.userId ?? null;
}

/** Spends a ticket; returns its user only the first time, and only while it is live. */
export async function redeemLoginTicket(open: OpenDatabase, id: string, purpose: "totp" | "session", nowMs = Date.now()): Promise<number | null> {
  return open.write(async (tx) => {
    const rows = await tx
      .update(loginTickets)
      .set({ usedAt: iso(nowMs) })
      .where(and(eq(loginTickets.id, id), eq(loginTickets.purpose, purpose), isNull(loginTickets.usedAt), gt(loginTickets.expiresAt, iso(nowMs))))
      .returning({ userId: loginTickets.userId });
    return rows[0]?.userId ?? null;
  }, { data: false });
}

/** Counts a wrong second factor against the ticket; after 5 the ticket is spent. */
export async function failLoginTicket(open: OpenDatabase, id: string, nowMs = Date.now()): Promise<void> {
  await open.write(async (tx) => {
    await tx.update(loginTickets).set({ failures: sql`${loginTickets.failures} + 1` }).where(eq(loginTickets.id, id));
    await tx.update(loginTickets).set({ usedAt: iso(nowMs) }).where(and(eq(loginTickets.id, id), sql`${loginTickets.failures} >= 5`));
  }, { data: false });
}

/** Starts a session for a user whose credentials (and second factor) were checked. Audited. */
export async function createUserSession(open: OpenDatabase, userId: number, meta: { clientAddress: string; userAgent: string | null }, nowMs = Date.now()): Promise<string | null> {
  return open.write(async (tx) => {
    const u = (await tx.select({ id: users.id, username: users.username, active: users.active, sessionVersion: users.sessionVersion }).from(users).where(eq(users.id, userId)))[0];
    if (!u || !u.active) return null;
    const id = newId();
    await tx.insert(userSessions).values({
      id,
      userId,
      sessionVersion: u.sessionVersion,
      createdAt: iso(nowMs),
      lastSeenAt: iso(nowMs),
      clientAddress: meta.clientAddress,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
    });
    await tx.update(users).set({ lastLoginAt: iso(nowMs) }).where(eq(users.id, userId));
    await insertAuditEvent(tx, { actorUserId: userId, actorName: u.username, action: "auth.sign_in", entity: "user", entityId: userId, clientAddress: meta.clientAddress });
    return id;
  }, { data: false });
}

export async function touchUserSession(open: OpenDatabase, id: string, nowMs = Date.now()): Promise<void> {
  await open.write((tx) => tx.update(userSessions).set({ lastSeenAt: iso(nowMs) }).where(eq(userSessions.id, id)).then(() => undefined), { data: false });
}

/** Ends one session (sign-out). */
export async function revokeUserSession(open: OpenDatabase, id: string, actor: { id: number; name: string }, clientAddress: string, nowMs = Date.now()): Promise<void> {
  await open.write(async (tx) => {
    await tx.update(userSessions).set({ revokedAt: iso(nowMs) }).where(and(eq(userSessions.id, id), isNull(userSessions.revokedAt)));
    await insertAuditEvent(tx, { actorUserId: actor.id, actorName: actor.name, action: "auth.sign_out", entity: "user", entityId: actor.id, clientAddress });
  });
}
