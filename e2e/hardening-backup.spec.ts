import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, request as playwrightRequest, test } from "./support/test";
import { totpCode } from "@/domain/totp";
import { disposeOwnServer, ownPort, startOwnServer, type OwnServer } from "./support/own-server";
import { DEMO_ADMIN_TOTP_SECRET, DEMO_PASSWORD } from "./support/users";
import { clerkRequests, startWriters } from "./support/writers";

/*
 * Issue 14's backup drill, as a city's IT team would run it: `npm run db:backup` while a clerk
 * keeps writing through the live server, then `npm run db:restore FILE` into a fresh database
 * and a fresh server. Every write acknowledged before the backup began must be there, the
 * database must pass the integrity check, and the auth secret must travel with the backup:
 * a session signed in on the old server still works on the new one, and the admin's TOTP secret
 * (sealed under that secret) still verifies.
 */

function npmRun(script: string, args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", script, ...args], { env: { ...process.env, DATABASE_SYNC_URL: "", ...env } });
    let out = "";
    child.stdout.on("data", (c) => (out += c));
    child.stderr.on("data", (c) => (out += c));
    child.on("exit", (code) => resolve({ code, out }));
  });
}

let live: OwnServer | undefined;
let restored: OwnServer | undefined;
test.afterAll(async () => {
  await disposeOwnServer(restored);
  await disposeOwnServer(live);
});

test("a backup taken under writes restores into a fresh server with every earlier acknowledged write, integrity ok, sessions and TOTP intact", async ({ browser }) => {
  test.setTimeout(240_000);
  const secret = randomBytes(32).toString("base64url");
  live = await startOwnServer({ port: ownPort(2), authSecret: secret });
  // Where `npm start` keeps a generated secret (data/auth-secret): here, in the server's own folder.
  const secretFile = path.join(live.dir, "auth-secret");
  writeFileSync(secretFile, secret + "\n", { mode: 0o600 });

  const clerk = await clerkRequests(browser, live.baseURL);
  const writers = startWriters(clerk.request, clerk.action, "备份测试", 3);
  let ackedBefore: string[];
  let ackedWhileBackingUp: number;
  const backupRoot = path.join(live.dir, "backups");
  let backup: { code: number | null; out: string };
  try {
    await expect.poll(() => writers.acked.length, { timeout: 60_000, intervals: [50] }).toBeGreaterThanOrEqual(10);
    ackedBefore = [...writers.acked];
    backup = await npmRun("scripts/db-backup.ts", ["--out", backupRoot, "--secret", secretFile], { DATABASE_URL: `file:${live.dbFile}` });
    ackedWhileBackingUp = writers.acked.length - ackedBefore.length;
  } finally {
    await writers.stop();
    await clerk.request.dispose();
  }
  expect(backup.code, backup.out).toBe(0);
  expect(backup.out).toContain("完整性检查通过");
  expect(writers.serverErrors).toEqual([]);
  await live.stop();

  // Restore into a fresh database next to a fresh secret location, as on a new machine.
  const [stamp] = readdirSync(backupRoot);
  const backupFile = path.join(backupRoot, stamp!, path.basename(live.dbFile));
  const freshDb = path.join(live.dir, "fresh", "tuijin.db");
  const restoredSecret = path.join(live.dir, "fresh", "data", "auth-secret");
  const restore = await npmRun("scripts/db-restore.ts", [backupFile, "--secret", restoredSecret], { DATABASE_URL: `file:${freshDb}`, PORT: String(ownPort(3)), AUTH_SECRET: "" });
  expect(restore.code, restore.out).toBe(0);
  expect(restore.out).toContain("完整性检查通过");
  expect(readFileSync(restoredSecret, "utf8").trim()).toBe(secret);

  restored = await startOwnServer({ port: ownPort(3), dbFile: freshDb, dir: path.join(live.dir, "fresh"), authSecret: readFileSync(restoredSecret, "utf8").trim() });
  const db = restored.db();
  try {
    expect((await db.execute("pragma integrity_check")).rows[0]![0]).toBe("ok");
    const rows = await db.execute("select description from problems where description like '备份测试 w%'");
    const present = new Set(rows.rows.map((r) => String(r.description)));
    expect(ackedBefore.filter((d) => !present.has(d))).toEqual([]);
    expect(ackedBefore.length).toBeGreaterThanOrEqual(10);
  } finally {
    db.close();
  }
  // The writers kept writing while the backup ran (so it really was taken under writes).
  expect(ackedWhileBackingUp).toBeGreaterThan(0);

  // The clerk's session from the old server is still good on the restored one…
  const clerkAgain = await playwrightRequest.newContext({ storageState: clerk.storageState });
  const district = await clerkAgain.get(`${restored.baseURL}/district`, { maxRedirects: 0 });
  expect(district.status()).toBe(200);
  expect(await district.text()).toContain("晋江市");
  await clerkAgain.dispose();

  // …and the admin's sealed TOTP secret still decrypts: the two-step sign-in succeeds.
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${restored.baseURL}/login`);
  await page.getByLabel("用户名").fill("admin");
  await page.getByLabel("密码", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
  await page.getByLabel("动态验证码或恢复码").fill(totpCode(DEMO_ADMIN_TOTP_SECRET, Date.now()));
  await page.getByRole("button", { name: "验证并登录" }).click();
  await expect(page).toHaveURL(/\/(city\/review|district|account)/);
  await page.context().close();
});
