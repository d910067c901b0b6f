import "server-only";
import { and, asc, desc, eq, gt, inArray, isNull, like, or } from "drizzle-orm";
import { getDatabase } from "../index";
import { departments, districts, lockouts, users } from "../schema";
import { userAccountColumns } from "../user-columns";

/** Name of a user's scope (their district or department). Any signed-in caller. */
export async function getScopeName(districtId: number | null, departmentId: number | null): Promise<string | null> {
  const { db } = await getDatabase();
  if (districtId != null) return (await db.select({ name: districts.name }).from(districts).where(eq(districts.id, districtId)))[0]?.name ?? null;
  if (departmentId != null) return (await db.select({ name: departments.name }).from(departments).where(eq(departments.id, departmentId)))[0]?.name ?? null;
  return null;
}

/** Names of departments by id, in one query (a figures form names the owner of each of its indicators). */
export async function listDepartmentNames(ids: readonly number[]): Promise<Map<number, string | null>> {
  const out = new Map<number, string | null>(ids.map((id) => [id, null]));
  if (ids.length === 0) return out;
  const { db } = await getDatabase();
  for (const d of await db.select({ id: departments.id, name: departments.name }).from(departments).where(inArray(departments.id, [...ids]))) out.set(d.id, d.name);
  return out;
}

const listColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  active: users.active,
  mustChangePassword: users.mustChangePassword,
  totpEnabled: users.totpEnabled,
  lastLoginAt: users.lastLoginAt,
  districtName: districts.name,
  departmentName: departments.name,
};

/** Every user (no hashes, no secrets). Caller must have checked `user.manage`. */
export async function listUsers(q?: string) {
  const { db } = await getDatabase();
  const term = q?.trim();
  return db
    .select(listColumns)
    .from(users)
    .leftJoin(districts, eq(districts.id, users.districtId))
    .leftJoin(departments, eq(departments.id, users.departmentId))
    .where(term ? or(like(users.username, `%${term}%`), like(users.displayName, `%${term}%`)) : undefined)
    .orderBy(desc(users.active), asc(users.role), asc(users.username));
}

/** One user for the edit form. Caller must have checked `user.manage`. */
export async function getUserForEdit(id: number) {
  const { db } = await getDatabase();
  const rows = await db
    .select({
      ...userAccountColumns,
      mustChangePassword: users.mustChangePassword,
      totpEnabled: users.totpEnabled,
      lastLoginAt: users.lastLoginAt,
      version: users.version,
    })
    .from(users)
    .where(eq(users.id, id));
  return rows[0] ?? null;
}

/** Districts and departments to choose a scope from (public names only). */
export async function listScopeOptions() {
  const { db } = await getDatabase();
  const [d, p] = await Promise.all([
    db.select({ id: districts.id, code: districts.code, name: districts.name }).from(districts).where(eq(districts.active, true)).orderBy(asc(districts.sortOrder)),
    db.select({ id: departments.id, code: departments.code, name: departments.name }).from(departments).where(eq(departments.active, true)).orderBy(asc(departments.sortOrder)),
  ]);
  return { districts: d, departments: p };
}

/** Lock-outs in force now, and the recent ones. Caller must have checked `lockout.lift`. */
export async function listLockouts(nowIso = new Date().toISOString()) {
  const { db } = await getDatabase();
  const columns = {
    id: lockouts.id,
    kind: lockouts.kind,
    key: lockouts.key,
    lockedAt: lockouts.lockedAt,
    lockedUntil: lockouts.lockedUntil,
    failures: lockouts.failures,
    liftedAt: lockouts.liftedAt,
    liftedByName: users.displayName,
  };
  const active = await db
    .select(columns)
    .from(lockouts)
    .leftJoin(users, eq(users.id, lockouts.liftedBy))
    .where(and(gt(lockouts.lockedUntil, nowIso), isNull(lockouts.liftedAt)))
    .orderBy(desc(lockouts.lockedAt));
  const recent = await db.select(columns).from(lockouts).leftJoin(users, eq(users.id, lockouts.liftedBy)).orderBy(desc(lockouts.lockedAt)).limit(50);
  return { active, recent };
}

/** Accounts with these usernames (what a bulk sheet may update). Caller must have checked `user.manage`. */
export async function listUsersByUsername(usernames: readonly string[]) {
  if (usernames.length === 0) return [];
  const { db } = await getDatabase();
  return db
    .select({ id: users.id, username: users.username, displayName: users.displayName, role: users.role, districtId: users.districtId, departmentId: users.departmentId, version: users.version })
    .from(users)
    .where(inArray(users.username, [...usernames]));
}
