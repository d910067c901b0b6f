import { afterEach, describe, expect, it } from "vitest";
import { getActiveLock, liftLockout, recordLoginAttempt } from "@/db/mutations/auth";
import { freshDatabase } from "../support/temp-db";

const limits = { usernameFailures: 5, addressFailures: 20, windowMinutes: 15, lockMinutes: 15 };
const T0 = Date.parse("2026-11-26T02:00:00.000Z");
const min = 60_000;

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});
async function db() {
  const d = await freshDatabase();
  cleanups.push(d.cleanup);
  return d.open;
}

async function adminId(open: Awaited<ReturnType<typeof db>>): Promise<number> {
  const r = await open.client.execute("insert into users (username, display_name, role, password_hash) values ('admin', '管理员', 'city_admin', 'x') returning id");
  return Number(r.rows[0]!.id);
}

async function fail(open: Awaited<ReturnType<typeof db>>, username: string, address: string, at: number) {
  return recordLoginAttempt(open, { username, clientAddress: address, success: false }, limits, at);
}

describe("sign-in throttling", () => {
  it("locks a username on the fifth failure within 15 minutes, for 15 minutes", async () => {
    const open = await db();
    for (let i = 0; i < 4; i++) expect((await fail(open, "zhang", "10.0.0.1", T0 + i * min)).usernameLocked).toBe(false);
    expect((await fail(open, "zhang", "10.0.0.1", T0 + 4 * min)).usernameLocked).toBe(true);
    expect(await getActiveLock(open.db, "username", "zhang", T0 + 18 * min)).not.toBeNull();
    expect(await getActiveLock(open.db, "username", "zhang", T0 + 20 * min)).toBeNull();
  });

  it("does not lock when the failures are spread over more than 15 minutes", async () => {
    const open = await db();
    for (let i = 0; i < 5; i++) expect((await fail(open, "li", "10.0.0.1", T0 + i * 4 * min)).usernameLocked).toBe(false);
  });

  it("blocks an address after more than 20 failures across usernames, not at 20", async () => {
    const open = await db();
    for (let i = 0; i < 20; i++) expect((await fail(open, `user${i}`, "10.9.9.9", T0 + i * 1000)).addressLocked).toBe(false);
    expect((await fail(open, "user20", "10.9.9.9", T0 + 21_000)).addressLocked).toBe(true);
    expect(await getActiveLock(open.db, "address", "10.9.9.9", T0 + 60_000)).not.toBeNull();
    expect(await getActiveLock(open.db, "address", "10.1.1.1", T0 + 60_000)).toBeNull();
  });

  it("after an admin lifts a lock, the old failures do not lock the user again at once", async () => {
    const open = await db();
    for (let i = 0; i < 5; i++) await fail(open, "wang", "10.0.0.2", T0 + i * 1000);
    const lock = await getActiveLock(open.db, "username", "wang", T0 + 10_000);
    expect(await liftLockout(open, lock!.id, { id: await adminId(open), name: "admin" }, "10.0.0.3", T0 + 20_000)).toBe("lifted");
    expect(await getActiveLock(open.db, "username", "wang", T0 + 30_000)).toBeNull();
    expect((await fail(open, "wang", "10.0.0.2", T0 + 40_000)).usernameLocked).toBe(false);
  });

  it("records the lock and its lifting in the audit log", async () => {
    const open = await db();
    for (let i = 0; i < 5; i++) await fail(open, "zhao", "10.0.0.4", T0 + i * 1000);
    const lock = await getActiveLock(open.db, "username", "zhao", T0 + 10_000);
    await liftLockout(open, lock!.id, { id: await adminId(open), name: "admin" }, "10.0.0.3", T0 + 20_000);
    const rows = await open.client.execute("select action, actor_name from audit_events where entity = 'lockout' order by id");
    expect(rows.rows.map((r) => [r.action, r.actor_name])).toEqual([["auth.lock_username", "system"], ["auth.lift_lockout", "admin"]]);
  });
});
