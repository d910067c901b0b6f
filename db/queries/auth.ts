import "server-only";
import { eq } from "drizzle-orm";
import { getDatabase } from "../index";
import { users, userSessions } from "../schema";
import { userAccountColumns } from "../user-columns";

/**
 * The session row and its user's current role, scope and status, for the guards.
 * Never returns the password hash or the TOTP secret.
 */
export async function getSessionRecord(sessionId: string) {
  const { db } = await getDatabase();
  const rows = await db
    .select({
      sessionId: userSessions.id,
      sessionVersion: userSessions.sessionVersion,
      createdAt: userSessions.createdAt,
      lastSeenAt: userSessions.lastSeenAt,
      revokedAt: userSessions.revokedAt,
      user: {
        ...userAccountColumns,
        mustChangePassword: users.mustChangePassword,
        totpEnabled: users.totpEnabled,
        sessionVersion: users.sessionVersion,
      },
    })
    .from(userSessions)
    .innerJoin(users, eq(users.id, userSessions.userId))
    .where(eq(userSessions.id, sessionId));
  return rows[0] ?? null;
}

/** For sign-in only: the fields needed to check a password and second factor. */
export async function getUserCredentials(username: string) {
  const { db } = await getDatabase();
  const rows = await db
    .select({
      id: users.id,
      username: users.username,
      role: users.role,
      passwordHash: users.passwordHash,
      active: users.active,
      totpEnabled: users.totpEnabled,
    })
    .from(users)
    .where(eq(users.username, username));
  return rows[0] ?? null;
}
