/**
 * The one place that opens the database. Used by the Next.js server (through db/index.ts)
 * and by the scripts (migrate, seed, start), so it must not import "server-only".
 *
 * libSQL traps this guards against (see shared/stack-notes.md):
 * - every read-then-write runs in a write transaction (BEGIN IMMEDIATE), never deferred;
 * - writes from this process are queued one at a time, so they never fight each other;
 * - after SQLITE_BUSY a connection may silently stop committing (libsql-client-ts #352),
 *   so on BUSY the client is reconnected and the whole transaction retried.
 */
import { existsSync, mkdirSync, openSync, readSync, closeSync, statSync } from "node:fs";
import path from "node:path";
import { createClient, type Client, type Config } from "@libsql/client";
import { DrizzleQueryError, sql } from "drizzle-orm";
import { drizzle, type LibSQLDatabase } from "drizzle-orm/libsql";
import { SQLitePreparedQuery } from "drizzle-orm/sqlite-core";
import { batchReads } from "./read-batching";
import * as schema from "./schema";

export type Db = LibSQLDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export const DEFAULT_DATABASE_URL = "file:data/tuijin.db";

/** A start-up problem with the database, reported as one line without a stack trace. */
export class DatabaseConfigError extends Error {
  override name = "DatabaseConfigError";
}

const SQLITE_HEADER = "SQLite format 3\u0000";

export function databaseUrl(): string {
  return process.env.DATABASE_URL?.trim() || DEFAULT_DATABASE_URL;
}

