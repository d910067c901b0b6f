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
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { chromium, type Browser } from "@playwright/test";
import { createClient } from "@libsql/client";
import { AS_OF, BENCH_PASSWORD, generate, LARGE, SMALL } from "./bench/generate";
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

interface Measure {
  name: string;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  requests: number;
  /** Mean response size (bytes), headers and body as received. */
  bytes: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function measure(name: string, opts: autocannon.Options & { url: string }): Promise<Measure> {
  const latencies: number[] = [];
  // autocannon has no p95: keep every response time and take exact percentiles.
  const r = await new Promise<autocannon.Result>((resolve, reject) => {
    const inst = autocannon({ duration, connections, ...opts }, (err, result) => (err ? reject(err) : resolve(result)));
    inst.on("response", (_client, _status, _bytes, ms) => latencies.push(ms));
  });
  latencies.sort((a, b) => a - b);
  return { name, rps: r.requests.average, p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99), errors: r.errors + r.non2xx + r.timeouts, requests: r.requests.total, bytes: r.requests.total ? r.throughput.total / r.requests.total : 0 };
}

/** The production server as `npm start` runs it: scripts/server.mjs (the front that checks Origin, bodies and client addresses) around Next.js. */
function startServer(): ChildProcess {
  const env = { ...process.env, DATABASE_URL: `file:${dbFile}`, PORT: String(port), HOST: "127.0.0.1", AUTH_SECRET: "bench-secret-bench-secret-bench-secret-0", NEXT_TELEMETRY_DISABLED: "1", TUIJIN_DEMO: "0" };
  return spawn(process.execPath, [path.join(root, "scripts", "server.mjs")], { env, stdio: ["ignore", "ignore", "inherit"] });
}

async function waitReady(): Promise<void> {
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`${base}/status`)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("server did not start");
}

/** Resident memory of the server and its children (kB), sampled while the benchmark runs. */
function rssKb(pid: number): number {
  const pids = [pid, ...spawnSync("pgrep", ["-P", String(pid)]).stdout.toString().split(/\s+/).filter(Boolean).map(Number)];
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

async function signIn(browser: Browser, username: string) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto(`${base}/login`);
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码", { exact: true }).fill(BENCH_PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/login"));
  return { ctx, page, cookie: (await ctx.cookies()).map((c) => `${c.name}=${c.value}`).join("; ") };
}

/** The figures-form save a clerk makes, captured (and aborted) so autocannon can repeat it. */
async function captureSave(page: import("@playwright/test").Page, indicatorId: number) {
  await page.goto(`${base}/district/figures?month=${AS_OF}`);
  await page.locator(`#m_${indicatorId}`).fill("1");
  let captured: { headers: Record<string, string>; body: string; url: string } | null = null;
  await page.route("**/*", async (route) => {
    const req = route.request();
    if (req.method() === "POST" && req.headers()["next-action"] && !captured) {
      const h = req.headers();
      captured = { url: req.url(), body: req.postData() ?? "", headers: { "next-action": h["next-action"]!, "content-type": h["content-type"]!, accept: h.accept ?? "text/x-component", origin: base } };
      await route.abort();
      return;
    }
    await route.continue();
  });
  await page.getByRole("button", { name: "保存草稿" }).click();
  for (let i = 0; i < 50 && !captured; i++) await page.waitForTimeout(100);
  if (!captured) throw new Error("could not capture the save");
  return captured as { headers: Record<string, string>; body: string; url: string };
}

