import { rmSync } from "node:fs";

/** Removes the temporary e2e database (and its WAL files) after the run. */
export default function globalTeardown(): void {
  const file = process.env.E2E_DB_FILE;
  if (!file) return;
  for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
}
