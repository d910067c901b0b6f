import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createClient } from "@libsql/client";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { openDatabase } from "../../db/client";
import { runMigrations } from "../../db/migrate";

const ROOT = path.resolve(import.meta.dirname, "../..");
const WORKER_SCRIPT = path.join(import.meta.dirname, "concurrent-writer.ts");
// Must match concurrent-writer.ts.
const COUNTER_KEY = "concurrency_test_counter";
const AUDIT_ACTION = "concurrency_test";

const WORKERS = 4;
const WRITES_PER_WORKER = 300;
const BATCH_SIZE = 25;

interface WorkerReport {
  worker: string;
  acked: { entityId: string; counter: number }[];
  failed: { entityId: string; error: string }[];
  reconnects: number;
}

interface WorkerRun {
  ready: Promise<void>;
  go(): void;
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

function startWorker(url: string, id: number): WorkerRun {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", WORKER_SCRIPT, url, String(id), String(WRITES_PER_WORKER), String(BATCH_SIZE)],
    { cwd: ROOT, stdio: ["pipe", "pipe", "pipe"], env: { ...process.env, DATABASE_SYNC_URL: "" } },
  );
  let stdout = "";
  let stderr = "";
  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  child.stdin.on("error", () => undefined); // a worker that already died is reported by its exit code
  child.stdout.setEncoding("utf8");
  child.stderr.setEncoding("utf8");
  child.stdout.on("data", (chunk: string) => {
    stdout += chunk;
    if (/^ready$/m.test(stdout)) markReady();
  });
  child.stderr.on("data", (chunk: string) => (stderr += chunk));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>(
    (resolve, reject) => {
      child.on("error", reject);
      child.on("close", (code, signal) => {
        markReady(); // never leave the test waiting on a worker that died before "ready"
        resolve({ code, signal, stdout, stderr });
      });
    },
  );
  return {
    ready,
    go: () => {
      child.stdin.write("go\n");
      child.stdin.end();
    },
    done,
  };
}

function lastJsonLine(stdout: string): WorkerReport {
  const lines = stdout.trim().split("\n");
  return JSON.parse(lines[lines.length - 1]!) as WorkerReport;
}