/** Sets one field of the captured multipart body (React prefixes a form's field names, e.g. "_1_m_13"). */
function setField(body: string, name: string, value: string): string {
  const re = new RegExp(`(name="(?:_\\d+_)?${name}"\\r\\n\\r\\n)[^\\r]*`);
  if (!re.test(body)) throw new Error(`the captured save has no field ${name}`);
  return body.replace(re, `$1${value}`);
}

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

  let t = Date.now();
  const big = await generate(`file:${dbFile}`, smoke ? SMALL : LARGE);
  log(`generated ${big.rows.toLocaleString()} rows in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  const small = await generate(`file:${smallDb}`, SMALL);
  log(`generated the 10k comparison set: ${small.rows.toLocaleString()} rows`);

  // Rollup time for the dashboard, cold (computed from the rows) and warm (data unchanged).
  const rollup = (file: string) => {
    const r = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/bench/rollup-time.ts", file], { encoding: "utf8" });
    if (r.status !== 0) throw new Error(`rollup timing failed: ${r.stderr}`);
    return JSON.parse(r.stdout.trim().split("\n").pop()!) as { cold: number; warm: number };
  };
  const rollSmall = rollup(smallDb);
  const rollBig = rollup(dbFile);

  clearPageCache(path.join(root, process.env.NEXT_DIST_DIR || ".next"));
  const server = startServer();
  let peakKb = 0;
  const sampler = setInterval(() => (peakKb = Math.max(peakKb, rssKb(server.pid!))), 200);
  try {
    await waitReady();
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
    try {
      // First-load JavaScript: bytes on the wire (gzip) of the scripts each public page loads.
      const jsBytes = async (p: string) => {
        const page = await browser.newPage();
        await page.goto(`${base}${p}`, { waitUntil: "networkidle" });
        const bytes = await page.evaluate(() => (performance.getEntriesByType("resource") as PerformanceResourceTiming[]).filter((e) => e.initiatorType === "script" || e.name.endsWith(".js")).reduce((s, e) => s + e.transferSize, 0));
        await page.close();
        return bytes;
      };
      const jsMin = await jsBytes("/status");
      const jsHome = await jsBytes("/");
      const jsProjects = await jsBytes("/projects");

      for (const p of ["/", "/indicators/key_investment", "/projects/page/50"]) await fetch(`${base}${p}`); // warm the page cache once
      const leader = await signIn(browser, "leader");
      await fetch(`${base}/city`, { headers: { cookie: leader.cookie } });

      const results: Measure[] = [];
      results.push(await measure("静态参考页 /status", { url: `${base}/status` }));
      results.push(await measure("公开首页 /", { url: `${base}/` }));
      results.push(await measure("公开指标页 /indicators/key_investment", { url: `${base}/indicators/key_investment` }));
      results.push(await measure("公开项目列表第 50 页", { url: `${base}/projects/page/50` }));
      results.push(await measure("市领导总览 /city（登录）", { url: `${base}/city`, headers: { cookie: leader.cookie } }));

      // 13 district clerks saving their month at once, each request with the version it last saw.
      const db = createClient({ url: `file:${dbFile}` });
      const urban = Number((await db.execute("select i.id from indicators i join campaigns c on c.id = i.campaign_id where c.year = 2023 and i.code = 'urban_investment'")).rows[0]!.id);
      const clerks = (await db.execute("select username, district_id from users where role = 'district_editor' order by id")).rows.map((r) => ({ username: String(r.username), districtId: Number(r.district_id) }));
      const writers = await Promise.all(
        clerks.map(async (c) => {
          const s = await signIn(browser, c.username);
          const cap = await captureSave(s.page, urban);
          if (process.env.BENCH_DEBUG) log(`captured fields: ${[...cap.body.matchAll(/name="([^"]+)"/g)].map((m) => m[1]).join(" ").slice(0, 600)}`);
          // The clerk confirms unusual values with a note (the form's outlier checks ask for one;
          // the generated data has month-to-month jumps in several rows of the form).
          const body = cap.body.replace(/(name="(?:_\d+_)?note_\d+"\r\n\r\n)[^\r]*/g, "$1基准测试：数值已核实");
          return { ...c, cookie: s.cookie, cap, body, acked: 0, last: 0 };
        }),
      );
      let errors = 0;
      let conflicts = 0;
      let saveBytes = 0;
      /** One save by one clerk, with the versions its last save stored (as the form does). */
      const saveOnce = async (w: (typeof writers)[number], value: number): Promise<number> => {
        const body = setField(w.body, `m_${urban}`, String(value));
        const started = performance.now();
        const res = await fetch(w.cap.url, { method: "POST", headers: { ...w.cap.headers, cookie: w.cookie }, body });
        const text = await res.text();
        const ms = performance.now() - started;
        saveBytes += Buffer.byteLength(text);
        if (!res.ok) {
          if (++errors === 1) log(`first failed save: HTTP ${res.status} ${text.slice(0, 300)}`);
          return ms;
        }
        // The action's result (the "1:" line of the response): message and the stored values with their new versions.
        const line = text.split("\n").find((l) => l.startsWith("1:"));
        const result = line ? (JSON.parse(line.slice(2)) as { ok?: boolean; message?: string; values?: Record<string, string> }) : null;
        if (!result?.ok || !result.message?.startsWith("已保存草稿")) {
          if (result?.message?.includes("已被他人修改")) conflicts += 1;
          else if (++errors === 1) log(`first failed save: ${text.slice(0, 400)}`);
          return ms;
        }
        for (const [k, v] of Object.entries(result.values ?? {})) if (k.startsWith("ver_")) w.body = setField(w.body, k, v);
        w.acked += 1;
        w.last = value;
        return ms;
      };
      // One clerk alone first: the time a save takes when nobody else is writing.
      const solo: number[] = [];
      for (let i = 1; i <= (smoke ? 3 : 10); i++) solo.push(await saveOnce(writers[0]!, 10_000 + i)); // within the 亿元 bound (100,000)
      solo.sort((a, b) => a - b);
      const soloAcked = writers[0]!.acked;
      const latencies: number[] = [];
      t = Date.now();
      await Promise.all(
        writers.map(async (w) => {
          for (let n = 1; Date.now() - t < duration * 1000; n++) latencies.push(await saveOnce(w, n));
        }),
      );
      latencies.sort((a, b) => a - b);
      const acked = writers.reduce((s, w) => s + w.acked, 0) - soloAcked;
      let lost = 0;
      for (const w of writers) {
        const r = await db.execute({
          sql: `select f.value from figure_values f join monthly_reports r on r.id = f.report_id join periods p on p.id = r.period_id join campaigns c on c.id = p.campaign_id
                where c.year = 2023 and p.month = ? and r.district_id = ? and f.indicator_id = ?`,
          args: [AS_OF, w.districtId, urban],
        });
        if (w.acked > 0 && Number(r.rows[0]?.value) !== w.last * 10000) lost += 1;
      }
      db.close();
      results.push({ name: "月报保存（13 个区县同时）", rps: acked / duration, p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99), errors: errors + conflicts, requests: latencies.length, bytes: saveBytes / (latencies.length + solo.length) });

      const ref = results[0]!.rps;
      const rows = results.map((r) => `| ${r.name} | ${r.rps.toFixed(0)} | ${(r.rps / ref).toFixed(2)} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.errors} | ${r.bytes ? (r.bytes / 1024).toFixed(0) : "—"} |`);
      const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
      const mark = (ok: boolean) => (ok ? "met" : "**missed**");
      const [staticRef, ...pages] = results;
      const publicPages = pages.slice(0, 3);
      const dashboard = pages[3]!;
      const save = pages[4]!;
      const rollRatio = rollBig.cold / rollSmall.cold;
      const targets = [
        "## Targets",
        "",
        ...publicPages.map((r) => `- Public page ≥ 0.9 × static: ${r.name} ${(r.rps / ref).toFixed(2)} × — ${mark(r.rps / ref >= 0.9)}; ${(r.bytes / 1024).toFixed(0)} KB per response against the static page's ${(staticRef!.bytes / 1024).toFixed(0)} KB (${(r.rps * r.bytes / 1048576).toFixed(1)} MB/s served against ${(staticRef!.rps * staticRef!.bytes / 1048576).toFixed(1)} MB/s).`),
        `- City dashboard p95 ≤ 150 ms at ${connections} connections: ${dashboard.p95.toFixed(0)} ms — ${mark(dashboard.p95 <= 150)}; ${(dashboard.bytes / 1024).toFixed(0)} KB per response.`,
        `- Month save p95 ≤ 100 ms, 0 errors, 0 lost writes at 13 concurrent writers: p95 ${save.p95.toFixed(0)} ms, ${errors} errors, ${conflicts} conflicts, ${lost} lost — ${mark(save.p95 <= 100 && errors === 0 && lost === 0)}.`,
        `- Dashboard rollup at 1M rows ≤ 2 × at 10k: × ${rollRatio.toFixed(1)} — ${mark(rollRatio <= 2)}.`,
        `- Public first-load JS ≤ framework minimum + 20 KB: home +${kb(jsHome - jsMin)}, project list +${kb(jsProjects - jsMin)} — ${mark(jsHome - jsMin <= 20480 && jsProjects - jsMin <= 20480)}.`,
        `- Server memory ≤ 1 GiB: ${(peakKb / 1024).toFixed(0)} MiB — ${mark(peakKb <= 1048576)}.`,
        "",
      ];
      const report = [
        `# Benchmark (${smoke ? "smoke run, tiny data" : "city scale"})`,
        "",
        `Run: \`npm run bench${smoke ? " -- --smoke" : ""}\` on ${new Date().toISOString().slice(0, 10)}; ${big.rows.toLocaleString()} rows; ${duration} s per measurement, ${connections} connections; 2-core machine. Throughput is compared with the static reference page of the same server in the same run.`,
        "",
        "| 测量 | req/s | × 静态参考 | p50 ms | p95 ms | p99 ms | 错误 | KB/响应 |",
        "|---|---|---|---|---|---|---|---|",
        ...rows,
        "",
        `- Month save: one clerk alone, p50 ${percentile(solo, 50).toFixed(0)} ms per save; ${acked} acknowledged writes by 13 concurrent clerks, ${conflicts} version conflicts, ${errors} errors, **${lost} lost writes** (each clerk's last acknowledged value is the one stored).`,
        `- Dashboard rollup, cold (computed from the rows, median of 5): ${rollSmall.cold.toFixed(1)} ms at ${small.rows.toLocaleString()} rows (the same 60 indicators and 13 districts, one year, 150 projects), ${rollBig.cold.toFixed(1)} ms at ${big.rows.toLocaleString()} rows (× ${(rollBig.cold / rollSmall.cold).toFixed(1)}); warm (data unchanged since the last computation): ${rollSmall.warm.toFixed(2)} ms and ${rollBig.warm.toFixed(2)} ms.`,
        `- First-load JavaScript (gzip on the wire): framework minimum (static page) ${kb(jsMin)}; public home ${kb(jsHome)} (+${kb(jsHome - jsMin)}); project list ${kb(jsProjects)} (+${kb(jsProjects - jsMin)}).`,
        `- Peak server memory (RSS): ${(peakKb / 1024).toFixed(0)} MiB.`,
        "",
        // A smoke run (tiny data, 2 connections, 1 s) says nothing about the targets.
        ...(smoke ? [] : [...targets, ...readNotes()]),
      ].join("\n");
      console.log(report);
      if (!smoke) {
        mkdirSync(path.join(root, "docs"), { recursive: true });
        writeFileSync(path.join(root, "docs", "benchmark.md"), report);
        log("written to docs/benchmark.md");
      }
      const failedRequests = results.reduce((s, r) => s + (r.name.startsWith("月报") ? errors : r.errors), 0);
      if (failedRequests > 0 || lost > 0) {
        log(`requests failed (${failedRequests}) or writes were lost (${lost})`);
        process.exitCode = 1;
      }
    } finally {
      await browser.close();
    }
  } finally {
    clearInterval(sampler);
    server.kill("SIGTERM");
    rmSync(work, { recursive: true, force: true });
  }
}

// `--cluster`: the multi-instance measurements (scripts/cluster-bench.ts) instead.
(args.includes("--cluster") ? (rmSync(work, { recursive: true, force: true }), import("./cluster-bench").then((m) => m.clusterBench())) : main()).catch((e) => {
  console.error(`[bench] ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
