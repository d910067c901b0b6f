/**
 * Sign-in bookkeeping: attempts and lock-outs, one-time tickets, sessions. Callers are the
 * sign-in actions (anonymous by nature) and the guards; each function states what it trusts.
 */
import { randomBytes } from "node:crypto";
import { and, desc, eq, gt, isNull, sql } from "drizzle-orm";
import type { OpenDatabase, Tx } from "../client";
import { lockouts, loginAttempts, loginTickets, users, userSessions } from "../schema";
import { insertAuditEvent } from "./audit";
import type { UserActor } from "@/domain/actor";

export interface ThrottleLimits {
  /** Failures of one username from one address within `windowMinutes` that lock that pair. */
  usernameFailures: number;
  /** More than this many failures from one address within `windowMinutes` block the address. */
  addressFailures: number;
  windowMinutes: number;
  lockMinutes: number;
  /** Failures of one username from anywhere within `accountWindowMinutes` that lock the account from unfamiliar addresses. */
  accountFailures: number;
  accountWindowMinutes: number;
  accountLockMinutes: number;
  /** An address the user signed in from within this many days stays open during an account lock. */
  knownAddressDays: number;
}

export type LockKind = "username" | "address" | "username_address";

const iso = (ms: number) => new Date(ms).toISOString();
export const newId = () => randomBytes(32).toString("base64url");

/** The lock key of one username at one address (usernames never contain "@", addresses neither). */
export function pairKey(username: string, address: string): string {
  return `${username}@${address}`;
}

/** The lock in force on a key, if any. */
export async function getActiveLock(tx: Tx | OpenDatabase["db"], kind: LockKind, key: string, nowMs = Date.now()) {
  const rows = await tx
    .select({ id: lockouts.id, lockedUntil: lockouts.lockedUntil })
    .from(lockouts)
    .where(and(eq(lockouts.kind, kind), eq(lockouts.key, key), gt(lockouts.lockedUntil, iso(nowMs)), isNull(lockouts.liftedAt)))
    .orderBy(desc(lockouts.lockedUntil))
    .limit(1);
  return rows[0] ?? null;
}

/** True when the username signed in successfully from this address within the last `days`. */
export async function isKnownAddress(tx: Tx | OpenDatabase["db"], username: string, address: string, days: number, nowMs = Date.now()): Promise<boolean> {
  const rows = await tx
    .select({ id: loginAttempts.id })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.username, username), eq(loginAttempts.clientAddress, address), eq(loginAttempts.success, true), gt(loginAttempts.at, iso(nowMs - days * 86_400_000))))
    .limit(1);
  return rows.length > 0;
}

/**
 * Whether this username may try to sign in from this address now: the lock that stops it
 * (address block first, then the pair lock, then an account lock unless the address is one the
 * user signed in from lately), or null.
 */
export async function activeSignInBlock(db: Tx | OpenDatabase["db"], username: string, address: string, limits: Pick<ThrottleLimits, "knownAddressDays">, nowMs = Date.now()): Promise<{ kind: LockKind; lockedUntil: string } | null> {
  const byAddress = await getActiveLock(db, "address", address, nowMs);
  if (byAddress) return { kind: "address", lockedUntil: byAddress.lockedUntil };
  const byPair = await getActiveLock(db, "username_address", pairKey(username, address), nowMs);
  if (byPair) return { kind: "username_address", lockedUntil: byPair.lockedUntil };
  const byAccount = await getActiveLock(db, "username", username, nowMs);
  if (byAccount && !(await isKnownAddress(db, username, address, limits.knownAddressDays, nowMs))) return { kind: "username", lockedUntil: byAccount.lockedUntil };
  return null;
}

async function failuresSince(tx: Tx, kind: LockKind, username: string, address: string, sinceIso: string): Promise<number> {
  const match =
    kind === "username" ? eq(loginAttempts.username, username)
    : kind === "address" ? eq(loginAttempts.clientAddress, address)
    : and(eq(loginAttempts.username, username), eq(loginAttempts.clientAddress, address));
  const rows = await tx
    .select({ n: sql<number>`count(*)` })
    .from(loginAttempts)
    .where(and(match, eq(loginAttempts.success, false), gt(loginAttempts.at, sinceIso)));
  return Number(rows[0]?.n ?? 0);
}

