import { openDatabase, type OpenDatabase } from "./client";

/**
 * The process's single database handle, opened once (kept on globalThis so dev-mode reloads and
 * separately bundled server code — instrumentation, the app — share one pool and one write
 * queue: two clients on one file in one process fought over locks and broke sign-ins).
 * Server code imports it through db/index.ts, which adds the "server-only" fence.
 */
const globalForDb = globalThis as unknown as { __tuijinDb?: Promise<OpenDatabase> };

export function getDatabase(): Promise<OpenDatabase> {
  globalForDb.__tuijinDb ??= openDatabase().catch((e) => {
    globalForDb.__tuijinDb = undefined;
    throw e;
  });
  return globalForDb.__tuijinDb;
}
