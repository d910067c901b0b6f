import path from "node:path";
import { migrate } from "drizzle-orm/libsql/migrator";
import type { OpenDatabase } from "./client";

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");

/**
 * Applies pending migrations. libSQL's migrate runs every pending statement in one
 * transaction, so a failed migration leaves the database as it was.
 */
export async function runMigrations(open: OpenDatabase, migrationsFolder = MIGRATIONS_FOLDER): Promise<void> {
  await migrate(open.db, { migrationsFolder });
}
