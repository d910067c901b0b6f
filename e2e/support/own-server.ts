import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createClient, type Client } from "@libsql/client";

/*
 * A server of a spec's own: `npm start` (scripts/start.ts, supervisor included) on another port
 * and a fresh seeded database in a temp folder, built from the same production build as the main
 * e2e server. For specs that kill it, fuzz it or swap its database, without disturbing the others.
 */

export interface OwnServer {
  baseURL: string;
  port: number;
  dbFile: string;
  dir: string;
  supervisor: ChildProcess;
  /** Output so far (for failure messages). */
  log: () => string;
  /** The server process the supervisor runs now (from the pid file; null while it is being rewritten). */
  serverPid: () => number | null;
  db: () => Client;
  stop: () => Promise<void>;
}

/** A port for the own server: the main e2e port plus an offset, so parallel runs do not collide. */
export function ownPort(offset: number): number {
  return Number(process.env.E2E_PORT ?? 3100) + 100 + offset;
}

export async function waitForStatus(baseURL: string, timeoutMs: number): Promise<number> {
  const started = Date.now();
  for (;;) {
    const ok = await fetch(`${baseURL}/status`, { signal: AbortSignal.timeout(2000) }).then((r) => r.status === 200, () => false);
    if (ok) return Date.now() - started;
    if (Date.now() - started > timeoutMs) throw new Error(`server at ${baseURL} did not answer /status within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function readServerPid(file: string): number | null {
  try {
    return (JSON.parse(readFileSync(file, "utf8")) as { server: number | null }).server;
  } catch {
    return null;
  }
}

export async function startOwnServer(opts: { port: number; authSecret?: string; dbFile?: string; dir?: string; env?: Record<string, string> }): Promise<OwnServer> {
  const dir = opts.dir ?? mkdtempSync(path.join(tmpdir(), "tuijin-own-"));
  const dbFile = opts.dbFile ?? path.join(dir, "tuijin.db");
  const baseURL = `http://127.0.0.1:${opts.port}`;
  let out = "";
  const supervisor = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/start.ts"], {
    cwd: process.cwd(),
    env: {
      ...process.env,
      // Not the test runner's own loader hooks: the server runs as `npm start` would.
      NODE_OPTIONS: "",
      DATABASE_URL: `file:${dbFile}`,
      DATABASE_SYNC_URL: "",
      PORT: String(opts.port),
      HOST: "127.0.0.1",
      AUTH_SECRET: opts.authSecret ?? "own-server-secret-for-e2e-only-0000000",
      NEXT_TELEMETRY_DISABLED: "1",
      TUIJIN_ESCALATION_TIMER: "0",
      ...opts.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  supervisor.stdout!.on("data", (c) => (out += c));
  supervisor.stderr!.on("data", (c) => (out += c));
  const exited = new Promise<void>((r) => supervisor.once("exit", () => r()));
  const stop = async () => {
    const server = readServerPid(`${dbFile}.pid`);
    if (supervisor.exitCode === null && supervisor.signalCode === null) {
      supervisor.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 8000))]);
      if (supervisor.exitCode === null && supervisor.signalCode === null) supervisor.kill("SIGKILL");
    }
    // Never leave a server behind on the port, even if the supervisor could not stop it.
    if (server) {
      try {
        process.kill(server, "SIGKILL");
      } catch {
        // Already gone.
      }
    }
  };
  try {
    await Promise.race([
      waitForStatus(baseURL, 180_000),
      exited.then(() => {
        throw new Error(`npm start exited before serving:\n${out}`);
      }),
    ]);
  } catch (e) {
    await stop();
    if (!opts.dir) rmSync(dir, { recursive: true, force: true });
    throw new Error(`${e instanceof Error ? e.message : String(e)}\n--- npm start said ---\n${out.slice(-3000)}`);
  }
  return {
    baseURL,
    port: opts.port,
    dbFile,
    dir,
    supervisor,
    log: () => out,
    serverPid: () => readServerPid(`${dbFile}.pid`),
    db: () => createClient({ url: `file:${dbFile}`, timeout: 5000 }),
    stop,
  };
}

/** Stops the server and removes its folder. */
export async function disposeOwnServer(s: OwnServer | undefined): Promise<void> {
  if (!s) return;
  await s.stop();
  if (existsSync(s.dir)) rmSync(s.dir, { recursive: true, force: true });
}

/** Signs in through the real form of a server at `baseURL` (not the config's), password step only. */
export async function signInAt(page: import("@playwright/test").Page, baseURL: string, username: string, password: string): Promise<void> {
  await page.goto(`${baseURL}/login`);
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码", { exact: true }).fill(password);
  await page.getByRole("button", { name: "登录" }).click();
  await page.waitForURL(/\/(city|district|account)\b/);
}
