/**
 * `npm start`: everything a fresh clone needs to serve the app in production mode.
 * 1. AUTH_SECRET from the environment, or generated once into data/auth-secret (mode 0600);
 * 2. the database opened (a bad DATABASE_URL stops here with one line), migrated, and seeded
 *    with demo data when it is empty (TUIJIN_DEMO=0 skips the demo data);
 * 3. a production build when there is none or the sources changed since the last one;
 * 4. the server (scripts/server.mjs: Next.js behind a front that resolves client addresses and
 *    checks mutations' Origin) on PORT (default 3000), supervised: when it exits without being
 *    asked to (a crash, an out-of-memory kill), it is started again: after 1 s when it had come
 *    up and served (it says so over the IPC channel), else after 1 s, 2 s, 4 s … up to 30 s
 *    (back to 1 s once it has run for a minute); five failures in a row before serving, within
 *    seconds of starting, end `npm start` with exit code 1 (a port in use, a broken build),
 *    leaving any outer supervisor (deploy/tuijin.service) to decide. While it serves a file database, the
 *    pid file `<database>.pid` says so (npm run db:restore refuses to run then).
 * `--build-only` does step 3 alone (the test command uses it).
 * `--serve-only` does step 4 alone, on a build that must exist and a database that must be
 * migrated: for an app instance of a cluster (scripts/cluster.ts), where migrations run once as
 * their own step and instances never race each other to migrate or seed.
 */
import { spawn } from "node:child_process";
import { clearPageCache } from "./page-cache";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DatabaseConfigError, databaseUrl, filePathOf, oneLine, openDatabase } from "../db/client";
import { runMigrations } from "../db/migrate";
import { SeedRefusedError, seedDemo } from "../db/seed";
import { forwardingSettings } from "../app/_lib/forwarding.mjs";
import { pidFileFor, removePidFile, writePidFile } from "./server-pid";
import { serverProcessEnv } from "./server-env";

const root = process.cwd();
const dataDir = path.join(root, "data");
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
const distDir = path.join(root, process.env.NEXT_DIST_DIR || ".next");

function fail(message: string): never {
  console.error(`[tuijin] ${message}`);
  process.exit(1);
}

function ensureAuthSecret(): string {
  const fromEnv = process.env.AUTH_SECRET?.trim();
  if (fromEnv) return fromEnv;
  const file = path.join(dataDir, "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret + "\n", { mode: 0o600 });
  console.log(`[tuijin] 未设置 AUTH_SECRET，已生成并保存到 ${path.relative(root, file)}（权限 0600）。多实例部署请自行设置 AUTH_SECRET 和 NEXT_SERVER_ACTIONS_ENCRYPTION_KEY。`);
  return secret;
}

async function prepareDatabase(): Promise<void> {
  let open;
  try {
    open = await openDatabase();
  } catch (e) {
    fail(e instanceof DatabaseConfigError ? e.message : `无法打开数据库：${oneLine(e)}`);
  }
  try {
    await runMigrations(open);
  } catch (e) {
    open.close();
    fail(`数据库迁移失败，数据库保持原样：${oneLine(e)}`);
  }
  if (process.env.TUIJIN_DEMO !== "0") {
    try {
      const outcome = await seedDemo(open);
      if (outcome === "seeded") console.log("[tuijin] 空数据库：已写入演示数据（页面顶部会显示“演示数据”标识）。");
    } catch (e) {
      if (!(e instanceof SeedRefusedError)) {
        open.close();
        fail(`写入演示数据失败：${oneLine(e)}`);
      }
      // A database with real data: serve it as it is.
    }
  }
  open.close();
  console.log(`[tuijin] 数据库就绪：${open.url}`);
}

const FINGERPRINT_INPUTS = ["app", "components", "db", "domain", "public", "instrumentation.ts", "scripts/shared-cache-handler.mjs", "scripts/shared-cache.mjs", "next.config.ts", "package-lock.json", "tsconfig.json", "postcss.config.mjs", "proxy.ts"];

/** A hash of everything the build depends on, to rebuild after a pull instead of serving stale code. */
function sourceFingerprint(): string {
  const h = createHash("sha256");
  const walk = (p: string) => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) walk(path.join(p, name));
    } else {
      h.update(path.relative(root, p));
      h.update(readFileSync(p));
    }
  };
  for (const input of FINGERPRINT_INPUTS) walk(path.join(root, input));
  // Server actions' closures are sealed with this key at build time: another key, another build.
  h.update(`actions-key:${process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY ?? ""}`);
  return h.digest("hex");
}

