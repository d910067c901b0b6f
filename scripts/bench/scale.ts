/**
 * Dashboard cost against dashboard size: the signed-in city dashboard measured on a server of its
 * own for each generated city (10k vs 1M rows, 13 vs 40 districts, 60 vs 200 indicators).
 *
 * The cities' servers run side by side and each dashboard is measured twice, in the order
 * a b c d d c b a: this machine's speed moves by up to 1.8 × within the hour (docs/benchmark-notes.md,
 * session 16), and measured one after another minutes apart the comparison said × 1.24 in one run
 * and × 0.87 in the next for the same code. In mirrored order a steady drift weighs on every city
 * alike; each city's figures are the mean of its two measurements. Each measurement also takes
 * the server process's CPU time per request (from /proc): the work itself, which the latency of 10
 * connections on a shared two-core machine shows only through its queue.
 */
import type { ChildProcess } from "node:child_process";
import type { Browser } from "@playwright/test";
import { BROWSER_ENCODING, bodyBytes, cpuMs, measure, signIn, startServer, stopServer, waitReady, type Measure } from "./http";

/** A city's server, started, signed in as the leader and warmed. */
export interface City {
  key: string;
  base: string;
  cookie: string;
  server: ChildProcess;
}

export async function startCity(browser: Browser, opts: { root: string; dbFile: string; port: number; key: string }): Promise<City> {
  const base = `http://127.0.0.1:${opts.port}`;
  const server = startServer(opts.root, opts.dbFile, opts.port);
  try {
    await waitReady(base);
    const leader = await signIn(browser, base, "leader");
    await leader.ctx.close();
    await (await fetch(`${base}/city`, { headers: { cookie: leader.cookie } })).arrayBuffer(); // warm the rollup once
    return { key: opts.key, base, cookie: leader.cookie, server };
  } catch (e) {
    await stopServer(server);
    throw e;
  }
}

/** The mean of one page's measurements (latencies and throughput averaged, errors and requests added up). */
export function averagedRuns(name: string, runs: Measure[]): Measure {
  const avg = (f: (m: Measure) => number) => runs.reduce((s, m) => s + f(m), 0) / runs.length;
  return {
    name,
    rps: avg((m) => m.rps),
    p50: avg((m) => m.p50),
    p95: avg((m) => m.p95),
    p99: avg((m) => m.p99),
    errors: runs.reduce((s, m) => s + m.errors, 0),
    requests: runs.reduce((s, m) => s + m.requests, 0),
    bytes: avg((m) => m.bytes),
    ...(runs.every((m) => m.cpuMsPerRequest !== undefined) ? { cpuMsPerRequest: avg((m) => m.cpuMsPerRequest!) } : {}),
  };
}

/** The mirrored order of measurement: each city once forwards, once backwards. */
export function mirrored<T>(items: T[]): T[] {
  return [...items, ...[...items].reverse()];
}

/**
 * Each city's dashboard, measured twice in mirrored order (timed as the big city's dashboard is,
 * with a browser's Accept-Encoding), with the page's own size (uncompressed HTML: compression is
 * not linear in the page). Keyed by city.
 */
export async function dashboardsMirrored(cities: City[], opts: { duration: number; connections: number }): Promise<Record<string, Measure>> {
  const runs = new Map<string, Measure[]>(cities.map((c) => [c.key, []]));
  for (const city of mirrored(cities)) {
    const before = cpuMs(city.server.pid!);
    const m = await measure(city.key, { url: `${city.base}/city`, headers: { cookie: city.cookie, ...BROWSER_ENCODING }, duration: opts.duration, connections: opts.connections });
    runs.get(city.key)!.push({ ...m, cpuMsPerRequest: (cpuMs(city.server.pid!) - before) / Math.max(1, m.requests) });
  }
  const result: Record<string, Measure> = {};
  for (const city of cities) {
    result[city.key] = { ...averagedRuns(city.key, runs.get(city.key)!), pageBytes: (await bodyBytes(`${city.base}/city`, { cookie: city.cookie })).bytes };
  }
  return result;
}