/** Local path of a `file:` URL (as libSQL will open it), or null for a server URL. */
export function filePathOf(url: string): string | null {
  if (!url.startsWith("file:")) return null;
  let rest = url.slice("file:".length).split(/[?#]/)[0] ?? "";
  if (rest.startsWith("//")) {
    // file://host/path: libSQL accepts only an empty host or "localhost" and opens /path.
    const slash = rest.indexOf("/", 2);
    const host = rest.slice(2, slash === -1 ? undefined : slash);
    if (host !== "" && host.toLowerCase() !== "localhost") {
      throw new DatabaseConfigError(`DATABASE_URL 的 file: 地址不能带主机名 "${host}"：应为 file:/绝对路径 或 file:///绝对路径`);
    }
    rest = slash === -1 ? "" : rest.slice(slash);
  }
  try {
    return decodeURIComponent(rest);
  } catch {
    throw new DatabaseConfigError(`DATABASE_URL 格式不正确（${url}）：文件路径中的 % 编码无效`);
  }
}

/** Checks the URL's form and, for a file, that it is a SQLite database (or absent). */
export function checkDatabaseUrl(url: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new DatabaseConfigError(`DATABASE_URL 格式不正确（${redact(url)}）：应为 file:路径、http(s)://主机 或 libsql://主机`);
  }
  const scheme = parsed.protocol.replace(/:$/, "");
  if (!["file", "http", "https", "libsql", "ws", "wss"].includes(scheme)) {
    throw new DatabaseConfigError(`DATABASE_URL 不支持的协议 "${scheme}:"（${redact(url)}）：应为 file:、http(s):、libsql: 或 ws(s):`);
  }
  const file = filePathOf(url);
  if (file === null) return;
  if (file === "" || file === ":memory:") {
    if (file === "") throw new DatabaseConfigError(`DATABASE_URL 缺少文件路径（${url}）`);
    return;
  }
  if (existsSync(/*turbopackIgnore: true*/ file)) {
    const st = statSync(/*turbopackIgnore: true*/ file);
    if (!st.isFile()) throw new DatabaseConfigError(`DATABASE_URL 指向的不是文件：${file}`);
    if (st.size > 0) {
      const buf = Buffer.alloc(16);
      const fd = openSync(/*turbopackIgnore: true*/ file, "r");
      try {
        readSync(fd, buf, 0, 16, 0);
      } finally {
        closeSync(fd);
      }
      if (buf.toString("latin1") !== SQLITE_HEADER) {
        throw new DatabaseConfigError(`DATABASE_URL 指向的文件不是 SQLite/libSQL 数据库：${file}`);
      }
    }
  } else {
    const dir = path.dirname(path.resolve(/*turbopackIgnore: true*/ file));
    try {
      mkdirSync(/*turbopackIgnore: true*/ dir, { recursive: true });
    } catch {
      throw new DatabaseConfigError(`无法创建数据库目录：${dir}`);
    }
  }
}

function redact(url: string): string {
  return url.replace(/\/\/[^@/]*@/, "//***@").replace(/authToken=[^&]*/, "authToken=***");
}

/**
 * A failed query's error as drizzle builds it carries the statement's parameters in its message,
 * its stack and its `params` field, and Next.js prints uncaught errors in full: session ids,
 * password hashes, TOTP secrets and tokens would reach the server log (e.g. when the database
 * is unreachable during a session lookup). The same error with the parameters left out.
 */
export function redactQueryError(e: unknown): unknown {
  if (!(e instanceof DrizzleQueryError)) return e;
  const count = Array.isArray(e.params) ? e.params.length : 0;
  const frames = (e.stack ?? "").split("\n").filter((l) => /^\s+at /.test(l));
  e.message = `Failed query: ${e.query}\nparams: [${count} 个参数已隐去]`;
  e.params = [];
  e.stack = [`${e.name}: ${e.message}`, ...frames].join("\n");
  return e;
}

// Every drizzle query on SQLite goes through queryWithCache, which wraps a failure with its
// parameters: redact there, once per process, so no caller can forget it.
const proto = SQLitePreparedQuery.prototype as unknown as { queryWithCache: (...args: unknown[]) => Promise<unknown>; tuijinRedacts?: boolean };
if (!proto.tuijinRedacts) {
  const original = proto.queryWithCache;
  proto.queryWithCache = async function (this: unknown, ...args: unknown[]) {
    try {
      return await original.apply(this, args);
    } catch (e) {
      throw redactQueryError(e);
    }
  };
  proto.tuijinRedacts = true;
}

export interface OpenDatabase {
  url: string;
  client: Client;
  db: Db;
  /**
   * Runs fn in one write transaction, queued behind this process's other writes; retried on BUSY.
   * Unless `data: false` (sign-in bookkeeping), a transaction that changed rows also bumps
   * app_meta.data_version, which tells every app instance that cached rollups are out of date.
   */
  write<T>(fn: (tx: Tx) => Promise<T>, opts?: { data?: boolean }): Promise<T>;
  close(): void;
}

export function isBusyError(e: unknown): boolean {
  for (let cur: unknown = e, depth = 0; cur && depth < 5; depth++) {
    const err = cur as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof err.code === "string" && err.code.startsWith("SQLITE_BUSY")) return true;
    if (typeof err.message === "string" && /SQLITE_BUSY|database is locked/i.test(err.message)) return true;
    cur = err.cause;
  }
  return false;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Rows this connection has inserted, updated or deleted since it opened (SQLite's total_changes()). */
async function changesSoFar(tx: Tx): Promise<number> {
  const rows = await tx.all<{ n: number }>(sql`select total_changes() as n`);
  return Number(rows[0]?.n ?? 0);
}

export async function openDatabase(url = databaseUrl()): Promise<OpenDatabase> {
  checkDatabaseUrl(url);
  const config: Config = { url, timeout: 5000, intMode: "number" };
  if (process.env.DATABASE_AUTH_TOKEN) config.authToken = process.env.DATABASE_AUTH_TOKEN;
  // Embedded replicas are not offered (issue #18): a replica serves reads from its own copy, so a
  // session, a lock-out or a review state written through another instance stays invisible for
  // seconds to minutes (a locked account signed in on the other instance). Several instances
  // connect to the primary over http(s):// instead; see README "Several app instances".
  if (process.env.DATABASE_SYNC_URL?.trim()) {
    throw new DatabaseConfigError(
      "不支持嵌入式副本（DATABASE_SYNC_URL）：副本读到的会话、登录锁定和审核状态可能是几十秒前的。请去掉 DATABASE_SYNC_URL，把 DATABASE_URL 设为 libSQL 主库的 http(s):// 地址（见 README）。",
    );
  }
  let client: Client;
  try {
    client = createClient(config);
    await client.execute("select 1");
  } catch (e) {
    throw new DatabaseConfigError(`无法打开数据库（${redact(url)}）：${oneLine(e)}`);
  }
  if (url.startsWith("file:")) {
    try {
      // WAL is a property of the file: set once, kept by every later connection.
      await client.execute("PRAGMA journal_mode=WAL");
    } catch (e) {
      client.close();
      throw new DatabaseConfigError(`数据库文件不可用（${redact(url)}）：${oneLine(e)}`);
    }
  }
  // Over http(s):// each query is an HTTP request to the libSQL server: independent reads leave together.
  if (!url.startsWith("file:") && process.env.TUIJIN_READ_BATCHING !== "0") batchReads(client);
  const db = drizzle(client, { schema });

  let queue: Promise<unknown> = Promise.resolve();
  const write = <T>(fn: (tx: Tx) => Promise<T>, opts?: { data?: boolean }): Promise<T> => {
    const body =
      opts?.data === false
        ? fn
        : async (tx: Tx) => {
            const before = await changesSoFar(tx);
            const result = await fn(tx);
            // A transaction that changed nothing (a refusal decided inside it) leaves cached rollups valid.
            if ((await changesSoFar(tx)) !== before) {
              await tx.run(sql`insert into app_meta (key, value) values ('data_version', '1')
                on conflict (key) do update set value = cast(value as integer) + 1`);
            }
            return result;
          };
    const run = async (): Promise<T> => {
      for (let attempt = 1; ; attempt++) {
        try {
          return await db.transaction(body);
        } catch (e) {
          if (!isBusyError(e) || attempt >= 6) throw e;
          // A connection that saw BUSY may drop later commits silently: start afresh.
          await client.reconnect();
          await sleep(25 * attempt + Math.random() * 25);
        }
      }
    };
    const result = queue.then(run, run);
    queue = result.catch(() => undefined);
    return result;
  };

  return { url, client, db, write, close: () => client.close() };
}

export function oneLine(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return msg.split("\n")[0]!.slice(0, 300);
}
