/**
 * `npm start`: everything a fresh clone needs to serve the app in production mode.
 * 1. AUTH_SECRET from the environment, or generated once into data/auth-secret (mode 0600);
 * 2. the database opened (a bad DATABASE_URL stops here with one line), migrated, and seeded
 *    with demo data when it is empty (TUIJIN_DEMO=0 skips the demo data);
 * 3. a production build when there is none or the sources changed since the last one;
 * 4. `next start` on PORT (default 3000).
 * `--build-only` does step 3 alone (the test command uses it).
 */
import { spawn } from "node:child_process";
import { clearPageCache } from "./page-cache";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { DatabaseConfigError, oneLine, openDatabase } from "../db/client";
import { runMigrations } from "../db/migrate";
import { SeedRefusedError, seedDemo } from "../db/seed";

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

const FINGERPRINT_INPUTS = ["app", "components", "db", "public", "next.config.ts", "package-lock.json", "tsconfig.json", "postcss.config.mjs", "proxy.ts"];

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
    const code = await run(["build"], env);
    if (code !== 0) fail("构建失败，见上方输出。");
    writeFileSync(fingerprintFile, fingerprint);
  }
}

async function main() {
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  if (process.argv.includes("--build-only")) {
    await ensureBuilt(env);
    return;
  }
  env.AUTH_SECRET = ensureAuthSecret();
  await prepareDatabase();
  await ensureBuilt(env);
  clearPageCache(distDir);
  const port = process.env.PORT ?? "3000";
  const host = process.env.HOST ?? "0.0.0.0";
  console.log(`[tuijin] 启动：http://localhost:${port}`);
  process.exit(await run(["start", "-p", port, "-H", host], env));
}

main().catch((e) => fail(oneLine(e)));