function run(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [nextBin, ...args], { stdio: "inherit", env });
    const forward = (sig: NodeJS.Signals) => child.kill(sig);
    process.on("SIGINT", forward);
    process.on("SIGTERM", forward);
    child.on("exit", (code, signal) => {
      process.off("SIGINT", forward);
      process.off("SIGTERM", forward);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

async function ensureBuilt(env: NodeJS.ProcessEnv): Promise<void> {
  const fingerprintFile = path.join(distDir, "tuijin-fingerprint");
  const fingerprint = sourceFingerprint();
  const built = existsSync(path.join(distDir, "BUILD_ID")) && existsSync(fingerprintFile) && readFileSync(fingerprintFile, "utf8") === fingerprint;
  if (!built) {
    console.log("[tuijin] 正在构建生产版本（首次启动或代码有更新，约需一两分钟）…");
    const buildDb = await emptyBuildDatabase();
    const code = await run(["build"], { ...env, DATABASE_URL: buildDb.url, DATABASE_AUTH_TOKEN: "" });
    buildDb.remove();
    if (code !== 0) fail("构建失败，见上方输出。");
    writeFileSync(fingerprintFile, fingerprint);
  }
}

/**
 * The build renders the public pages of static routes (the home, /projects, …) once, and they
 * read the database. It gets an empty, migrated database of its own, never the one being served
 * (which may be a server, another city, or absent): those renders are thrown away before a server
 * starts (scripts/page-cache.ts), and each page is rendered from the real database on first request.
 */
async function emptyBuildDatabase(): Promise<{ url: string; remove: () => void }> {
  const dir = mkdtempSync(path.join(tmpdir(), "tuijin-build-db-"));
  const url = `file:${path.join(dir, "build.db")}`;
  const remove = () => rmSync(dir, { recursive: true, force: true });
  try {
    const open = await openDatabase(url);
    try {
      await runMigrations(open);
    } finally {
      open.close();
    }
  } catch (e) {
    remove();
    fail(`构建用的空数据库无法建立：${oneLine(e)}`);
  }
  return { url, remove };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs the server and starts it again whenever it exits unasked (see the header comment). */
async function supervise(env: NodeJS.ProcessEnv, port: number): Promise<never> {
  const dbFile = filePathOf(databaseUrl());
  const pidFile = dbFile && dbFile !== ":memory:" ? pidFileFor(path.resolve(dbFile)) : null;
  let stopping = false;
  let child: ReturnType<typeof spawn> | null = null;
  const stop = (sig: NodeJS.Signals) => {
    stopping = true;
    child?.kill(sig);
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));

  let delay = 1000;
  let quickFailures = 0;
  while (!stopping) {
    const startedAt = Date.now();
    child = spawn(process.execPath, [path.join(root, "scripts", "server.mjs")], { stdio: ["inherit", "inherit", "inherit", "ipc"], env: serverProcessEnv(env) });
    if (pidFile) writePidFile(pidFile, { supervisor: process.pid, server: child.pid ?? null, port, startedAt: new Date(startedAt).toISOString() });
    // scripts/server.mjs sends "ready" once it listens: a crash after that is not a broken start.
    let served = false;
    child.on("message", (m) => {
      if (m === "ready") served = true;
    });
    const { code, signal } = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child!.once("exit", (c, s) => resolve({ code: c, signal: s })));
    if (stopping) break;
    const ranMs = Date.now() - startedAt;
    if (ranMs > 60_000 || served) delay = 1000;
    quickFailures = ranMs < 10_000 && !served ? quickFailures + 1 : 0;
    if (quickFailures >= 5) {
      if (pidFile) removePidFile(pidFile);
      fail(`服务进程启动后连续 ${quickFailures} 次很快退出（最后一次：${signal ?? `退出码 ${code}`}），不再重启。`);
    }
    console.error(`[tuijin] 服务进程意外退出（${signal ?? `退出码 ${code}`}），${delay / 1000} 秒后重启。`);
    await sleep(delay);
    delay = Math.min(delay * 2, 30_000);
  }
  if (pidFile) removePidFile(pidFile);
  process.exit(0);
}

async function main() {
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  if (process.argv.includes("--build-only")) {
    await ensureBuilt(env);
    return;
  }
  try {
    forwardingSettings(process.env);
  } catch (e) {
    fail(oneLine(e));
  }
  if (process.argv.includes("--serve-only")) {
    // A cluster instance: the secrets come from the environment, the database and the build are ready.
    if (!process.env.AUTH_SECRET?.trim()) fail("--serve-only 需要在环境中设置 AUTH_SECRET（各实例相同）。");
    if (!existsSync(path.join(distDir, "BUILD_ID"))) fail(`--serve-only 需要已有的生产构建（${path.relative(root, distDir) || distDir}），请先运行 --build-only。`);
    await serve(env);
    return;
  }
  env.AUTH_SECRET = ensureAuthSecret();
  // The seed seals the demo admin's TOTP secret under it (app/_lib/secret-box.ts).
  process.env.AUTH_SECRET = env.AUTH_SECRET;
  await prepareDatabase();
  await ensureBuilt(env);
  clearPageCache(distDir);
  await serve(env);
}

async function serve(env: NodeJS.ProcessEnv): Promise<void> {
  const port = Number(process.env.PORT ?? "3000");
  if (!Number.isInteger(port) || port <= 0 || port > 65535) fail(`PORT 不是有效端口：${process.env.PORT}`);
  env.PORT = String(port);
  env.HOST = process.env.HOST ?? "0.0.0.0";
  console.log(`[tuijin] 启动：http://localhost:${port}`);
  await supervise(env, port);
}

main().catch((e) => fail(oneLine(e)));
