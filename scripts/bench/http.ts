/** The benchmark's server, sign-in and load-measuring helpers (scripts/bench.ts). */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import type { Browser } from "@playwright/test";
import { BENCH_PASSWORD } from "./generate";
import { serverProcessEnv } from "../server-env";

export interface Measure {
  name: string;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  requests: number;
  /** Mean response size (bytes), headers and body as received (compressed if the server compressed). */
  bytes: number;
  /** The page's own size (bytes of uncompressed HTML), where the work is compared with it. */
  pageBytes?: number;
  /** The server's CPU time per request (ms) over the measurement, where it was taken. */
  cpuMsPerRequest?: number;
  /** The static reference's CPU time per request (ms) around this row: the mean of the runs just before and after. */
  refCpuMsPerRequest?: number;
  /** The static reference's req/s this row is compared with: the mean of its runs just before and just after this one (bracketed in scripts/bench.ts). */
  ref?: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export async function measure(name: string, opts: autocannon.Options & { url: string; duration: number; connections: number }): Promise<Measure> {
  const latencies: number[] = [];
  // autocannon has no p95: keep every response time and take exact percentiles.
  const r = await new Promise<autocannon.Result>((resolve, reject) => {
    const inst = autocannon(opts, (err, result) => (err ? reject(err) : resolve(result)));
    inst.on("response", (_client, _status, _bytes, ms) => latencies.push(ms));
  });
  latencies.sort((a, b) => a - b);
  return { name, rps: r.requests.average, p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99), errors: r.errors + r.non2xx + r.timeouts, requests: r.requests.total, bytes: r.requests.total ? r.throughput.total / r.requests.total : 0 };
}

/** The production server as `npm start` runs it: scripts/server.mjs (the front that checks Origin, bodies and client addresses) around Next.js. */
/** What a browser sends: the leader pages and the dashboards of every city size are measured with it. */
export const BROWSER_ENCODING = { "accept-encoding": "gzip, br" };

export function startServer(root: string, dbFile: string, port: number): ChildProcess {
  const env = { ...process.env, DATABASE_URL: `file:${dbFile}`, PORT: String(port), HOST: "127.0.0.1", AUTH_SECRET: "bench-secret-bench-secret-bench-secret-0", NEXT_TELEMETRY_DISABLED: "1", TUIJIN_DEMO: "0" };
  return spawn(process.execPath, [path.join(root, "scripts", "server.mjs")], { env: serverProcessEnv(env), stdio: ["ignore", "ignore", "inherit"] });
}

export async function waitReady(base: string): Promise<void> {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${base}/status`)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("server did not start");
}

/** Stops a server started by startServer and waits until it has exited (its port is free again). */
export async function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise<void>((r) => server.once("exit", () => r()));
  server.kill("SIGTERM");
  await Promise.race([exited, new Promise((r) => setTimeout(r, 8000))]);
  if (server.exitCode === null && server.signalCode === null) {
    server.kill("SIGKILL");
    await exited;
  }
}

/** Direct children of a process, from /proc (no subprocess: the sampler runs beside the load generator). */
function childPids(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((task) =>
      readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").split(/\s+/).filter(Boolean).map(Number),
    );
  } catch {
    return spawnSync("pgrep", ["-P", String(pid)]).stdout.toString().split(/\s+/).filter(Boolean).map(Number);
  }
}

/**
 * Resident memory of the server and its children (kB), sampled while the benchmark runs. Read
 * from /proc only: spawning `pgrep` every 200 ms blocked the process that generates the load.
 */
export function rssKb(pid: number): number {
  const pids = [pid, ...childPids(pid)];
  let total = 0;
  for (const p of pids) {
    try {
      const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, "utf8"));
      total += m ? Number(m[1]) : 0;
    } catch {
      /* gone */
    }
  }
  return total;
}

export async function signIn(browser: Browser, base: string, username: string) {
  const ctx = await browser.newContext();
  // A loaded two-core machine can take longer than Playwright's 30 s for a first render.
  ctx.setDefaultTimeout(120_000);
  ctx.setDefaultNavigationTimeout(120_000);
  const page = await ctx.newPage();
  await page.goto(`${base}/login`);
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码", { exact: true }).fill(BENCH_PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/login"));
  return { ctx, page, cookie: (await ctx.cookies()).map((c) => `${c.name}=${c.value}`).join("; ") };
}

/** Bytes of one response body as sent (compressed when the request asks for it), and its encoding. */
export async function bodyBytes(url: string, headers: Record<string, string> = {}): Promise<{ bytes: number; encoding: string }> {
  const { request } = await import("node:http");
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      let bytes = 0;
      res.on("data", (c: Buffer) => (bytes += c.length));
      res.on("end", () => resolve({ bytes, encoding: String(res.headers["content-encoding"] ?? "none") }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

/**
 * CPU time (ms, user and system) the server and its children have used so far, from /proc: the
 * difference over a measurement, divided by its requests, is the server's work per request.
 */
export function cpuMs(pid: number): number {
  const tick = 1000 / 100; // USER_HZ: 100 on Linux
  let total = 0;
  for (const p of [pid, ...childPids(pid)]) {
    try {
      const stat = readFileSync(`/proc/${p}/stat`, "utf8");
      // Fields after the command (which may hold spaces) start after the last ")".
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      total += (Number(fields[11]) + Number(fields[12])) * tick; // utime, stime (fields 14 and 15)
    } catch {
      /* gone */
    }
  }
  return total;
}
