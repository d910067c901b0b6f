#!/usr/bin/env node
/**
 * Lighthouse scores (performance, accessibility) of the public home page and project list,
 * against a server that is already running:
 *
 *   node scripts/lighthouse.mjs http://localhost:3000 [--runs=3] [--desktop] [--pages=/,/projects,/en] [--min=95]
 *
 * Runs the project's own pinned Lighthouse 12 (a devDependency, node_modules/lighthouse; nothing
 * is fetched at run time) with Debian's chromium (CHROME_PATH, default /usr/bin/chromium). Mobile emulation
 * with simulated throttling by default, as PageSpeed does; --desktop uses Lighthouse's desktop
 * preset. Each page is measured --runs times (default 3) and the run with the median performance
 * score is reported, as Lighthouse's own guidance on variance recommends; on a busy machine the
 * blocking-time metric swings widely from run to run. Prints each score and, below the minimum,
 * the audits that cost the most; exits 1 when any score is below the minimum. Not part of `npm test`.
 */
import { spawn } from "node:child_process";
import { createRequire } from "node:module";

const lighthouseCli = createRequire(import.meta.url).resolve("lighthouse/cli/index.js");

const args = process.argv.slice(2);
const base = args.find((a) => !a.startsWith("--"));
const flag = (name) => args.find((a) => a.startsWith(`--${name}`));
const value = (name, fallback) => flag(name)?.split("=")[1] ?? fallback;

if (!base || !/^https?:\/\//.test(base)) {
  console.error("usage: node scripts/lighthouse.mjs <server URL, e.g. http://localhost:3000> [--desktop] [--pages=/,/projects] [--min=95]");
  process.exit(2);
}

const pages = value("pages", "/,/projects").split(",").filter(Boolean);
const min = Number(value("min", "95"));
const desktop = Boolean(flag("desktop"));
const runs = Math.max(1, Number(value("runs", "3")) || 1);
const chromePath = process.env.CHROME_PATH || "/usr/bin/chromium";
const chromeFlags = "--headless=new --no-sandbox --disable-gpu --disable-background-networking";

function lighthouse(url) {
  const cli = [
    lighthouseCli,
    url,
    "--output=json",
    "--output-path=stdout",
    "--only-categories=performance,accessibility",
    `--chrome-flags=${chromeFlags}`,
    "--quiet",
    ...(desktop ? ["--preset=desktop"] : []),
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, cli, { env: { ...process.env, CHROME_PATH: chromePath }, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) return reject(new Error(`lighthouse exited with ${code} for ${url}\n${err.trim().split("\n").slice(-10).join("\n")}`));
      try {
        resolve(JSON.parse(out));
      } catch {
        reject(new Error(`lighthouse printed no JSON report for ${url}\n${err.trim().split("\n").slice(-10).join("\n")}`));
      }
    });
  });
}

/** The audits that cost the category most (weighted, not passed). */
function worstAudits(report, categoryId) {
  const cat = report.categories[categoryId];
  return cat.auditRefs
    .filter((r) => r.weight > 0)
    .map((r) => ({ ...r, audit: report.audits[r.id] }))
    .filter((r) => r.audit && r.audit.score !== null && r.audit.score < 0.9)
    .sort((a, b) => b.weight * (1 - b.audit.score) - a.weight * (1 - a.audit.score))
    .slice(0, 6)
    .map((r) => `      - ${r.audit.title}${r.audit.displayValue ? ` (${r.audit.displayValue})` : ""}: ${Math.round(r.audit.score * 100)}`);
}

let failed = false;
console.log(`Lighthouse 12 · ${desktop ? "desktop" : "mobile"} · ${chromePath} · minimum ${min}`);
for (const path of pages) {
  const url = new URL(path, base).toString();
  const reports = [];
  for (let i = 0; i < runs; i++) {
    try {
      reports.push(await lighthouse(url));
    } catch (e) {
      console.error(String(e instanceof Error ? e.message : e));
    }
  }
  if (reports.length === 0) {
    failed = true;
    continue;
  }
  const perf = (r) => r.categories.performance?.score ?? 0;
  reports.sort((a, b) => perf(a) - perf(b));
  const report = reports[Math.floor((reports.length - 1) / 2)];
  console.log(`\n${url}  (median of ${reports.length} run${reports.length > 1 ? "s" : ""}; performance per run: ${reports.map((r) => Math.round(perf(r) * 100)).join(", ")})`);
  for (const id of ["performance", "accessibility"]) {
    const score = Math.round((report.categories[id]?.score ?? 0) * 100);
    const ok = score >= min;
    failed ||= !ok;
    console.log(`  ${id.padEnd(14)} ${String(score).padStart(3)} ${ok ? "ok" : "BELOW " + min}`);
    if (!ok) console.log(worstAudits(report, id).join("\n"));
  }
  const m = report.audits;
  console.log(
    `  metrics        FCP ${m["first-contentful-paint"]?.displayValue ?? "—"} · LCP ${m["largest-contentful-paint"]?.displayValue ?? "—"} · TBT ${m["total-blocking-time"]?.displayValue ?? "—"} · CLS ${m["cumulative-layout-shift"]?.displayValue ?? "—"}`,
  );
}
process.exit(failed ? 1 : 0);
