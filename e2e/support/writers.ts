import { request as playwrightRequest, type APIRequestContext, type Browser } from "@playwright/test";
import { captureAction, type CapturedAction } from "./actions";
import { signInAt } from "./own-server";
import { DEMO_PASSWORD } from "./users";

/*
 * Acknowledged writes for crash and backup tests: a district clerk (jinjiang) opening problems
 * through the real server action, one after another, in several loops. A write counts as
 * acknowledged once the server answered with its redirect to the new problem.
 */

const MARK = "写入测试占位描述";

/** jinjiang signed in at `baseURL`, with the "open a problem" action captured from the real form. */
export async function clerkRequests(browser: Browser, baseURL: string): Promise<{ request: APIRequestContext; action: CapturedAction; storageState: Awaited<ReturnType<APIRequestContext["storageState"]>> }> {
  const browserCtx = await browser.newContext();
  const page = await browserCtx.newPage();
  await signInAt(page, baseURL, "jinjiang", DEMO_PASSWORD);
  await page.goto(`${baseURL}/district/problems/new`);
  await page.getByLabel("项目", { exact: true }).selectOption({ index: 1 });
  await page.getByLabel("难题类型").selectOption({ label: "用地报批" });
  await page.getByLabel("问题描述").fill(MARK);
  await page.getByLabel("责任单位").fill("市自然资源和规划局");
  await page.getByLabel("登记日期").fill("2023-10-08");
  await page.getByLabel("办结时限").fill("2023-11-30");
  const action = await captureAction(page, () => page.getByRole("button", { name: "登记难题" }).click());
  const storageState = await browserCtx.storageState();
  await browserCtx.close();
  return { request: await playwrightRequest.newContext({ storageState }), action, storageState };
}

export interface Writers {
  /** Descriptions of the problems the server acknowledged, in order. */
  acked: string[];
  /** Requests that got no answer (the server was down). */
  readonly failures: number;
  serverErrors: string[];
  stop: () => Promise<void>;
}

/** `loops` writers opening problems described "<prefix> w<loop>-<n>" until stopped. */
export function startWriters(ctx: APIRequestContext, action: CapturedAction, prefix: string, loops: number): Writers {
  const acked: string[] = [];
  const serverErrors: string[] = [];
  let failures = 0;
  let running = true;
  const loop = async (w: number) => {
    for (let n = 0; running; n++) {
      const description = `${prefix} w${w}-${n}`;
      const body = Buffer.from(action.body.toString("utf8").replace(MARK, description), "utf8");
      const res = await ctx
        .post(action.url, { headers: { ...action.headers, origin: new URL(action.url).origin }, data: body, maxRedirects: 0, failOnStatusCode: false, timeout: 15_000 })
        .catch(() => null);
      if (!res) {
        failures++;
        // The server is down (being restarted): try again shortly.
        await new Promise((r) => setTimeout(r, 100));
        continue;
      }
      if (res.status() >= 500) serverErrors.push(`${res.status()} ${description}`);
      else if (res.headers()["x-action-redirect"]?.includes("created=1")) acked.push(description);
    }
  };
  const all = Array.from({ length: loops }, (_, w) => loop(w));
  return {
    acked,
    serverErrors,
    get failures() {
      return failures;
    },
    stop: async () => {
      running = false;
      await Promise.all(all);
    },
  };
}
