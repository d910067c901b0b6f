import { readFileSync } from "node:fs";
import { expect, test } from "./support/test";
import { authFile } from "./support/auth-file";

/*
 * `npm start` supervises its server: this kills the server process of the very server these
 * tests run against (started by playwright.config.ts through scripts/start.ts) with SIGKILL, as
 * the out-of-memory killer would, and expects service again within seconds from a new process.
 * It runs last (files run in name order), so no other test sees the restart.
 */

interface PidRecord {
  supervisor: number;
  server: number;
}

const pidFile = () => `${process.env.E2E_DB_FILE}.pid`;
const readPids = () => JSON.parse(readFileSync(pidFile(), "utf8")) as PidRecord;

test("a server process killed with SIGKILL is restarted by npm start and serves again within seconds, sessions intact", async ({ request, browser }) => {
  test.setTimeout(90_000);
  const before = readPids();
  expect((await request.get("/status")).status()).toBe(200);

  process.kill(before.server, "SIGKILL");
  await expect
    .poll(async () => (await request.get("/status", { timeout: 2000 }).catch(() => null))?.status() ?? 0, { timeout: 30_000, intervals: [250] })
    .toBe(200);

  const after = readPids();
  expect(after.supervisor).toBe(before.supervisor);
  // The restarted server runs with the supervisor's environment for it (scripts/server-env.ts):
  // two malloc arenas unless the operator chose otherwise.
  const environ = readFileSync(`/proc/${after.server}/environ`, "utf8").split("\0");
  expect(environ).toContain(`MALLOC_ARENA_MAX=${process.env.MALLOC_ARENA_MAX ?? "2"}`);
  expect(after.server).not.toBe(before.server);
  expect(() => process.kill(before.server, 0)).toThrow();

  // Sessions live in the database: a signed-in leader is still signed in after the restart.
  const ctx = await browser.newContext({ storageState: authFile("leader") });
  const page = await ctx.newPage();
  await page.goto("/city");
  await expect(page).toHaveURL(/\/city$/);
  await ctx.close();
});