describe("concurrent writers on one file database", () => {
  let dir: string;
  let url: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "tuijin-concurrency-"));
    url = `file:${path.join(dir, "concurrency.db")}`;
    const open = await openDatabase(url);
    try {
      await runMigrations(open);
      await open.client.execute({ sql: "INSERT INTO app_meta (key, value) VALUES (?, '0')", args: [COUNTER_KEY] });
    } finally {
      open.close();
    }
  });

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  test(
    "four writer processes making 300 read-then-write transactions each lose no acknowledged insert and no increment",
    async () => {
      const runs = Array.from({ length: WORKERS }, (_, i) => startWorker(url, i + 1));
      await Promise.all(runs.map((r) => r.ready));
      for (const r of runs) r.go();
      const results = await Promise.all(runs.map((r) => r.done));

      expect(
        results.map((r) => r.code),
        `worker stderr:\n${results.map((r) => r.stderr).join("\n---\n")}`,
      ).toEqual(Array(WORKERS).fill(0));

      const reports = results.map((r) => lastJsonLine(r.stdout));
      const acked = reports.flatMap((r) => r.acked);
      const failed = reports.flatMap((r) => r.failed);
      console.log(
        `concurrency: ${reports.map((r) => `worker ${r.worker} acknowledged ${r.acked.length}, failed ${r.failed.length}, BUSY reconnects ${r.reconnects}`).join("; ")}`,
      );
      // Every write should be acknowledged: BEGIN IMMEDIATE waits (timeout 5000) and BUSY is retried.
      expect(failed).toEqual([]);
      expect(acked).toHaveLength(WORKERS * WRITES_PER_WORKER);
      for (const r of reports) expect(r.acked).toHaveLength(WRITES_PER_WORKER);

      const open = await openDatabase(url);
      try {
        const rows = (
          await open.client.execute({
            sql: "SELECT entity_id, after FROM audit_events WHERE action = ? ORDER BY id",
            args: [AUDIT_ACTION],
          })
        ).rows.map((row) => ({ entityId: String(row.entity_id), counter: JSON.parse(String(row.after)).counter as number }));

        // Every acknowledged insert is there, and nothing that was not acknowledged.
        expect(rows.length).toBe(acked.length);
        expect(rows.map((r) => r.entityId).sort()).toEqual(acked.map((a) => a.entityId).sort());

        // No lost update: the counter moved once per acknowledged increment...
        const counter = await open.client.execute({ sql: "SELECT value FROM app_meta WHERE key = ?", args: [COUNTER_KEY] });
        expect(counter.rows.map((r) => Number(r.value))).toEqual([acked.length]);
        // ...each increment saw a distinct previous value (1..N, no duplicates)...
        expect(acked.map((a) => a.counter).sort((a, b) => a - b)).toEqual(
          Array.from({ length: acked.length }, (_, i) => i + 1),
        );
        // ...and what was committed is what each writer was told it committed.
        const committed = new Map(rows.map((r) => [r.entityId, r.counter]));
        expect(acked.filter((a) => committed.get(a.entityId) !== a.counter)).toEqual([]);
        // Commit order matches counter order: rows inserted later carry higher counters.
        expect(rows.map((r) => r.counter)).toEqual(Array.from({ length: rows.length }, (_, i) => i + 1));

        const integrity = await open.client.execute("PRAGMA integrity_check");
        expect(integrity.rows.map((r) => r[0])).toEqual(["ok"]);
      } finally {
        open.close();
      }
    },
    60_000,
  );

  test("a write that meets SQLITE_BUSY reconnects, retries, and every later write on that client is durable", async () => {
    const open = await openDatabase(url);
    let reconnects = 0;
    const reconnect = open.client.reconnect.bind(open.client);
    open.client.reconnect = async () => {
      reconnects++;
      return reconnect();
    };
    // Another connection holds the write lock. libSQL waits for the lock synchronously (timeout
    // 5000 ms), so the blocker can only commit once write() yields between attempts: the first
    // attempt must fail with SQLITE_BUSY and the retry must succeed.
    const blocker = createClient({ url, timeout: 5000 });
    try {
      const held = await blocker.transaction("write");
      await held.execute("INSERT INTO app_meta (key, value) VALUES ('busy_blocker', '1')");
      const released = new Promise<void>((resolve, reject) =>
        setTimeout(() => held.commit().then(resolve, reject), 50),
      );

      const first = await open.write(async (tx) => {
        await tx.run(sql`INSERT INTO app_meta (key, value) VALUES ('busy_first', '1')`);
        return "committed";
      });
      await released;
      expect(first).toBe("committed");
      expect(reconnects).toBe(1);

      // libsql-client-ts #352: a connection that saw BUSY may stop committing. These must all land.
      for (let i = 0; i < 20; i++) {
        await open.write((tx) => tx.run(sql`INSERT INTO app_meta (key, value) VALUES (${`busy_after_${i}`}, '1')`));
      }
    } finally {
      open.close();
      blocker.close();
    }

    const fresh = createClient({ url });
    try {
      const keys = (await fresh.execute("SELECT key FROM app_meta WHERE key LIKE 'busy_%' ORDER BY key")).rows.map((r) =>
        String(r.key),
      );
      expect(keys.sort()).toEqual(
        ["busy_blocker", "busy_first", ...Array.from({ length: 20 }, (_, i) => `busy_after_${i}`)].sort(),
      );
    } finally {
      fresh.close();
    }
  }, 30_000);

  test("a write whose callback throws commits nothing and the queue keeps serving later writes", async () => {
    const open = await openDatabase(url);
    try {
      const before = await open.client.execute("SELECT count(*) AS n FROM audit_events");
      const counterBefore = await open.client.execute({ sql: "SELECT value FROM app_meta WHERE key = ?", args: [COUNTER_KEY] });

      const failing = open.write(async (tx) => {
        await tx.run(`UPDATE app_meta SET value = value + 1000 WHERE key = '${COUNTER_KEY}'`);
        await tx.run(`INSERT INTO audit_events (action, entity, entity_id) VALUES ('${AUDIT_ACTION}', 'counter', 'doomed')`);
        throw new Error("boom");
      });
      const following = Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          open.write(async (tx) => {
            await tx.run(`INSERT INTO audit_events (action, entity, entity_id) VALUES ('after_failure', 'probe', 'p${i}')`);
            return i;
          }),
        ),
      );
      await expect(failing).rejects.toThrow("boom");
      await expect(following).resolves.toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);

      const doomed = await open.client.execute("SELECT count(*) AS n FROM audit_events WHERE entity_id = 'doomed'");
      expect(Number(doomed.rows[0]!.n)).toBe(0);
      const counterAfter = await open.client.execute({ sql: "SELECT value FROM app_meta WHERE key = ?", args: [COUNTER_KEY] });
      expect(counterAfter.rows[0]!.value).toBe(counterBefore.rows[0]!.value);
      const after = await open.client.execute("SELECT count(*) AS n FROM audit_events");
      expect(Number(after.rows[0]!.n)).toBe(Number(before.rows[0]!.n) + 10);
    } finally {
      open.close();
    }
  });
});
