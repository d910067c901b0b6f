import "server-only";
import { openDatabase, type OpenDatabase } from "./client";

/**
 * The server's single database handle, opened once per process (kept on globalThis so
 * dev-mode module reloads do not open a second pool or a second write queue).
 * Migrations are applied by the start script before the server accepts requests.
 */
const globalForDb = globalThis as unknown as { __tuijinDb?: Promise<OpenDatabase> };

export function getDatabase(): Promise<OpenDatabase> {
  globalForDb.__tuijinDb ??= openDatabase().catch((e) => {
    globalForDb.__tuijinDb = undefined;
    throw e;
  });
  return globalForDb.__tuijinDb;
}
