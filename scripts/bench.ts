/**
 * npm run bench — the city-scale benchmark, measured as ratios in one run (machines are noisy).
 *   --smoke      a tiny data set and 1-second runs: keeps the script working (npm test runs it)
 *   --duration N seconds per measurement (default 10)
 *   --cluster    the cluster's measurements instead (scripts/cluster-bench.ts, docs/benchmark-cluster.md)
 * Builds if needed, generates the data into a temporary database, starts the production server
 * (scripts/server.mjs, the front server `npm start` runs, so requests take production's path),
 * signs in with headless Chromium, then measures with autocannon and writes docs/benchmark.md.
 * Nothing here asserts a time; it reports where each target stands.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type autocannon from "autocannon";
import { chromium } from "@playwright/test";
import { buildReport } from "./bench/report";
import { generate, LARGE, SMALL, SMALL_200_INDICATORS, SMALL_40_DISTRICTS } from "./bench/generate";
import { BROWSER_ENCODING, bodyBytes, cpuMs, measure as measureWith, rssKb, signIn, startServer, stopServer, waitReady, type Measure } from "./bench/http";
import { freshDashboard, readsWriteNothing } from "./bench/reads";
import { benchSaves } from "./bench/saves";
import { dashboardsMirrored, startCity, type City } from "./bench/scale";
import { clearPageCache } from "./page-cache";

const args = process.argv.slice(2);
const smoke = args.includes("--smoke");
const duration = smoke ? 1 : Number(args[args.indexOf("--duration") + 1] ?? 10) || 10;
const connections = smoke ? 2 : 10;
const port = Number(process.env.BENCH_PORT ?? 3400);
const base = `http://127.0.0.1:${port}`;
const root = process.cwd();
const work = mkdtempSync(path.join(tmpdir(), "tuijin-bench-"));
const dbFile = path.join(work, "bench.db");
const smallDb = path.join(work, "small.db");
const log = (s: string) => console.log(`[bench] ${s}`);
const measure = (name: string, opts: autocannon.Options & { url: string }) => measureWith(name, { ...opts, duration, connections });
/** Several runs of one URL as one row: mean req/s, the median run's percentiles, every error and request. */
function meanOf(name: string, runs: Measure[]): Measure {
  const mid = [...runs].sort((a, b) => a.rps - b.rps)[Math.floor(runs.length / 2)]!;
  const sum = (f: (m: Measure) => number) => runs.reduce((t, m) => t + f(m), 0);
  return { ...mid, name, rps: sum((m) => m.rps) / runs.length, errors: sum((m) => m.errors), requests: sum((m) => m.requests), bytes: sum((m) => m.bytes * m.requests) / Math.max(1, sum((m) => m.requests)) };
}
/** What a browser sends: the server may compress. */

/** The hand-written reading of the numbers (docs/benchmark-notes.md), appended to the full report. */
function readNotes(): string[] {
  try {
    return [readFileSync(path.join(root, "docs", "benchmark-notes.md"), "utf8")];
  } catch {
    return [];
  }
}


