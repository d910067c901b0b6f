/**
 * `npm run bench -- --cluster` (issue #18): the cluster measured as ratios in one run.
 * - the public home through nginx against nginx serving a static file of the same size (goal ≥ 0.9 ×);
 * - staff pages (leader dashboard /city, district home /district, figures form) on a cluster
 *   instance (database over http:// to sqld) against a single server on a database file, both
 *   on the demo data (goal: http within 1.5 × of the file).
 * Starts its own cluster (ports BENCH_CLUSTER_PORT … +3, default 3270) and file server (+5),
 * writes docs/benchmark-cluster.md. `--duration N` seconds per measurement (default 5).
 * Nothing is asserted; it reports where each target stands.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { chromium, type Browser } from "@playwright/test";
import { totpCode } from "../domain/totp";
import { Cluster } from "./cluster-lib";

const args = process.argv.slice(2);
const duration = Number(args[args.indexOf("--duration") + 1] ?? 5) || 5;
const connections = 10;
const base = Number(process.env.BENCH_CLUSTER_PORT ?? 3270);
const PASSWORD = "Tuijin-demo-2023";
const log = (s: string) => console.log(`[bench --cluster] ${s}`);

async function rps(url: string, headers: Record<string, string> = {}): Promise<{ rps: number; p50: number; errors: number }> {
  // Warm up first: the first renders of a page (and of its cached rollups) are not what is measured.
  for (let i = 0; i < 3; i++) await fetch(url, { headers }).then((r) => r.arrayBuffer(), () => undefined);
  const r = await new Promise<autocannon.Result>((resolve, reject) => {
    autocannon({ url, duration, connections, headers }, (err, result) => (err ? reject(err) : resolve(result)));
  });
  return { rps: r.requests.average, p50: r.latency.p50, errors: r.errors + r.non2xx + r.timeouts };
}

async function cookieFor(browser: Browser, baseURL: string, username: string): Promise<string> {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto(`${baseURL}/login`);
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
  if (username === "admin") {
    await page.getByLabel("动态验证码或恢复码").fill(totpCode("TUIJINDEMOADMINTOTPSECRETABCDEFG", Date.now()));
    await page.getByRole("button", { name: "验证并登录" }).click();
  }
  await page.waitForURL((u) => !u.pathname.startsWith("/login"));
  const cookie = (await ctx.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  await ctx.close();
  return cookie;
}

async function waitFor(url: string): Promise<void> {
  for (let i = 0; i < 720; i++) {
    if (await fetch(url).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer`);
}

const notesFile = path.join(process.cwd(), "docs", "benchmark-cluster-notes.md");

export async function clusterBench(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), "tuijin-bench-cluster-"));
  const staticPort = base + 4;
  const filePort = base + 5;
  const staticDir = path.join(dir, "static");
  mkdirSync(staticDir, { recursive: true });
  const cluster = new Cluster({
    dir,
    ports: { nginx: base, apps: [base + 1, base + 2], sqld: base + 3 },
    seed: true,
    actionsKey: false,
    pinPublicOrigin: false,
    env: { TUIJIN_ESCALATION_TIMER: "0" },
    // The reference: the same nginx serving a static file.
    extraHttp: `    server {\n        listen 127.0.0.1:${staticPort};\n        location / { root ${staticDir}; }\n    }\n`,
    log: () => undefined,
  });
  const fileServer = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/start.ts"], {
    env: { ...process.env, DATABASE_URL: `file:${path.join(dir, "file.db")}`, DATABASE_SYNC_URL: "", PORT: String(filePort), HOST: "127.0.0.1", AUTH_SECRET: "bench-cluster-file-secret-000000000000", TUIJIN_ESCALATION_TIMER: "0", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
  try {
    log("starting the cluster (sqld, 2 instances, nginx) and a file-database server …");
    await cluster.start({ build: true });
    const fileUrl = `http://127.0.0.1:${filePort}`;
    await waitFor(`${fileUrl}/status`);
    const home = await fetch(`${cluster.publicUrl}/`).then((r) => r.text());
    writeFileSync(path.join(staticDir, "index.html"), home);

    const lines: string[] = [];
    const pub = await rps(`${cluster.publicUrl}/`);
    const stat = await rps(`http://127.0.0.1:${staticPort}/index.html`);
    log(`public home through nginx ${pub.rps.toFixed(0)} req/s, static file ${stat.rps.toFixed(0)} req/s`);
    lines.push(`| public home through nginx vs nginx serving the same bytes as a static file | ${pub.rps.toFixed(0)} vs ${stat.rps.toFixed(0)} req/s | ${(pub.rps / stat.rps).toFixed(2)} × | ≥ 0.9 × | ${pub.rps / stat.rps >= 0.9 ? "met" : "missed"} |`);

    const pages: [string, string, string][] = [
      ["leader dashboard /city", "leader", "/city"],
      ["district home /district", "jinjiang", "/district"],
      ["figures form /district/figures", "jinjiang", "/district/figures?month=2023-10"],
    ];
    for (const [name, user, p] of pages) {
      const httpCookie = await cookieFor(browser, cluster.appUrl(0), user);
      const fileCookie = await cookieFor(browser, fileUrl, user);
      const overHttp = await rps(`${cluster.appUrl(0)}${p}`, { cookie: httpCookie });
      const onFile = await rps(`${fileUrl}${p}`, { cookie: fileCookie });
      const slower = overHttp.rps > 0 && onFile.rps > 0 ? onFile.rps / overHttp.rps : NaN;
      log(`${name}: http ${overHttp.rps.toFixed(1)} req/s (p50 ${overHttp.p50} ms, ${overHttp.errors} errors), file ${onFile.rps.toFixed(1)} req/s (p50 ${onFile.p50} ms, ${onFile.errors} errors)`);
      lines.push(`| ${name}: one instance over http:// vs a file database | ${overHttp.rps.toFixed(1)} vs ${onFile.rps.toFixed(1)} req/s (p50 ${overHttp.p50} vs ${onFile.p50} ms) | ${Number.isNaN(slower) ? "— (no answers within the run)" : `http ${slower.toFixed(2)} × slower`} | ≤ 1.5 × | ${slower <= 1.5 ? "met" : "missed"} |`);
    }
    const report = [
      "# Cluster benchmark",
      "",
      `Run: \`npm run bench -- --cluster\` on ${new Date().toISOString().slice(0, 10)}; demo data; ${duration} s per measurement, ${connections} connections; every process (sqld, two instances, nginx, the file server, autocannon) on one ${cpus().length}-core machine, load average ${loadavg()[0]!.toFixed(1)} at the end (other work on the machine makes every number here smaller).`,
      "",
      "| measurement | result | ratio | goal | |",
      "|---|---|---|---|---|",
      ...lines,
      "",
      // The hand-written reading (docs/benchmark-cluster-notes.md), kept with the numbers.
      ...(existsSync(notesFile) ? [readFileSync(notesFile, "utf8")] : []),
    ].join("\n");
    writeFileSync(path.join(process.cwd(), "docs", "benchmark-cluster.md"), report);
    console.log(report);
  } finally {
    await browser.close();
    try {
      process.kill(-fileServer.pid!, "SIGTERM");
    } catch {
      // Already gone.
    }
    await cluster.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