async function lastLockStart(tx: Tx, kind: LockKind, key: string): Promise<string | null> {
  const rows = await tx
    .select({ lockedAt: lockouts.lockedAt })
    .from(lockouts)
    .where(and(eq(lockouts.kind, kind), eq(lockouts.key, key)))
    .orderBy(desc(lockouts.lockedAt))
    .limit(1);
  return rows[0]?.lockedAt ?? null;
}

const LOCK_ACTIONS: Record<LockKind, string> = {
  username_address: "auth.lock_username_address",
  username: "auth.lock_username",
  address: "auth.block_address",
};

/**
 * Records one sign-in attempt and, on failure, applies the lock-out policy (README, "Sign-in
 * and lock-out"): one username from one address is locked after `usernameFailures` failures in
 * `windowMinutes`; one address after more than `addressFailures` (any usernames); one username
 * from all addresses after `accountFailures` in `accountWindowMinutes`, and then only for
 * addresses it has not signed in from lately. Failures before a key's last lock began do not
 * count again after it is lifted. Every lock is audited.
 */
export async function recordLoginAttempt(
  open: OpenDatabase,
  a: { username: string; clientAddress: string; success: boolean; userId?: number | null },
  limits: ThrottleLimits,
  nowMs = Date.now(),
): Promise<{ pairLocked: boolean; accountLocked: boolean; addressLocked: boolean }> {
  return open.write(async (tx) => {
    await tx.insert(loginAttempts).values({ username: a.username, clientAddress: a.clientAddress, success: a.success, at: iso(nowMs) });
    const result = { pairLocked: false, accountLocked: false, addressLocked: false };
    if (a.success) return result;
    const checks = [
      { kind: "username_address" as const, key: pairKey(a.username, a.clientAddress), windowMin: limits.windowMinutes, lockMin: limits.lockMinutes, over: (n: number) => n >= limits.usernameFailures },
      { kind: "address" as const, key: a.clientAddress, windowMin: limits.windowMinutes, lockMin: limits.lockMinutes, over: (n: number) => n > limits.addressFailures },
      { kind: "username" as const, key: a.username, windowMin: limits.accountWindowMinutes, lockMin: limits.accountLockMinutes, over: (n: number) => n >= limits.accountFailures },
    ];
    for (const c of checks) {
      const windowStart = iso(nowMs - c.windowMin * 60_000);
      const lastLock = await lastLockStart(tx, c.kind, c.key);
      const since = lastLock && lastLock > windowStart ? lastLock : windowStart;
      const n = await failuresSince(tx, c.kind, a.username, a.clientAddress, since);
      if (!c.over(n) || (await getActiveLock(tx, c.kind, c.key, nowMs))) continue;
      const until = iso(nowMs + c.lockMin * 60_000);
      const [row] = await tx
        .insert(lockouts)
        .values({ kind: c.kind, key: c.key, lockedAt: iso(nowMs), lockedUntil: until, failures: n })
        .returning({ id: lockouts.id });
      await insertAuditEvent(tx, {
        actorUserId: null,
        actorName: "system",
        action: LOCK_ACTIONS[c.kind],
        entity: "lockout",
        entityId: row!.id,
        after: { kind: c.kind, key: c.key, username: c.kind === "address" ? null : a.username, failures: n, lockedUntil: until },
        clientAddress: a.clientAddress,
      });
      if (c.kind === "username_address") result.pairLocked = true;
      else if (c.kind === "username") result.accountLocked = true;
      else result.addressLocked = true;
    }
    return result;
  }, { data: false });
}

/** Ends a lock early. Caller must have checked `lockout.lift`. */
export async function liftLockout(open: OpenDatabase, id: number, actor: UserActor, nowMs = Date.now()) {
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
      clientAddress: actor.clientAddress,
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
export async function revokeUserSession(open: OpenDatabase, id: string, actor: UserActor, nowMs = Date.now()): Promise<void> {
  await open.write(async (tx) => {
    await tx.update(userSessions).set({ revokedAt: iso(nowMs) }).where(and(eq(userSessions.id, id), isNull(userSessions.revokedAt)));
    await insertAuditEvent(tx, { actorUserId: actor.id, actorName: actor.name, action: "auth.sign_out", entity: "user", entityId: actor.id, clientAddress: actor.clientAddress });
  });
}