async function main() {
  log(`mode: ${smoke ? "smoke" : "full"}, ${duration}s per measurement, ${connections} connections`);
  const build = spawnSync(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "scripts/start.ts", "--build-only"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (build.status !== 0) throw new Error("build failed");

  const t = Date.now();
  const big = await generate(`file:${dbFile}`, smoke ? SMALL : LARGE);
  log(`generated ${big.rows.toLocaleString()} rows in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  const small = await generate(`file:${smallDb}`, SMALL);
  log(`generated the 10k comparison set: ${small.rows.toLocaleString()} rows`);
  // Bigger dashboards on the small data (full runs only: each needs a server of its own).
  const scaleSets = smoke ? [] : [
    { key: "d40", file: path.join(work, "d40.db"), size: SMALL_40_DISTRICTS },
    { key: "i200", file: path.join(work, "i200.db"), size: SMALL_200_INDICATORS },
  ];
  for (const s of scaleSets) await generate(`file:${s.file}`, s.size);

  // Rollup time for the dashboard, cold (computed from the rows) and warm (data unchanged).
  const rollup = (file: string) => {
    const r = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/bench/rollup-time.ts", file], { encoding: "utf8" });
    if (r.status !== 0) throw new Error(`rollup timing failed: ${r.stderr}`);
    return JSON.parse(r.stdout.trim().split("\n").pop()!) as { cold: number; warm: number };
  };
  const rollSmall = rollup(smallDb);
  const rollBig = rollup(dbFile);

  clearPageCache(path.join(root, process.env.NEXT_DIST_DIR || ".next"));
  const server = startServer(root, dbFile, port);
  let peakKb = 0;
  const sampler = setInterval(() => (peakKb = Math.max(peakKb, rssKb(server.pid!))), 200);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
  try {
    await waitReady(base);
    // First-load JavaScript: bytes on the wire (gzip) of the scripts each public page loads.
    const jsBytes = async (p: string) => {
      const page = await browser.newPage();
      await page.goto(`${base}${p}`, { waitUntil: "networkidle" });
      const bytes = await page.evaluate(() => (performance.getEntriesByType("resource") as PerformanceResourceTiming[]).filter((e) => e.initiatorType === "script" || e.name.endsWith(".js")).reduce((s, e) => s + e.transferSize, 0));
      await page.close();
      return bytes;
    };
    const js = { min: await jsBytes("/status"), home: await jsBytes("/"), projects: await jsBytes("/projects") };

    const publicPages = [
      { name: "公开首页 /", path: "/" },
      { name: "公开指标页 /indicators/key_investment", path: "/indicators/key_investment" },
      { name: "公开项目列表第 50 页", path: "/projects/page/50" },
    ];
    for (const p of publicPages) await (await fetch(`${base}${p.path}`)).arrayBuffer(); // warm the page cache once
    const leader = await signIn(browser, base, "leader");
    const leaderPages = [
      { name: "市领导总览 /city（登录）", path: "/city" },
      { name: "指标下钻 /city/indicators/key_investment", path: "/city/indicators/key_investment" },
      { name: "市重点项目按行业 /city/projects", path: "/city/projects" },
      { name: "滞后清单 /city/lagging", path: "/city/lagging" },
      { name: "综合排名 /city/rankings", path: "/city/rankings" },
    ];
    for (const p of leaderPages) await (await fetch(`${base}${p.path}`, { headers: { cookie: leader.cookie } })).arrayBuffer();

    // Bytes per page: uncompressed, and as a browser receives it.
    const bytes = [];
    for (const p of [{ name: "静态参考页 /status", path: "/status", cookie: "" }, ...publicPages.map((x) => ({ ...x, cookie: "" })), ...leaderPages.map((x) => ({ ...x, cookie: leader.cookie }))]) {
      const h: Record<string, string> = p.cookie ? { cookie: p.cookie } : {};
      bytes.push({ name: p.name, plain: (await bodyBytes(`${base}${p.path}`, h)).bytes, wire: await bodyBytes(`${base}${p.path}`, { ...h, ...BROWSER_ENCODING }) });
    }

    // Every URL measured for a ratio is first put under the same load for a moment, untimed: the
    // first measurement of a run used to meet a server whose request path was not yet optimised
    // (the static reference, measured first, served 10–15 % less than the same reference measured
    // again a minute later with nothing changed).
    const warmUrls = [{ url: `${base}/status` }, { url: `${base}/icon.svg` }, ...publicPages.map((p) => ({ url: `${base}${p.path}` }))];
    for (const headers of [{}, BROWSER_ENCODING]) for (const w of warmUrls) await measureWith("warm-up", { ...w, headers, duration: smoke ? 1 : 3, connections });
    // Each page between two runs of the static reference, compared with their mean, so that the
    // machine's speed drifting during the run moves a page and its reference together.
    // Each measurement also takes the server's CPU time per request (from /proc): the work itself,
    // steadier than throughput on a machine whose speed moves (shown beside the targets, not judged).
    const withCpu = async (name: string, opts: { url: string; headers: Record<string, string> }): Promise<Measure> => {
      const before = cpuMs(server.pid!);
      const m = await measure(name, opts);
      return { ...m, cpuMsPerRequest: (cpuMs(server.pid!) - before) / Math.max(1, m.requests) };
    };
    const bracketed = async (refName: string, headers: Record<string, string>, pages: { name: string; url: string }[]) => {
      const refs = [await withCpu(refName, { url: `${base}/status`, headers })];
      const measured: Measure[] = [];
      for (const p of pages) {
        const m = await withCpu(p.name, { url: p.url, headers });
        refs.push(await withCpu(refName, { url: `${base}/status`, headers }));
        measured.push({ ...m, ref: (refs.at(-2)!.rps + refs.at(-1)!.rps) / 2, refCpuMsPerRequest: (refs.at(-2)!.cpuMsPerRequest! + refs.at(-1)!.cpuMsPerRequest!) / 2 });
      }
      return { ref: meanOf(refName, refs), refRuns: refs.map((r) => r.rps), pages: measured };
    };
    const plainRun = await bracketed("静态参考页 /status", {}, [{ name: "站点图标 /icon.svg", url: `${base}/icon.svg` }, ...publicPages.map((p) => ({ name: p.name, url: `${base}${p.path}` }))]);
    const [favicon, ...plain] = plainRun.pages as [Measure, ...Measure[]];
    const staticRef = plainRun.ref;
    const gzRun = await bracketed("静态参考页 /status（gzip, br）", BROWSER_ENCODING, publicPages.map((p) => ({ name: `${p.name}（gzip, br）`, url: `${base}${p.path}` })));
    const staticGz = gzRun.ref;
    const gz = gzRun.pages;
    const leaders: Measure[] = [];
    for (const p of leaderPages) leaders.push(await measure(p.name, { url: `${base}${p.path}`, headers: { cookie: leader.cookie, ...BROWSER_ENCODING } }));
    // The open-data API, as a browser or a script that takes compression asks for it (outside the targets).
    const openData: Measure[] = [];
    for (const p of [
      { name: "开放数据 /api/v1/indicators.json（gzip, br）", path: "/api/v1/indicators.json" },
      { name: "开放数据 indicators.json?indicator=key_investment（gzip, br）", path: "/api/v1/indicators.json?indicator=key_investment" },
    ]) {
      await (await fetch(`${base}${p.path}`, { headers: BROWSER_ENCODING })).arrayBuffer();
      openData.push(await measure(p.name, { url: `${base}${p.path}`, headers: BROWSER_ENCODING }));
    }

    // Reading never writes: a clerk's home page read 100 times (20 in a smoke run).
    const clerk = await signIn(browser, base, "bench_jinjiang");
    const reads = await readsWriteNothing(base, dbFile, clerk.cookie, smoke ? 20 : 100);
    await clerk.ctx.close();
    const fresh = await freshDashboard(base, dbFile, leader.cookie, smoke ? 5 : 30);

    const saves = await benchSaves(browser, base, dbFile, { duration, soloWarmup: smoke ? 2 : 10, soloSaves: smoke ? 3 : 100, log });
    clearInterval(sampler);
    await stopServer(server);

    // Dashboard cost against dashboard size: each city on a server of its own, all four running,
    // each dashboard measured twice in mirrored order (scripts/bench/scale.ts). A smoke run has
    // the big city's row only.
    let scale: Record<string, Measure> = { big: { ...leaders[0]!, pageBytes: bytes.find((b) => b.name === leaderPages[0]!.name)!.plain } };
    if (!smoke) {
      const cities: City[] = [];
      try {
        for (const [i, c] of [{ key: "big", file: dbFile }, { key: "small", file: smallDb }, ...scaleSets].entries()) {
          cities.push(await startCity(browser, { root, dbFile: c.file, port: port + i, key: c.key }));
        }
        scale = await dashboardsMirrored(cities, { duration, connections });
      } finally {
        for (const c of cities) await stopServer(c.server);
      }
    }

    const { report, failed } = buildReport({ smoke, duration, connections, rows: big.rows, smallRows: small.rows, staticRef, favicon, plain, staticGz, gz, refRuns: { plain: plainRun.refRuns, gz: gzRun.refRuns }, leaders, openData, saves, bytes, reads, freshDashboard: fresh, js, rollSmall, rollBig, peakKb, scale, notes: smoke ? [] : readNotes() });
    console.log(report);
    if (!smoke) {
      mkdirSync(path.join(root, "docs"), { recursive: true });
      writeFileSync(path.join(root, "docs", "benchmark.md"), report);
      log("written to docs/benchmark.md");
    }
    if (failed) {
      log(failed);
      process.exitCode = 1;
    }
  } finally {
    clearInterval(sampler);
    await browser.close();
    await stopServer(server);
    rmSync(work, { recursive: true, force: true });
  }
}

// `--cluster`: the multi-instance measurements (scripts/cluster-bench.ts) instead.
(args.includes("--cluster") ? (rmSync(work, { recursive: true, force: true }), import("./cluster-bench").then((m) => m.clusterBench())) : main()).catch((e) => {
  console.error(`[bench] ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
