import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { getTableName, is } from "drizzle-orm";
import { getTableConfig, SQLiteTable } from "drizzle-orm/sqlite-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { openDatabase, type OpenDatabase } from "../../db/client";
import { MIGRATIONS_FOLDER, runMigrations } from "../../db/migrate";
import * as schema from "../../db/schema";

interface Journal {
  version: string;
  dialect: string;
  entries: { idx: number; version: string; when: number; tag: string; breakpoints: boolean }[];
}

const schemaTables = (Object.values(schema) as unknown[]).filter((v): v is SQLiteTable => is(v, SQLiteTable));
const schemaTableNames = schemaTables.map((t) => getTableName(t)).sort();

let dir: string;
let dbCounter = 0;

async function freshDatabase(): Promise<OpenDatabase> {
  return openDatabase(`file:${path.join(dir, `db-${++dbCounter}.db`)}`);
}

async function appTables(open: OpenDatabase): Promise<string[]> {
  const rs = await open.client.execute(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '__drizzle_migrations' ORDER BY name",
  );
  return rs.rows.map((r) => String(r.name));
}

/** Every schema object (tables, indexes) with its SQL, in a stable order. */
async function schemaSnapshot(open: OpenDatabase): Promise<string[]> {
  const rs = await open.client.execute("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name");
  return rs.rows.map((r) => `${r.type}|${r.name}|${r.tbl_name}|${r.sql}`);
}

async function appliedMigrations(open: OpenDatabase): Promise<{ hash: string; createdAt: number }[]> {
  const rs = await open.client.execute("SELECT hash, created_at FROM __drizzle_migrations ORDER BY id");
  return rs.rows.map((r) => ({ hash: String(r.hash), createdAt: Number(r.created_at) }));
}

function readJournal(folder: string): Journal {
  return JSON.parse(readFileSync(path.join(folder, "meta", "_journal.json"), "utf8")) as Journal;
}

/** A copy of db/migrations with one more migration appended whose statements are `statements`. */
function migrationsWithExtra(name: string, statements: string[]): string {
  const folder = mkdtempSync(path.join(dir, `migrations-${name}-`));
  cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
  const journal = readJournal(folder);
  const idx = journal.entries.length;
  const tag = `${String(idx).padStart(4, "0")}_${name}`;
  journal.entries.push({
    idx,
    version: journal.entries[journal.entries.length - 1]!.version,
    when: Math.max(...journal.entries.map((e) => e.when)) + 60_000,
    tag,
    breakpoints: true,
  });
  writeFileSync(path.join(folder, "meta", "_journal.json"), JSON.stringify(journal, null, 2));
  writeFileSync(path.join(folder, `${tag}.sql`), statements.join("\n--> statement-breakpoint\n"));
  return folder;
}

const BROKEN_MIGRATION = [
  "CREATE TABLE `migration_probe` (`id` integer PRIMARY KEY NOT NULL, `note` text)",
  "THIS IS NOT VALID SQL AT ALL",
];

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "tuijin-migrations-"));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("db/migrations", () => {
  test("migrations on an empty database create exactly the tables named in db/schema.ts", async () => {
    const open = await freshDatabase();
    try {
      expect(await appTables(open)).toEqual([]);
      await runMigrations(open);
      expect(schemaTableNames.length).toBeGreaterThan(10);
      expect(await appTables(open)).toEqual(schemaTableNames);
      expect(await appliedMigrations(open)).toHaveLength(readJournal(MIGRATIONS_FOLDER).entries.length);
    } finally {
      open.close();
    }
  });

  test("every column and named index declared in db/schema.ts exists in the migrated database", async () => {
    const open = await freshDatabase();
    try {
      await runMigrations(open);
      const expectedColumns: string[] = [];
      const actualColumns: string[] = [];
      const expectedIndexes: string[] = [];
      const actualIndexes = new Set<string>();
      for (const table of schemaTables) {
        const config = getTableConfig(table);
        expectedColumns.push(...config.columns.map((c) => `${config.name}.${c.name} notNull=${c.notNull}`));
        const info = await open.client.execute(`PRAGMA table_info(\`${config.name}\`)`);
        actualColumns.push(...info.rows.map((r) => `${config.name}.${String(r.name)} notNull=${Number(r.notnull) === 1}`));
        expectedIndexes.push(...config.indexes.map((i) => i.config.name));
        const indexes = await open.client.execute({
          sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ?",
          args: [config.name],
        });
        for (const r of indexes.rows) actualIndexes.add(String(r.name));
      }
      expect(expectedColumns.length).toBeGreaterThan(100);
      expect(actualColumns.sort()).toEqual(expectedColumns.sort());
      expect(expectedIndexes.length).toBeGreaterThan(10);
      expect(expectedIndexes.filter((name) => !actualIndexes.has(name))).toEqual([]);
    } finally {
      open.close();
    }
  });

  test("running the migrations a second time changes nothing and keeps the data", async () => {
    const open = await freshDatabase();
    try {
      await runMigrations(open);
      await open.client.execute("INSERT INTO app_meta (key, value) VALUES ('probe', 'kept')");
      const schemaBefore = await schemaSnapshot(open);
      const appliedBefore = await appliedMigrations(open);

      await runMigrations(open);

      expect(await schemaSnapshot(open)).toEqual(schemaBefore);
      expect(await appliedMigrations(open)).toEqual(appliedBefore);
      const probe = await open.client.execute("SELECT value FROM app_meta WHERE key = 'probe'");
      expect(probe.rows.map((r) => r.value)).toEqual(["kept"]);
    } finally {
      open.close();
    }
  });

  test("a migration that fails on its second statement leaves an already-migrated database as it was", async () => {
    const open = await freshDatabase();
    try {
      await runMigrations(open);
      await open.client.execute("INSERT INTO app_meta (key, value) VALUES ('probe', 'kept')");
      const schemaBefore = await schemaSnapshot(open);
      const appliedBefore = await appliedMigrations(open);
      const folder = migrationsWithExtra("broken", BROKEN_MIGRATION);

      await expect(runMigrations(open, folder)).rejects.toThrow();

      const probeTable = await open.client.execute("SELECT name FROM sqlite_master WHERE name = 'migration_probe'");
      expect(probeTable.rows).toEqual([]);
      expect(await appliedMigrations(open)).toEqual(appliedBefore);
      expect(await schemaSnapshot(open)).toEqual(schemaBefore);
      const probe = await open.client.execute("SELECT value FROM app_meta WHERE key = 'probe'");
      expect(probe.rows.map((r) => r.value)).toEqual(["kept"]);

      // The database is still usable for writes, and a fixed migration then applies.
      await open.write((tx) => tx.run("INSERT INTO app_meta (key, value) VALUES ('after_failure', 'ok')"));
      const fixed = migrationsWithExtra("fixed", [BROKEN_MIGRATION[0]!]);
      await runMigrations(open, fixed);
      expect(await appTables(open)).toContain("migration_probe");
      expect(await appliedMigrations(open)).toHaveLength(appliedBefore.length + 1);
    } finally {
      open.close();
    }
  });

  test("a failing migration on an empty database rolls back every pending migration with it", async () => {
    const open = await freshDatabase();
    try {
      const folder = migrationsWithExtra("broken", BROKEN_MIGRATION);
      await expect(runMigrations(open, folder)).rejects.toThrow();
      expect(await appTables(open)).toEqual([]);
      expect(await appliedMigrations(open)).toEqual([]);

      await runMigrations(open);
      expect(await appTables(open)).toEqual(schemaTableNames);
    } finally {
      open.close();
    }
  });
});
