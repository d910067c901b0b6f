/**
 * `npm run db:backup [-- --out DIR --secret FILE --keep N]`: an online, consistent copy of the file
 * database while the server keeps running. SQLite's `VACUUM INTO` reads one snapshot (the WAL
 * included, which a plain `cp` of the .db file misses) and writes a compact new database. The
 * copy goes to data/backups/<UTC time>/tuijin.db together with data/auth-secret, in a folder
 * only the owner can read (0700, files 0600): it holds password hashes and TOTP secrets.
 * `--keep N` then deletes all but the newest N backup folders.
 * For a libSQL server (sqld) see the README: this script refuses server URLs.
 */
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { createClient } from "@libsql/client";
import { checkDatabaseUrl, databaseUrl, DatabaseConfigError, filePathOf, oneLine } from "../db/client";
import { integrityOf } from "./db-check";

function fail(message: string): never {
  console.error(`[tuijin] ${message}`);
  process.exit(1);
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i === -1 ? undefined : process.argv[i + 1];
}

const STAMP = /^\d{4}-\d{2}-\d{2}T\d{6}Z$/;

/** "2026-12-03T021500Z": sortable, and a valid folder name everywhere. */
function stamp(d = new Date()): string {
  return d.toISOString().replace(/\.\d+Z$/, "Z").replace(/:/g, "");
}

async function main() {
  const url = databaseUrl();
  try {
    checkDatabaseUrl(url);
  } catch (e) {
    fail(e instanceof DatabaseConfigError ? e.message : oneLine(e));
  }
  const file = filePathOf(url);
  if (file === null || file === ":memory:") fail("db:backup 只能备份本机数据库文件（file: 地址）。libSQL 服务器（sqld）请按 README“备份与恢复”一节在服务器上备份。");
  if (process.env.DATABASE_SYNC_URL) fail("这是一个嵌入式副本（DATABASE_SYNC_URL）：请在主库所在的服务器上备份（见 README）。");
  if (!existsSync(file)) fail(`数据库文件不存在：${file}`);

  const root = process.cwd();
  const outRoot = path.resolve(arg("--out") ?? path.join(root, "data", "backups"));
  const secretFile = path.resolve(arg("--secret") ?? path.join(root, "data", "auth-secret"));
  const dir = path.join(outRoot, stamp());
  mkdirSync(outRoot, { recursive: true, mode: 0o700 });
  mkdirSync(dir, { mode: 0o700 });
  const target = path.join(dir, path.basename(file));

  const client = createClient({ url, timeout: 5000 });
  try {
    // Readers never block writers in WAL mode: the server keeps serving during the copy.
    await client.execute({ sql: "VACUUM INTO ?", args: [target] });
  } catch (e) {
    fail(`备份失败：${oneLine(e)}`);
  } finally {
    client.close();
  }
  chmodSync(target, 0o600);
  const integrity = await integrityOf(target);
  if (integrity !== "ok") fail(`备份文件完整性检查未通过：${integrity}（${target}）`);

  if (existsSync(secretFile)) {
    copyFileSync(secretFile, path.join(dir, "auth-secret"));
    chmodSync(path.join(dir, "auth-secret"), 0o600);
  } else if (process.env.AUTH_SECRET) {
    console.log("[tuijin] 提示：AUTH_SECRET 来自环境变量，没有写入备份；请另行保管。");
  }
  const keep = arg("--keep");
  if (keep !== undefined) {
    if (!/^[1-9]\d*$/.test(keep)) fail(`--keep 应为正整数，现在是 "${keep}"（本次备份已完成）`);
    const old = readdirSync(outRoot).filter((d) => STAMP.test(d)).sort().reverse().slice(Number(keep));
    for (const d of old) rmSync(path.join(outRoot, d), { recursive: true, force: true });
    if (old.length) console.log(`[tuijin] 已删除 ${old.length} 份较早的备份（保留最近 ${keep} 份）。`);
  }
  const shown = path.relative(root, target).startsWith("..") ? target : path.relative(root, target);
  console.log(`[tuijin] 已备份到 ${shown}（完整性检查通过）。备份含密码哈希和两步验证密钥，请妥善保管。`);
}

main().catch((e) => fail(oneLine(e)));
