/**
 * User administration. Every function runs in one write transaction with its audit row and a
 * version check. Callers must have checked `user.manage` (admin functions) or be acting on
 * their own account (functions taking the caller's own id).
 */
import { and, eq, sql } from "drizzle-orm";
import type { OpenDatabase } from "../client";
import { users, userSessions, type Role } from "../schema";
import { userAccountColumns } from "../user-columns";
import { diff, insertAuditEvent } from "./audit";

import type { Actor } from "@/domain/actor";
import type { Outcome, Refused } from "@/domain/outcome";

/** Re-exported for db/mutations/signings.ts only (another engineer's area): everything else imports domain/actor and domain/outcome. */
export type { Actor } from "@/domain/actor";

export type WriteOutcome<T = void> = Outcome<T, Refused<"conflict" | "not-found" | "duplicate">>;

export interface UserFields {
  username: string;
  displayName: string;
  role: Role;
  districtId: number | null;
  departmentId: number | null;
}

const nowIso = () => new Date().toISOString();

/** Scope follows role: a district editor has only a district, a department editor only a department. */
export function scopeFor(role: Role, districtId: number | null, departmentId: number | null) {
  return {
    districtId: role === "district_editor" ? districtId : null,
    departmentId: role === "department_editor" ? departmentId : null,
  };
}

export async function insertUser(open: OpenDatabase, f: UserFields & { passwordHash: string; mustChangePassword: boolean }, actor: Actor): Promise<WriteOutcome<number>> {
  return open.write(async (tx) => {
    const existing = await tx.select({ id: users.id }).from(users).where(eq(users.username, f.username));
    if (existing.length > 0) return { ok: false, reason: "duplicate" };
    const values = { username: f.username, displayName: f.displayName, role: f.role, ...scopeFor(f.role, f.districtId, f.departmentId) };
    const [row] = await tx
      .insert(users)
      .values({ ...values, passwordHash: f.passwordHash, mustChangePassword: f.mustChangePassword })
      .returning({ id: users.id });
    await insertAuditEvent(tx, { actorUserId: actor.id, actorName: actor.name, action: "user.create", entity: "user", entityId: row!.id, after: values, clientAddress: actor.clientAddress });
    return { ok: true, value: row!.id };
  });
}

const editable = {
  ...userAccountColumns,
  version: users.version,
};

/**
 * Changes name, role, scope or active flag. Any change of role, scope or active ends the user's
 * sessions (the guards compare session versions), so a demotion takes effect at once.
 */
export async function updateUser(
  open: OpenDatabase,
  id: number,
  expectedVersion: number,
  patch: { displayName: string; role: Role; districtId: number | null; departmentId: number | null; active: boolean },
  actor: Actor,
): Promise<WriteOutcome> {
  return open.write(async (tx) => {
    const current = (await tx.select(editable).from(users).where(eq(users.id, id)))[0];
    if (!current) return { ok: false, reason: "not-found" };
    if (current.version !== expectedVersion) return { ok: false, reason: "conflict" };
    const next = { displayName: patch.displayName, role: patch.role, active: patch.active, ...scopeFor(patch.role, patch.districtId, patch.departmentId) };
    const change = diff(current, next);
    if (Object.keys(change.after).length === 0) return { ok: true, value: undefined };
    const endsSessions = ["role", "districtId", "departmentId", "active"].some((k) => k in change.after);
    const updated = await tx
      .update(users)
      .set({
        ...next,
        version: sql`${users.version} + 1`,
        updatedAt: nowIso(),
        ...(endsSessions ? { sessionVersion: sql`${users.sessionVersion} + 1` } : {}),
      })
      .where(and(eq(users.id, id), eq(users.version, expectedVersion)))
      .returning({ id: users.id });
    if (updated.length !== 1) return { ok: false, reason: "conflict" };
    const action = "active" in change.after ? (patch.active ? "user.activate" : "user.deactivate") : "user.update";
    await insertAuditEvent(tx, { actorUserId: actor.id, actorName: actor.name, action, entity: "user", entityId: id, districtId: current.districtId, ...change, clientAddress: actor.clientAddress });
    return { ok: true, value: undefined };
  });
}

/** Admin reset: a new temporary password the user must change at next sign-in; ends their sessions. */
export async function resetUserPassword(open: OpenDatabase, id: number, expectedVersion: number, passwordHash: string, actor: Actor): Promise<WriteOutcome> {
  return open.write(async (tx) => {
    const updated = await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: true, version: sql`${users.version} + 1`, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: nowIso() })
      .where(and(eq(users.id, id), eq(users.version, expectedVersion)))
      .returning({ id: users.id });
    if (updated.length !== 1) {
      const exists = await tx.select({ id: users.id }).from(users).where(eq(users.id, id));
      return { ok: false, reason: exists.length ? "conflict" : "not-found" };
    }
    await insertAuditEvent(tx, { actorUserId: actor.id, actorName: actor.name, action: "user.reset_password", entity: "user", entityId: id, after: { mustChangePassword: true }, clientAddress: actor.clientAddress });
    return { ok: true, value: undefined };
  });
}

