import { rmSync } from "node:fs";

/** Removes the temporary e2e database (its WAL files, and the pid file `npm start` keeps beside it) and the run's saved sign-ins. */
export default function globalTeardown(): void {
  const file = process.env.E2E_DB_FILE;
  if (file) for (const suffix of ["", "-wal", "-shm", ".pid"]) rmSync(file + suffix, { force: true });
  const auth = process.env.E2E_AUTH_DIR;
  if (auth) rmSync(auth, { recursive: true, force: true });
}
