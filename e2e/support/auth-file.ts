import path from "node:path";

/**
 * Where a saved sign-in lives. One folder per test run (E2E_AUTH_DIR, set by
 * playwright.config.ts) so parallel runs on one machine never read each other's sessions.
 */
export function authFile(name: string): string {
  return path.join(process.env.E2E_AUTH_DIR ?? "e2e/.auth", `${name}.json`);
}
