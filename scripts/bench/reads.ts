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
