import { defineConfig, devices } from "@playwright/test";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * Browser tests run against the production build (scripts/test.sh builds it first) on a fresh,
 * migrated, seeded database file in the system temp folder. Debian's chromium, never a download.
 */
const port = Number(process.env.E2E_PORT ?? 3100);
// Set on process.env so the test workers (which inherit it) can open the same file.
process.env.E2E_DB_FILE ??= path.join(tmpdir(), `tuijin-e2e-${process.pid}-${Date.now()}.db`);
const dbFile = process.env.E2E_DB_FILE;
// Fixed 127.0.0.1 ports for the notification spec's SMTP sink and webhook receiver (the server is told the SMTP one).
process.env.E2E_SMTP_PORT ??= String(port + 1100);
process.env.E2E_HOOK_PORT ??= String(port + 1101);
// Saved sign-ins belong to this run's database: keep them in a folder of this run's own.
process.env.E2E_AUTH_DIR ??= path.join(tmpdir(), `tuijin-e2e-auth-${process.pid}-${Date.now()}`);

export default defineConfig({
  testDir: "./e2e",
  globalTeardown: "./e2e/global-teardown.ts",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 30_000,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    trace: "off",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    },
  },
  projects: [
    { name: "setup", testMatch: /.*\.setup\.ts/ },
    { name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined }, dependencies: ["setup"] },
  ],
  webServer: {
    command: `node node_modules/tsx/dist/cli.mjs scripts/start.ts`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 240_000,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      DATABASE_URL: `file:${dbFile}`,
      PORT: String(port),
      HOST: "127.0.0.1",
      AUTH_SECRET: "e2e-only-secret-not-for-production-000000",
      NEXT_TELEMETRY_DISABLED: "1",
      // Notifications: the spec's mail sink, loopback robots allowed, the worker run by the spec (POST /api/test/notifications).
      TUIJIN_SMTP_HOST: "127.0.0.1",
      TUIJIN_SMTP_PORT: process.env.E2E_SMTP_PORT,
      TUIJIN_SMTP_FROM: "tuijin@test.invalid",
      TUIJIN_NOTIFY_TIMEOUT_MS: "3000",
      TUIJIN_WEBHOOK_ALLOW_LOOPBACK: "1",
      TUIJIN_NOTIFY_WORKER: "0",
      TUIJIN_TEST_HOOKS: "1",
    },
  },
});
