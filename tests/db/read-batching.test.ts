import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Client, InStatement, ResultSet } from "@libsql/client";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { openDatabase, type OpenDatabase } from "../../db/client";
import { batchReads, isPlainRead } from "../../db/read-batching";
import { SQLD_BIN } from "../../scripts/cluster-lib";

/* Issue #18: over http:// every query is a request to sqld; independent reads leave together. */

type Call = { kind: "execute"; sql: string } | { kind: "batch"; sqls: string[]; mode: string };

function textOf(s: InStatement): string {
  return typeof s === "string" ? s : s.sql;
}

/** A client that answers each statement with one row naming it, fails any statement containing "boom", and records its calls. */
function fakeClient() {
  const calls: Call[] = [];
  const answer = (s: InStatement): ResultSet => {
    if (textOf(s).includes("boom")) throw new Error(`no such table: boom`);
    return { rows: [{ q: textOf(s) }], columns: ["q"], columnTypes: [], rowsAffected: 0, lastInsertRowid: undefined, toJSON: () => ({}) } as unknown as ResultSet;
  };
  const release: (() => void)[] = [];
  let holdBatches = false;
  const client = {
    execute: async (s: InStatement) => {
      calls.push({ kind: "execute", sql: textOf(s) });
      return answer(s);
    },
    batch: async (stmts: InStatement[], mode: string) => {
      calls.push({ kind: "batch", sqls: stmts.map(textOf), mode });
      if (holdBatches) await new Promise<void>((r) => release.push(r));
      return stmts.map(answer);
    },
  } as unknown as Client;
  return { client, calls, hold: (on: boolean) => (holdBatches = on), release: () => release.splice(0).forEach((r) => r()) };
}

const rowOf = (r: ResultSet) => (r.rows[0] as unknown as { q: string }).q;

describe("reads sent together", () => {
  test("reads issued together leave as one read batch, and each caller gets its own answer", async () => {
    const f = fakeClient();
    const stats = batchReads(f.client);
    const [a, b, c] = await Promise.all([
      f.client.execute("select 1 as a"),
      f.client.execute({ sql: "select ? as b", args: [2] }),
      f.client.execute("WITH x AS (select 3) select * from x"),
    ]);
    expect([rowOf(a), rowOf(b), rowOf(c)]).toEqual(["select 1 as a", "select ? as b", "WITH x AS (select 3) select * from x"]);
    expect(f.calls).toEqual([{ kind: "batch", sqls: ["select 1 as a", "select ? as b", "WITH x AS (select 3) select * from x"], mode: "read" }]);
    expect(stats).toEqual({ statements: 3, requests: 1 });
  });

  test("writes and pragmas go straight through, never inside a read batch", async () => {
    const f = fakeClient();
    batchReads(f.client);
    await Promise.all([f.client.execute("insert into t values (1)"), f.client.execute("update t set updated_at = 1 where id = 1"), f.client.execute("PRAGMA journal_mode=WAL"), f.client.execute("select 1")]);
    expect(f.calls.filter((c) => c.kind === "execute").map((c) => (c as { sql: string }).sql)).toEqual([
      "insert into t values (1)",
      "update t set updated_at = 1 where id = 1",
      "PRAGMA journal_mode=WAL",
      "select 1",
    ]);
    expect(f.calls.some((c) => c.kind === "batch")).toBe(false);
  });

  test("one failing statement fails only its own caller: its neighbours still get their rows", async () => {
    const f = fakeClient();
    batchReads(f.client);
    const results = await Promise.allSettled([f.client.execute("select 1"), f.client.execute("select * from boom"), f.client.execute("select 2")]);
    expect(results[0]).toMatchObject({ status: "fulfilled" });
    expect(results[1]).toMatchObject({ status: "rejected", reason: { message: "no such table: boom" } });
    expect(results[2]).toMatchObject({ status: "fulfilled" });
    expect(rowOf((results[2] as PromiseFulfilledResult<ResultSet>).value)).toBe("select 2");
  });

  test("while two batches are on their way, later reads wait and then leave together", async () => {
    const f = fakeClient();
    batchReads(f.client);
    f.hold(true);
    const first = Promise.all([f.client.execute("select 'a1'"), f.client.execute("select 'a2'")]);
    await new Promise((r) => setImmediate(r));
    const second = Promise.all([f.client.execute("select 'b1'"), f.client.execute("select 'b2'")]);
    await new Promise((r) => setImmediate(r));
    const third = Promise.all([f.client.execute("select 'c1'"), f.client.execute("select 'c2'")]);
    const fourth = f.client.execute("select 'd1'");
    await new Promise((r) => setImmediate(r));
    expect(f.calls.length).toBe(2);
    f.hold(false);
    f.release();
    await Promise.all([first, second, third, fourth]);
    expect(f.calls[2]).toEqual({ kind: "batch", sqls: ["select 'c1'", "select 'c2'", "select 'd1'"], mode: "read" });
    expect(f.calls.length).toBe(3);
  });

  test("what counts as a plain read", () => {
    expect(isPlainRead('select "updated_at", "deleted_at" from t')).toBe(true);
    expect(isPlainRead("  with x as (select 1) select * from x")).toBe(true);
    expect(isPlainRead("select 'insert' as word")).toBe(true);
    expect(isPlainRead("with x as (select 1) insert into t select * from x")).toBe(false);
    expect(isPlainRead("insert into t values (1)")).toBe(false);
    expect(isPlainRead("PRAGMA table_info(t)")).toBe(false);
  });
});

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

describe("on a real libSQL server", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "tuijin-read-batch-"));
  let sqld: ChildProcess;
  let open: OpenDatabase;
  beforeAll(async () => {
    const port = await freePort();
    sqld = spawn(SQLD_BIN, ["--db-path", path.join(dir, "data"), "--http-listen-addr", `127.0.0.1:${port}`, "--no-welcome"], { stdio: "ignore" });
    for (let i = 0; ; i++) {
      try {
        open = await openDatabase(`http://127.0.0.1:${port}`);
        break;
      } catch (e) {
        if (i > 100) throw e;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    await open.client.execute("create table t (id integer primary key, v text not null)");
    await open.client.execute("create table app_meta (key text primary key, value text not null)");
  });
  afterAll(() => {
    open?.close();
    sqld?.kill("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
  });

  test("a write is seen by the reads issued after it, and concurrent reads each get their own rows", async () => {
    await open.client.execute({ sql: "insert into t (id, v) values (?, ?)", args: [1, "一"] });
    await open.write(async (tx) => void (await tx.run(sql`insert into t (id, v) values (2, '二')`)));
    const reads = await Promise.all([1, 2, 3].map((id) => open.client.execute({ sql: "select v from t where id = ?", args: [id] })));
    expect(reads.map((r) => r.rows[0]?.v ?? null)).toEqual(["一", "二", null]);
    const [count, bad, again] = await Promise.allSettled([
      open.client.execute("select count(*) as n from t"),
      open.client.execute("select * from no_such_table"),
      open.client.execute("select v from t where id = 2"),
    ]);
    expect(count).toMatchObject({ status: "fulfilled", value: { rows: [{ n: 2 }] } });
    expect(bad.status).toBe("rejected");
    expect(again).toMatchObject({ status: "fulfilled", value: { rows: [{ v: "二" }] } });
  });
});
