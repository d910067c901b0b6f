import { rmSync } from "node:fs";

/** Removes the temporary e2e database (and its WAL files) and the run's saved sign-ins. */
export default function globalTeardown(): void {
  const file = process.env.E2E_DB_FILE;
  if (file) for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
  const auth = process.env.E2E_AUTH_DIR;
  if (auth) rmSync(auth, { recursive: true, force: true });
}
