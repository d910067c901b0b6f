import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openDatabase, type OpenDatabase } from "@/db/client";
import { runMigrations } from "@/db/migrate";

/** A fresh migrated database file in a temp folder; `cleanup` closes and deletes it. */
export async function freshDatabase(): Promise<{ open: OpenDatabase; file: string; cleanup: () => void }> {
  const dir = mkdtempSync(path.join(tmpdir(), "tuijin-test-"));
  const file = path.join(dir, "test.db");
  const open = await openDatabase(`file:${file}`);
  await runMigrations(open);
  return {
    open,
    file,
    cleanup: () => {
      open.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Every table's rows (minus volatile columns), as one comparable string. */
export async function snapshot(open: OpenDatabase, volatile = ["created_at", "updated_at", "at", "password_hash"]): Promise<string> {
  const tables = await open.client.execute("select name from sqlite_master where type='table' and name not like 'sqlite_%' and name <> '__drizzle_migrations' order by name");
  const parts: string[] = [];
  for (const t of tables.rows) {
    const name = String(t.name);
    const rows = await open.client.execute(`select * from "${name}" order by rowid`);
    const cols = rows.columns.filter((c) => !volatile.includes(c));
    parts.push(name + ":" + JSON.stringify(rows.rows.map((r) => cols.map((c) => r[c]))));
  }
  return parts.join("\n");
}
