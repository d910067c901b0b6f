/** Reading never writes: a clerk's home page read many times leaves data_version and the audit log as they were. */
import { createClient } from "@libsql/client";

export interface ReadCheck {
  reads: number;
  failed: number;
  dataVersion: [string, string];
  audited: [number, number];
}

export async function readsWriteNothing(base: string, dbFile: string, cookie: string, reads = 100): Promise<ReadCheck> {
  const db = createClient({ url: `file:${dbFile}` });
  try {
    const state = async () => {
      const r = (await db.execute("select coalesce((select value from app_meta where key = 'data_version'), '0') as v, (select count(*) from audit_events) as n")).rows[0]!;
      return { v: String(r.v), n: Number(r.n) };
    };
    const before = await state();
    let failed = 0;
    for (let i = 0; i < reads; i++) {
      const res = await fetch(`${base}/district`, { headers: { cookie }, redirect: "manual" });
      await res.arrayBuffer();
      if (res.status !== 200) failed += 1;
    }
    const after = await state();
    return { reads, failed, dataVersion: [before.v, after.v], audited: [before.n, after.n] };
  } finally {
    db.close();
  }
}

export interface FreshDashboard {
  times: number;
  /** One request at a time, each right after a data write: the body rendered afresh (ms, sorted). */
  fresh: number[];
  /** The same request again, with nothing written in between: the kept body (ms, sorted). */
  kept: number[];
  /** Answers that did not say what they were meant to be ("rendered", then "kept"). */
  unexpected: number;
}

/**
 * What the 10-connection rows cannot show: the leader pages are served from kept bodies between
 * data writes (app/_lib/kept-bodies.mjs), so the first dashboard after each write renders its body
 * afresh. Each round writes what every data write does (a data_version bump, from another
 * connection as another instance would), then fetches /city twice, one request at a time.
 */
export async function freshDashboard(base: string, dbFile: string, cookie: string, times = 30): Promise<FreshDashboard> {
  const db = createClient({ url: `file:${dbFile}` });
  const fresh: number[] = [];
  const kept: number[] = [];
  let unexpected = 0;
  const timed = async (want: string, into: number[]) => {
    const t0 = performance.now();
    const res = await fetch(`${base}/city`, { headers: { cookie, "accept-encoding": "gzip, br" }, redirect: "manual" });
    await res.arrayBuffer();
    into.push(performance.now() - t0);
    if (res.status !== 200 || res.headers.get("x-tuijin-body") !== want) unexpected += 1;
  };
  try {
    for (let i = 0; i < times; i++) {
      await db.execute("insert into app_meta (key, value) values ('data_version', '1') on conflict (key) do update set value = cast(value as integer) + 1");
      await timed("rendered", fresh);
      await timed("kept", kept);
    }
  } finally {
    db.close();
  }
  return { times, fresh: fresh.sort((a, b) => a - b), kept: kept.sort((a, b) => a - b), unexpected };
}
