import { defineConfig, devices } from "@playwright/test";

/**
 * The cluster test (issue #18), apart from the main suite so it does not slow it: the spec
 * starts its own sqld primary, two app instances from the production build and nginx on
 * 127.0.0.1 ports E2E_CLUSTER_PORT … +3 (default 3260), and stops them at the end.
 * `npm test` runs it after the main browser tests (scripts/test.sh).
 */
const port = Number(process.env.E2E_CLUSTER_PORT ?? 3260);

export default defineConfig({
  testDir: "./e2e-cluster",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  reporter: [["list"]],
  use: {
    ...devices["Desktop Chrome"],
    channel: undefined,
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
});
