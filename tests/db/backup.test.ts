import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { pidFileFor, writePidFile } from "@/scripts/server-pid";

/*
 * npm run db:backup under load, and npm run db:restore into a fresh database: every write
 * acknowledged before the backup started is in it, its integrity holds, and the restored
 * database opens and migrates. Scripts run as `npm run` would run them (tsx, own process).
 */

const ROOT = path.resolve(import.meta.dirname, "../..");
const WRITERS = 4;

const dirs: string[] = [];
const children: ChildProcessWithoutNullStreams[] = [];
afterEach(() => {
  for (const c of children.splice(0)) c.kill("SIGKILL");
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const d = mkdtempSync(path.join(tmpdir(), "tuijin-backup-"));
  dirs.push(d);
  return d;
}

function runScript(script: string, args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", script, ...args], { cwd: ROOT, env: { ...process.env, DATABASE_SYNC_URL: "", ...env } });
    let out = "";
    child.stdout.on("data", (c) => (out += c));
    child.stderr.on("data", (c) => (out += c));
    child.on("exit", (code) => resolve({ code, out }));
  });
}

interface Writer {
  acked: Set<string>;
  ready: Promise<void>;
  child: ChildProcessWithoutNullStreams;
}

function startWriter(url: string, id: number): Writer {
  const child = spawn(process.execPath, ["--import", "tsx", "tests/db/backup-writer.ts", url, String(id)], { cwd: ROOT, stdio: ["pipe", "pipe", "pipe"], env: { ...process.env, DATABASE_SYNC_URL: "" } });
  children.push(child);
  const acked = new Set<string>();
  let markReady!: () => void;
  const ready = new Promise<void>((r) => (markReady = r));
  let buffer = "";
  child.stdout.setEncoding("utf8");
  child.stdout.on("data", (chunk: string) => {
    buffer += chunk;
    const lines = buffer.split("\n");
    buffer = lines.pop()!;
    for (const line of lines) {
      if (line === "ready") markReady();
      else if (line.startsWith("ack ")) acked.add(line.slice(4));
    }
  });
  return { acked, ready, child };
}

const until = async (cond: () => boolean) => {
  while (!cond()) await new Promise((r) => setTimeout(r, 20));
};

describe("backup and restore", () => {
  it("a backup taken while four writers write holds every write acknowledged before it started, and restores into a fresh database that opens and migrates", async () => {
    const dir = tempDir();
    const url = `file:${path.join(dir, "live.db")}`;
    const live = await openDatabase(url);
    await runMigrations(live);
    live.close();
    const secret = path.join(dir, "auth-secret");
    writeFileSync(secret, "secret-for-test\n", { mode: 0o600 });

    const writers = Array.from({ length: WRITERS }, (_, i) => startWriter(url, i + 1));
    await Promise.all(writers.map((w) => w.ready));
    await until(() => writers.every((w) => w.acked.size >= 25));
    const ackedBefore = writers.flatMap((w) => [...w.acked]);

    const backupRoot = path.join(dir, "backups");
    const backup = await runScript("scripts/db-backup.ts", ["--out", backupRoot, "--secret", secret], { DATABASE_URL: url });
    const ackedAfterBackup = writers.reduce((n, w) => n + w.acked.size, 0);
    for (const w of writers) w.child.stdin.end();
    expect(backup.code, backup.out).toBe(0);
    expect(backup.out).toContain("完整性检查通过");
    // The writers really were writing while the backup ran.
    expect(ackedAfterBackup).toBeGreaterThan(ackedBefore.length);

    const [stampDir] = readdirSync(backupRoot);
    const backupDir = path.join(backupRoot, stampDir!);
    const backupFile = path.join(backupDir, "live.db");
    expect(statSync(backupDir).mode & 0o777).toBe(0o700);
    expect(statSync(backupFile).mode & 0o777).toBe(0o600);
    expect(statSync(path.join(backupDir, "auth-secret")).mode & 0o777).toBe(0o600);

    const fresh = `file:${path.join(dir, "fresh.db")}`;
    const port = String(20000 + Math.floor(Math.random() * 20000));
    const restoredSecret = path.join(dir, "restored", "auth-secret");
    const restore = await runScript("scripts/db-restore.ts", [backupFile, "--secret", restoredSecret], { DATABASE_URL: fresh, PORT: port, AUTH_SECRET: "" });
    expect(restore.code, restore.out).toBe(0);
    expect(restore.out).toContain("完整性检查通过");
    expect(readFileSync(restoredSecret, "utf8")).toBe("secret-for-test\n");

    const restored = await openDatabase(fresh);
    try {
      await runMigrations(restored);
      const integrity = await restored.client.execute("PRAGMA integrity_check");
      expect(integrity.rows[0]![0]).toBe("ok");
      const rows = await restored.client.execute("select entity_id from audit_events where action = 'backup_test'");
      const present = new Set(rows.rows.map((r) => String(r.entity_id)));
      expect(ackedBefore.filter((id) => !present.has(id))).toEqual([]);
    } finally {
      restored.close();
    }
  }, 180_000);

  it("restore refuses while a server runs on the database, and refuses a damaged backup, changing nothing", async () => {
    const dir = tempDir();
    const target = path.join(dir, "live.db");
    const other = path.join(dir, "other.db");
    for (const f of [target, other]) {
      const open = await openDatabase(`file:${f}`);
      await runMigrations(open);
      open.close();
    }
    const env = { DATABASE_URL: `file:${target}`, PORT: String(20000 + Math.floor(Math.random() * 20000)) };

    // This test process stands in for the running server named in the pid file.
    writePidFile(pidFileFor(target), { supervisor: process.pid, server: null, port: 3999, startedAt: new Date().toISOString() });
    const live = await runScript("scripts/db-restore.ts", [other, "--secret", path.join(dir, "secret")], env);
    expect(live.code).toBe(1);
    expect(live.out).toContain("服务正在使用这个数据库");
    rmSync(pidFileFor(target));

    const damaged = path.join(dir, "damaged.db");
    writeFileSync(damaged, Buffer.concat([Buffer.from("SQLite format 3\0"), Buffer.alloc(4096, 7)]));
    const bad = await runScript("scripts/db-restore.ts", [damaged, "--secret", path.join(dir, "secret")], env);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain("完整性检查未通过");
    expect(readdirSync(dir).filter((f) => f.includes("before-restore") || f.endsWith(".restoring"))).toEqual([]);
  }, 120_000);
});
