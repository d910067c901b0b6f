/**
 * `npm run db:restore -- FILE`: puts a backup made by `npm run db:backup` in place of the file
 * database (DATABASE_URL). Stops nothing silently: it refuses while a server runs on that
 * database (the pid file `npm start` keeps next to it, or anything listening on PORT, default
 * 3000). It checks the backup's integrity before touching anything, keeps the current database
 * files as `<name>.before-restore-<time>`, and checks the restored database afterwards.
 * The backup's auth-secret is copied to data/auth-secret (or --secret FILE) only when that file
 * is missing and AUTH_SECRET is not set.
 * `npm start` then migrates the restored database if it is older than the code.
 */
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { checkDatabaseUrl, databaseUrl, DatabaseConfigError, filePathOf, oneLine } from "../db/client";
import { integrityOf } from "./db-check";
import { portInUse, runningServer } from "./server-pid";

function fail(message: string): never {
  console.error(`[tuijin] ${message}`);
  process.exit(1);
}

const stamp = () => new Date().toISOString().replace(/\.\d+Z$/, "Z").replace(/:/g, "");

async function main() {
  const args = process.argv.slice(2);
  const secretArg = args.indexOf("--secret");
  const secretFile = path.resolve(secretArg === -1 ? path.join(process.cwd(), "data", "auth-secret") : (args[secretArg + 1] ?? ""));
  const source = args.find((a, i) => !a.startsWith("--") && i !== secretArg + 1);
  if (!source) fail("用法：npm run db:restore -- data/backups/<时间>/tuijin.db");
  const backup = path.resolve(source);
  if (!existsSync(backup)) fail(`备份文件不存在：${backup}`);

  const url = databaseUrl();
  try {
    checkDatabaseUrl(url);
  } catch (e) {
    fail(e instanceof DatabaseConfigError ? e.message : oneLine(e));
  }
  const file = filePathOf(url);
  if (file === null || file === ":memory:") fail("db:restore 只能恢复到本机数据库文件（file: 地址）。libSQL 服务器（sqld）请按 README“备份与恢复”一节操作。");
  const target = path.resolve(file);
  if (target === backup) fail("备份文件就是当前数据库，无需恢复。");

  const running = runningServer(target);
  if (running) fail(`服务正在使用这个数据库（进程 ${running.supervisor}，端口 ${running.port}）：请先停止服务（systemctl stop tuijin 或在运行 npm start 的终端按 Ctrl+C），再恢复。`);
  const port = Number(process.env.PORT ?? 3000);
  if (await portInUse(port)) fail(`端口 ${port} 上有程序在运行：如果是本应用，请先停止它再恢复（其他程序占用时，用 PORT=<空闲端口> 运行本命令）。`);

  const before = await integrityOf(backup);
  if (before !== "ok") fail(`备份文件完整性检查未通过，没有做任何改动：${before}`);

  // Copy first, then swap: an interrupted restore leaves the current database untouched.
  const incoming = `${target}.restoring`;
  rmSync(incoming, { force: true });
  copyFileSync(backup, incoming);
  chmodSync(incoming, 0o600);
  const kept = `${target}.before-restore-${stamp()}`;
  if (existsSync(target)) {
    // The database and its WAL move together, so the kept copy is complete.
    for (const suffix of ["", "-wal", "-shm"]) if (existsSync(target + suffix)) renameSync(target + suffix, kept + suffix);
  }
  renameSync(incoming, target);

  const after = await integrityOf(target);
  if (after !== "ok") fail(`恢复后的数据库完整性检查未通过：${after}。原数据库保存在 ${kept}。`);

  const secretBackup = path.join(path.dirname(backup), "auth-secret");
  if (existsSync(secretBackup) && !process.env.AUTH_SECRET) {
    if (!existsSync(secretFile)) {
      mkdirSync(path.dirname(secretFile), { recursive: true });
      copyFileSync(secretBackup, secretFile);
      chmodSync(secretFile, 0o600);
      console.log(`[tuijin] 已从备份恢复 ${path.relative(process.cwd(), secretFile)}。`);
    } else if (readFileSync(secretFile, "utf8") !== readFileSync(secretBackup, "utf8")) {
      console.log(`[tuijin] 提示：本机 ${path.relative(process.cwd(), secretFile)} 与备份中的不同，保留本机的（已登录的用户需要重新登录）。`);
    }
  }
  console.log(`[tuijin] 已恢复 ${target}（完整性检查通过）${existsSync(kept) ? `；原数据库保存为 ${kept}` : ""}。启动服务时会自动执行数据库迁移。`);
}

main().catch((e) => fail(oneLine(e)));
