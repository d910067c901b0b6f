import { afterEach, describe, expect, it } from "vitest";
import { activeSignInBlock, getActiveLock, liftLockout, pairKey, recordLoginAttempt } from "@/db/mutations/auth";
import { freshDatabase } from "../support/temp-db";

const limits = { usernameFailures: 5, addressFailures: 20, windowMinutes: 15, lockMinutes: 15, accountFailures: 50, accountWindowMinutes: 60, accountLockMinutes: 60, knownAddressDays: 30 };
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

async function succeed(open: Awaited<ReturnType<typeof db>>, username: string, address: string, at: number) {
  return recordLoginAttempt(open, { username, clientAddress: address, success: true }, limits, at);
}

const blockAt = (open: Awaited<ReturnType<typeof db>>, username: string, address: string, at: number) => activeSignInBlock(open.db, username, address, limits, at);

describe("sign-in throttling", () => {
  it("locks a username at one address on the fifth failure within 15 minutes, for 15 minutes", async () => {
    const open = await db();
    for (let i = 0; i < 4; i++) expect((await fail(open, "zhang", "10.0.0.1", T0 + i * min)).pairLocked).toBe(false);
    expect((await fail(open, "zhang", "10.0.0.1", T0 + 4 * min)).pairLocked).toBe(true);
    expect((await blockAt(open, "zhang", "10.0.0.1", T0 + 18 * min))?.kind).toBe("username_address");
    expect(await blockAt(open, "zhang", "10.0.0.1", T0 + 20 * min)).toBeNull();
  });

  it("an attacker failing five times elsewhere does not lock the user out at her own address", async () => {
    const open = await db();
    await succeed(open, "lin", "192.168.1.20", T0 - 3 * 86_400_000);
    for (let i = 0; i < 5; i++) await fail(open, "lin", "203.0.113.9", T0 + i * 1000);
    expect((await blockAt(open, "lin", "203.0.113.9", T0 + 10_000))?.kind).toBe("username_address");
    expect(await blockAt(open, "lin", "192.168.1.20", T0 + 10_000)).toBeNull();
    // …nor at an address she has never used before.
    expect(await blockAt(open, "lin", "198.51.100.7", T0 + 10_000)).toBeNull();
  });

  it("does not lock when the failures are spread over more than 15 minutes", async () => {
    const open = await db();
    for (let i = 0; i < 5; i++) expect((await fail(open, "li", "10.0.0.1", T0 + i * 4 * min)).pairLocked).toBe(false);
  });

  it("blocks an address after more than 20 failures across usernames, not at 20", async () => {
    const open = await db();
    for (let i = 0; i < 20; i++) expect((await fail(open, `user${i}`, "10.9.9.9", T0 + i * 1000)).addressLocked).toBe(false);
    expect((await fail(open, "user20", "10.9.9.9", T0 + 21_000)).addressLocked).toBe(true);
    expect((await blockAt(open, "anyone", "10.9.9.9", T0 + 60_000))?.kind).toBe("address");
    expect(await blockAt(open, "anyone", "10.1.1.1", T0 + 60_000)).toBeNull();
  });

  it("50 failures from many addresses within an hour close the account to unfamiliar addresses only, and say so in the audit log", async () => {
    const open = await db();
    await succeed(open, "chen", "192.168.1.30", T0 - 86_400_000);
    for (let i = 0; i < 50; i++) {
      const r = await fail(open, "chen", `203.0.113.${i}`, T0 + i * 30_000);
      expect(r).toEqual({ pairLocked: false, addressLocked: false, accountLocked: i === 49 });
    }
    const at = T0 + 26 * min;
    expect((await blockAt(open, "chen", "198.51.100.1", at))?.kind).toBe("username");
    expect(await blockAt(open, "chen", "192.168.1.30", at)).toBeNull();
    expect((await blockAt(open, "chen", "198.51.100.1", T0 + 24.5 * min + 61 * min))).toBeNull();
    const audit = await open.client.execute("select action, after from audit_events where action = 'auth.lock_username'");
    expect(audit.rows).toHaveLength(1);
    expect(JSON.parse(String(audit.rows[0]!.after))).toMatchObject({ kind: "username", key: "chen", failures: 50 });
  });

  it("an address the user last signed in from more than 30 days ago is unfamiliar again", async () => {
    const open = await db();
    await succeed(open, "wu", "192.168.1.40", T0 - 31 * 86_400_000);
    for (let i = 0; i < 50; i++) await fail(open, "wu", `203.0.113.${i}`, T0 + i * 1000);
    expect((await blockAt(open, "wu", "192.168.1.40", T0 + min))?.kind).toBe("username");
  });

  it("after an admin lifts a lock, the old failures do not lock the user again at once", async () => {
    const open = await db();
    for (let i = 0; i < 5; i++) await fail(open, "wang", "10.0.0.2", T0 + i * 1000);
    const lock = await getActiveLock(open.db, "username_address", pairKey("wang", "10.0.0.2"), T0 + 10_000);
    expect(await liftLockout(open, lock!.id, { id: await adminId(open), name: "admin", clientAddress: "10.0.0.3" }, T0 + 20_000)).toBe("lifted");
    expect(await blockAt(open, "wang", "10.0.0.2", T0 + 30_000)).toBeNull();
    expect((await fail(open, "wang", "10.0.0.2", T0 + 40_000)).pairLocked).toBe(false);
  });

  it("records the lock and its lifting in the audit log", async () => {
    const open = await db();
    for (let i = 0; i < 5; i++) await fail(open, "zhao", "10.0.0.4", T0 + i * 1000);
    const lock = await getActiveLock(open.db, "username_address", pairKey("zhao", "10.0.0.4"), T0 + 10_000);
    await liftLockout(open, lock!.id, { id: await adminId(open), name: "admin", clientAddress: "10.0.0.3" }, T0 + 20_000);
    const rows = await open.client.execute("select action, actor_name from audit_events where entity = 'lockout' order by id");
    expect(rows.rows.map((r) => [r.action, r.actor_name])).toEqual([["auth.lock_username_address", "system"], ["auth.lift_lockout", "admin"]]);
  });
});
