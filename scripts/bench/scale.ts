/**
 * Dashboard cost against dashboard size: the signed-in city dashboard measured on its own server
 * for each generated city (10k vs 1M rows, 13 vs 40 districts, 60 vs 200 indicators).
 */
import type { Browser } from "@playwright/test";
import { BROWSER_ENCODING, bodyBytes, measure, signIn, startServer, stopServer, waitReady, type Measure } from "./http";

export async function dashboardOn(browser: Browser, opts: { root: string; dbFile: string; port: number; name: string; duration: number; connections: number }): Promise<Measure> {
  const base = `http://127.0.0.1:${opts.port}`;
  const server = startServer(opts.root, opts.dbFile, opts.port);
  try {
    await waitReady(base);
    const leader = await signIn(browser, base, "leader");
    await leader.ctx.close();
    await (await fetch(`${base}/city`, { headers: { cookie: leader.cookie } })).arrayBuffer(); // warm the rollup once
    // Timed as the big city's dashboard is (with a browser's Accept-Encoding); its size compared
    // uncompressed (what the server renders: compression is not linear in the page).
    const measured = await measure(opts.name, { url: `${base}/city`, headers: { cookie: leader.cookie, ...BROWSER_ENCODING }, duration: opts.duration, connections: opts.connections });
    return { ...measured, pageBytes: (await bodyBytes(`${base}/city`, { cookie: leader.cookie })).bytes };
  } finally {
    await stopServer(server);
  }
}
