/**
 * Child process used by backup.test.ts (not a test itself).
 *
 *   node --import tsx tests/db/backup-writer.ts <databaseUrl> <workerId>
 *
 * Writes one audit_events row per transaction through open.write() until stdin closes, and
 * prints "ack <entityId>" the moment each write is acknowledged.
 */
import { openDatabase } from "../../db/client";
import { auditEvents } from "../../db/schema";

const [url, workerId] = process.argv.slice(2);
if (!url || !workerId) {
  console.error("usage: backup-writer.ts <databaseUrl> <workerId>");
  process.exit(2);
}
const open = await openDatabase(url);
let stopping = false;
process.stdin.on("data", () => undefined);
process.stdin.on("end", () => {
  stopping = true;
});
console.log("ready");
for (let n = 0; !stopping; n++) {
  const entityId = `w${workerId}-${n}`;
  await open.write((tx) => tx.insert(auditEvents).values({ actorName: "backup-test", action: "backup_test", entity: "test", entityId }).then(() => undefined), { data: false });
  process.stdout.write(`ack ${entityId}\n`);
}
open.close();
