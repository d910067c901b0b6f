/** The month-save benchmark: one clerk alone, then 13 clerks saving their month at once. */
import type { Browser, Page } from "@playwright/test";
import { createClient } from "@libsql/client";
import { AS_OF } from "./generate";
import { percentile, signIn, type Measure } from "./http";

/** The figures-form save a clerk makes, captured (and aborted) so it can be repeated. */
async function captureSave(page: Page, base: string, indicatorId: number) {
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

export interface SaveResult {
  measure: Measure;
  solo: number[];
  /** Saves made alone before the timed ones (not timed). */
  soloWarmup: number;
  acked: number;
  errors: number;
  conflicts: number;
  lost: number;
  /** Mean size of a save's response (the action's reply), bytes. */
  replyBytes: number;
  /**
   * The same form posted with an intent the action refuses right after its guard (sorted ms): the
   * framework's part of a save (front check, two multipart parses, the action's decoding, the
   * session, the reply), which 13 clerks at once queue for in one process whatever the save does.
   */
  floor: number[];
}

export async function benchSaves(browser: Browser, base: string, dbFile: string, opts: { duration: number; soloWarmup: number; soloSaves: number; log: (s: string) => void }): Promise<SaveResult> {
  const { duration, log } = opts;
  const db = createClient({ url: `file:${dbFile}` });
  const urban = Number((await db.execute("select i.id from indicators i join campaigns c on c.id = i.campaign_id where c.year = 2023 and i.code = 'urban_investment'")).rows[0]!.id);
  const clerks = (await db.execute("select username, district_id from users where role = 'district_editor' order by id")).rows.map((r) => ({ username: String(r.username), districtId: Number(r.district_id) }));
  // One clerk after another: 13 sign-ins at once (argon2 each) time out on a busy two-core machine.
  const writers: { username: string; districtId: number; cookie: string; cap: Awaited<ReturnType<typeof captureSave>>; body: string; acked: number; last: number }[] = [];
  for (const c of clerks) {
    const s = await signIn(browser, base, c.username);
    const cap = await captureSave(s.page, base, urban);
    await s.ctx.close();
    if (process.env.BENCH_DEBUG) log(`captured fields: ${[...cap.body.matchAll(/name="([^"]+)"/g)].map((m) => m[1]).join(" ").slice(0, 600)}`);
    // The clerk confirms unusual values with a note (the form's outlier checks ask for one;
    // the generated data has month-to-month jumps in several rows of the form).
    const body = cap.body.replace(/(name="(?:_\d+_)?note_\d+"\r\n\r\n)[^\r]*/g, "$1基准测试：数值已核实");
    writers.push({ ...c, cookie: s.cookie, cap, body, acked: 0, last: 0 });
  }
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
  // One clerk alone first: the time a save takes when nobody else is writing, once the server is
  // warm. The first saves are not timed: the very first writes every row (the benchmark's note on
  // each), and the server compiles the save's code on its first calls.
  const solo: number[] = [];
  for (let i = 1; i <= opts.soloWarmup; i++) await saveOnce(writers[0]!, 9_000 + i);
  for (let i = 1; i <= opts.soloSaves; i++) solo.push(await saveOnce(writers[0]!, 10_000 + i)); // within the 亿元 bound (100,000)
  solo.sort((a, b) => a - b);
  const soloAcked = writers[0]!.acked;
  const floor: number[] = [];
  const refused = setField(writers[0]!.body, "intent", "bench-floor");
  for (let i = 0; i < opts.soloSaves; i++) {
    const started = performance.now();
    const res = await fetch(writers[0]!.cap.url, { method: "POST", headers: { ...writers[0]!.cap.headers, cookie: writers[0]!.cookie }, body: refused });
    const text = await res.text();
    floor.push(performance.now() - started);
    if (!res.ok || !text.includes("请求无效")) throw new Error(`the floor's request was not refused as expected: HTTP ${res.status} ${text.slice(0, 200)}`);
  }
  floor.sort((a, b) => a - b);
  const latencies: number[] = [];
  const t = Date.now();
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
  const replyBytes = saveBytes / (latencies.length + solo.length + opts.soloWarmup);
  const measure: Measure = { name: "月报保存（13 个区县同时）", rps: acked / duration, p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99), errors: errors + conflicts, requests: latencies.length, bytes: replyBytes };
  return { measure, solo, soloWarmup: opts.soloWarmup, acked, errors, conflicts, lost, replyBytes, floor };
}