/** Ends every session of a user (admin action, or the user's own "sign out everywhere"). */
export async function endAllSessions(open: OpenDatabase, id: number, actor: Actor): Promise<WriteOutcome> {
  return open.write(async (tx) => {
    const updated = await tx
      .update(users)
      .set({ sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: nowIso() })
      .where(eq(users.id, id))
      .returning({ id: users.id });
    if (updated.length !== 1) return { ok: false, reason: "not-found" };
    await tx.update(userSessions).set({ revokedAt: nowIso() }).where(and(eq(userSessions.userId, id), sql`${userSessions.revokedAt} is null`));
    await insertAuditEvent(tx, { actorUserId: actor.id, actorName: actor.name, action: "user.end_sessions", entity: "user", entityId: id, clientAddress: actor.clientAddress });
    return { ok: true, value: undefined };
  });
}

/**
 * The user's own password change. Ends every other session; the current one continues
 * (its session version moves along with the user's).
 */
export async function changeOwnPassword(open: OpenDatabase, userId: number, passwordHash: string, currentSessionId: string, actor: Actor): Promise<void> {
  await open.write(async (tx) => {
    const [row] = await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: false, sessionVersion: sql`${users.sessionVersion} + 1`, version: sql`${users.version} + 1`, updatedAt: nowIso() })
      .where(eq(users.id, userId))
      .returning({ sessionVersion: users.sessionVersion });
    await tx.update(userSessions).set({ sessionVersion: row!.sessionVersion }).where(and(eq(userSessions.id, currentSessionId), eq(userSessions.userId, userId)));
    await insertAuditEvent(tx, { actorUserId: actor.id, actorName: actor.name, action: "user.change_password", entity: "user", entityId: userId, after: { mustChangePassword: false }, clientAddress: actor.clientAddress });
  });
}

export type SheetAccount =
  | { kind: "create"; line: number; username: string; displayName: string; role: Role; districtId: number | null; departmentId: number | null; passwordHash: string }
  | { kind: "update"; line: number; id: number; version: number; username: string; displayName: string; role: Role; districtId: number | null; departmentId: number | null };

export type SheetOutcome = Outcome<
  { created: { line: number; id: number; username: string }[]; updated: { line: number; id: number; username: string; endedSessions: boolean }[]; unchanged: number },
  Refused<"conflict" | "duplicate", { line: number }>
>;

/**
 * An account sheet, all or nothing in one transaction: new usernames are created (the user must
 * change the one-time password at first sign-in), existing ones get the row's name, role and scope
 * (a change of role or scope ends their sessions, as the single edit does). Every change is audited
 * with its old and new values. A row whose account changed since the sheet was checked (another
 * admin) stops the whole sheet.
 */
export async function applyAccountSheet(open: OpenDatabase, rows: readonly SheetAccount[], actor: Actor): Promise<SheetOutcome> {
  class Abort extends Error {
    constructor(readonly outcome: SheetOutcome) {
      super("sheet aborted");
    }
  }
  try {
    return await open.write(async (tx) => {
      const result = { created: [] as { line: number; id: number; username: string }[], updated: [] as { line: number; id: number; username: string; endedSessions: boolean }[], unchanged: 0 };
      for (const r of rows) {
        const scope = scopeFor(r.role, r.districtId, r.departmentId);
        const audit = { actorUserId: actor.id, actorName: actor.name, entity: "user", clientAddress: actor.clientAddress };
        if (r.kind === "create") {
          const existing = await tx.select({ id: users.id }).from(users).where(eq(users.username, r.username));
          if (existing.length > 0) throw new Abort({ ok: false, line: r.line, reason: "duplicate" });
          const values = { username: r.username, displayName: r.displayName, role: r.role, ...scope };
          const [row] = await tx.insert(users).values({ ...values, passwordHash: r.passwordHash, mustChangePassword: true }).returning({ id: users.id });
          await insertAuditEvent(tx, { ...audit, action: "user.bulk_create", entityId: row!.id, districtId: scope.districtId, after: values });
          result.created.push({ line: r.line, id: row!.id, username: r.username });
          continue;
        }
        const current = (await tx.select(editable).from(users).where(eq(users.id, r.id)))[0];
        if (!current || current.version !== r.version || current.username !== r.username || current.role === "city_admin") throw new Abort({ ok: false, line: r.line, reason: "conflict" });
        const change = diff(current, { displayName: r.displayName, role: r.role, ...scope });
        if (Object.keys(change.after).length === 0) {
          result.unchanged++;
          continue;
        }
        const endsSessions = ["role", "districtId", "departmentId"].some((k) => k in change.after);
        await tx
          .update(users)
          .set({ displayName: r.displayName, role: r.role, ...scope, version: sql`${users.version} + 1`, updatedAt: nowIso(), ...(endsSessions ? { sessionVersion: sql`${users.sessionVersion} + 1` } : {}) })
          .where(and(eq(users.id, r.id), eq(users.version, r.version)));
        await insertAuditEvent(tx, { ...audit, action: "user.bulk_update", entityId: r.id, districtId: current.districtId ?? scope.districtId, ...change });
        result.updated.push({ line: r.line, id: r.id, username: r.username, endedSessions: endsSessions });
      }
      return { ok: true as const, value: result };
    });
  } catch (e) {
    if (e instanceof Abort) return e.outcome;
    throw e;
  }
}
