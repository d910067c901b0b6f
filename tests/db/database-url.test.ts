import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createClient } from "@libsql/client";
import { getTableName, is } from "drizzle-orm";
import { SQLiteTable } from "drizzle-orm/sqlite-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import * as schema from "../../db/schema";

const ROOT = path.resolve(import.meta.dirname, "../..");

interface Run {
  code: number | null;
  stdout: string;
  /** stderr lines, without blank lines and without npm's own "npm warn" lines. */
  errLines: string[];
}

function runMigrateScript(databaseUrl: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl };
    delete env.DATABASE_SYNC_URL;
    delete env.DATABASE_AUTH_TOKEN;
    const child = spawn("npx", ["tsx", "scripts/db-migrate.ts"], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (c: string) => (stdout += c));
    child.stderr.setEncoding("utf8").on("data", (c: string) => (stderr += c));
    child.on("error", reject);
    child.on("close", (code) =>
      resolve({
        code,
        stdout,
        errLines: stderr.split(/\r?\n/).filter((l) => l.trim() !== "" && !l.startsWith("npm warn")),
      }),
    );
  });
}

function expectOneLineFailure(run: Run): string {
  expect(run.code, `stderr: ${run.errLines.join("\n")}`).not.toBe(0);
  expect(run.errLines, "exactly one line on stderr").toHaveLength(1);
  expect(run.errLines.filter((l) => /^\s+at /.test(l)), "no stack trace").toEqual([]);
  return run.errLines[0]!;
}

const schemaTables = (Object.values(schema) as unknown[])
  .filter((v): v is SQLiteTable => is(v, SQLiteTable))
  .map((t) => getTableName(t))
  .sort();

describe("DATABASE_URL problems reported by scripts/db-migrate.ts", () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "tuijin-dburl-"));
  });

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  test("a malformed URL exits non-zero with one stderr line that says the URL is malformed", async () => {
    const line = expectOneLineFailure(await runMigrateScript("not a url"));
    expect(line).toContain("DATABASE_URL");
    expect(line).toContain("格式不正确");
    expect(line).toContain("not a url");
  });

  test("an unsupported scheme exits non-zero with one stderr line naming the scheme and hiding the password", async () => {
    const line = expectOneLineFailure(await runMigrateScript("postgres://admin:s3cretpw@localhost:5432/tuijin"));
    expect(line).toContain("不支持的协议");
    expect(line).toContain('"postgres:"');
    expect(line).not.toContain("s3cretpw");
  });

  test("a file that is not a database exits non-zero with one stderr line naming the file and leaves it untouched", async () => {
    const file = path.join(dir, "notes.txt");
    const content = "this is a text file, not a database\n".repeat(10);
    writeFileSync(file, content);
    const line = expectOneLineFailure(await runMigrateScript(`file:${file}`));
    expect(line).toContain("不是 SQLite/libSQL 数据库");
    expect(line).toContain(file);
    expect(readFileSync(file, "utf8")).toBe(content);
    expect(existsSync(`${file}-wal`)).toBe(false);
  });

  test("an unreachable server exits non-zero with one stderr line saying the database cannot be opened", async () => {
    const line = expectOneLineFailure(await runMigrateScript("http://127.0.0.1:9"));
    expect(line).toContain("无法打开数据库");
    expect(line).toContain("127.0.0.1:9");
  });

  test("a fresh file path in a missing folder exits 0 and creates every table of the schema", async () => {
    const file = path.join(dir, "nested", "folder", "fresh.db");
    const run = await runMigrateScript(`file:${file}`);
    expect(run.code, `stderr: ${run.errLines.join("\n")}`).toBe(0);
    expect(run.errLines).toEqual([]);
    expect(run.stdout).toContain(`file:${file}`);
    expect(existsSync(file)).toBe(true);

    const client = createClient({ url: `file:${file}` });
    try {
      const rows = await client.execute("SELECT name FROM sqlite_master WHERE type = 'table'");
      const tables = rows.rows.map((r) => String(r.name));
      expect(schemaTables.length).toBeGreaterThan(10);
      expect(schemaTables.filter((t) => !tables.includes(t))).toEqual([]);
      const applied = await client.execute("SELECT count(*) AS n FROM __drizzle_migrations");
      const journal = JSON.parse(readFileSync(path.join(ROOT, "db/migrations/meta/_journal.json"), "utf8")) as {
        entries: unknown[];
      };
      expect(Number(applied.rows[0]!.n)).toBe(journal.entries.length);
    } finally {
      client.close();
    }
  });

  test("a percent-encoded file URL opens the decoded path libSQL opens", async () => {
    const run = await runMigrateScript(`file:${path.join(dir, "a%20b", "x.db")}`);
    expect(run.code, `stderr: ${run.errLines.join("\n")}`).toBe(0);
    expect(existsSync(path.join(dir, "a b", "x.db"))).toBe(true);
    expect(existsSync(path.join(dir, "a%20b"))).toBe(false);
  });

  test("a file URL with a host name is refused in one line", async () => {
    const line = expectOneLineFailure(await runMigrateScript("file://somehost/x.db"));
    expect(line).toContain("不能带主机名");
  });
});
