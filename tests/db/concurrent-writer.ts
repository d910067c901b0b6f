/**
 * Child process used by concurrency.test.ts (not a test itself).
 *
 *   node --import tsx tests/db/concurrent-writer.ts <databaseUrl> <workerId> <writes> <batchSize>
 *
 * Opens the database with openDatabase(), prints "ready", waits for "go" on stdin, then makes
 * <writes> read-then-write transactions through open.write(), <batchSize> of them fired at once
 * (Promise.allSettled) so the in-process write queue is exercised while other processes compete
 * for the same file. Each write reads the counter row in app_meta, increments it, and inserts
 * one audit_events row with a unique entity_id recording the counter value it wrote.
 * Finally prints one JSON line: { worker, acked: [{ entityId, counter }], failed: [...], reconnects }.
 */
import { createInterface } from "node:readline";
import { eq } from "drizzle-orm";
import { openDatabase } from "../../db/client";
import { appMeta, auditEvents } from "../../db/schema";

const COUNTER_KEY = "concurrency_test_counter";
const AUDIT_ACTION = "concurrency_test";

const [url, workerId, writesArg, batchArg] = process.argv.slice(2);
if (!url || !workerId || !writesArg || !batchArg) {
  console.error("usage: concurrent-writer.ts <databaseUrl> <workerId> <writes> <batchSize>");
  process.exit(2);
}
const writes = Number(writesArg);
const batchSize = Number(batchArg);

const open = await openDatabase(url);
// Count BUSY recoveries (write() reconnects the client before each retry) for the report.
let reconnects = 0;
const reconnect = open.client.reconnect.bind(open.client);
open.client.reconnect = async () => {
  reconnects++;
  return reconnect();
};

console.log("ready");
await new Promise<void>((resolve) => {
  const rl = createInterface({ input: process.stdin });
  rl.on("line", (line) => {
    if (line.trim() === "go") {
      rl.close();
      resolve();
    }
  });
});

const acked: { entityId: string; counter: number }[] = [];
const failed: { entityId: string; error: string }[] = [];

async function oneWrite(n: number): Promise<void> {
  const entityId = `w${workerId}-${n}`;
  try {
    const counter = await open.write(async (tx) => {
      const row = await tx.select({ value: appMeta.value }).from(appMeta).where(eq(appMeta.key, COUNTER_KEY)).get();
      if (!row) throw new Error(`counter row ${COUNTER_KEY} is missing`);
      const next = Number(row.value) + 1;
      // Yield between the read and the write so an unprotected read-modify-write would interleave.
      await new Promise((r) => setImmediate(r));
      await tx.update(appMeta).set({ value: String(next) }).where(eq(appMeta.key, COUNTER_KEY));
      await tx.insert(auditEvents).values({
        action: AUDIT_ACTION,
        entity: "counter",
        entityId,
        actorName: `worker ${workerId}`,
        after: { counter: next },
      });
      return next;
    });
    acked.push({ entityId, counter });
  } catch (e) {
    failed.push({ entityId, error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
  }
}

for (let start = 0; start < writes; start += batchSize) {
  const batch: Promise<void>[] = [];
  for (let n = start; n < Math.min(start + batchSize, writes); n++) batch.push(oneWrite(n));
  await Promise.all(batch);
}

open.close();
console.log(JSON.stringify({ worker: workerId, acked, failed, reconnects }));
