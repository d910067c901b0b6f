import { createClient, type Client } from "@libsql/client";

/** The e2e server's own database file, for tests that check what a page shows against the data. */
export function e2eDatabase(): Client {
  const file = process.env.E2E_DB_FILE;
  if (!file) throw new Error("E2E_DB_FILE is not set (playwright.config.ts sets it)");
  return createClient({ url: `file:${file}`, timeout: 5000 });
}
