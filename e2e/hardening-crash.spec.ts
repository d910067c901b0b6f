import { expect, test } from "./support/test";
import { disposeOwnServer, ownPort, startOwnServer, waitForStatus, type OwnServer } from "./support/own-server";
import { clerkRequests, startWriters } from "./support/writers";

/*
 * Issue 14's crash loop: while a district clerk's writes are in flight, the server process under
 * `npm start` is killed with SIGKILL twenty times. The supervisor must bring service back within
 * seconds each time, every write the server acknowledged must be in the database at the end, and
 * the database must pass SQLite's integrity check. Own server and database (support/own-server),
 * so the kills disturb no other spec.
 */

const KILLS = 20;

let own: OwnServer | undefined;
test.afterAll(async () => disposeOwnServer(own));

test("20 × kill -9 of the server during acknowledged writes: restarted each time within seconds, no acknowledged write lost, integrity ok", async ({ browser }) => {
  test.setTimeout(240_000);
  own = await startOwnServer({ port: ownPort(1) });
  const base = own.baseURL;

  const ctx = await clerkRequests(browser, base);
  const supervisorPid = own.supervisor.pid;
  const writers = startWriters(ctx.request, ctx.action, "崩溃测试", 3);
  const recoveries: number[] = [];
  try {
    for (let k = 0; k < KILLS; k++) {
      // Kill while writes are going on: only once this server has acknowledged some, at a varying moment.
      const before = writers.acked.length;
      await expect.poll(() => writers.acked.length, { timeout: 30_000, intervals: [50] }).toBeGreaterThanOrEqual(before + 2);
      await new Promise((r) => setTimeout(r, (k * 37) % 150));
      const victim = own.serverPid();
      expect(victim).toEqual(expect.any(Number));
      process.kill(victim!, "SIGKILL");
      await expect.poll(() => { const now = own!.serverPid(); return now !== null && now !== victim; }, { timeout: 15_000, intervals: [50] }).toBe(true);
      // Seconds on an idle machine; the bound leaves room for a test machine shared with others.
      const back = await waitForStatus(base, 60_000).catch((e: Error) => {
        throw new Error(`kill ${k + 1}: ${e.message} (earlier recoveries ${recoveries.join(", ")} ms)\n${own!.log().slice(-1500)}`);
      });
      recoveries.push(back);
    }
  } finally {
    await writers.stop();
    await ctx.request.dispose();
  }

  // The same supervisor brought back a server every time; it is serving now.
  expect(own.supervisor.exitCode).toBeNull();
  expect(own.supervisor.pid).toBe(supervisorPid);
  expect(recoveries).toHaveLength(KILLS);
  expect((await fetch(`${base}/status`)).status).toBe(200);
  // Requests cut off by the kills failed on the connection, never with a 5xx.
  expect(writers.serverErrors).toEqual([]);
  expect(writers.failures).toBeGreaterThan(0);

  const db = own.db();
  try {
    const rows = await db.execute("select description from problems where description like '崩溃测试 w%'");
    const stored = new Set(rows.rows.map((r) => String(r.description)));
    expect(writers.acked.length).toBeGreaterThanOrEqual(KILLS * 2);
    expect(writers.acked.filter((d) => !stored.has(d))).toEqual([]);
    // Each stored problem was written once, with its audit row (in the same transaction).
    expect(stored.size).toBe(rows.rows.length);
    const unaudited = await db.execute(
      "select count(*) as n from problems p where p.description like '崩溃测试 w%' and not exists (select 1 from audit_events a where a.entity = 'problem' and a.action = 'problem.create' and a.entity_id = cast(p.id as text))",
    );
    expect(Number(unaudited.rows[0]!.n)).toBe(0);
    expect((await db.execute("pragma integrity_check")).rows[0]![0]).toBe("ok");
  } finally {
    db.close();
  }
  console.log(`crash loop: ${KILLS} kills, ${writers.acked.length} acknowledged writes, service back after ${recoveries.map((ms) => (ms / 1000).toFixed(1)).join(" ")} s`);
});
