import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { openDatabase, type OpenDatabase } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { seedDemo } from "@/db/seed";

/**
 * The demo database in a temp folder, as the app's own database (DATABASE_URL): the file's query
 * functions (getDatabase) read it. Registers its set-up and clean-up; call at the top of a file,
 * before the app's modules are imported. `ready` runs after seeding (import the modules there).
 */
export function demoAppDatabase(prefix: string, ready: (open: OpenDatabase) => Promise<void>): void {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  process.env.DATABASE_URL = `file:${path.join(dir, "demo.db")}`;
  let open: OpenDatabase | undefined;
  beforeAll(async () => {
    open = await openDatabase();
    await runMigrations(open);
    await seedDemo(open);
    await ready(open);
  });
  afterAll(() => {
    open?.close();
    rmSync(dir, { recursive: true, force: true });
  });
}
