import { request as playwrightRequest, type APIRequestContext, type APIResponse, type Page, type Request } from "@playwright/test";
import { e2eDatabase } from "./db";
import { formsHydrated } from "./test";

/** A server-action POST exactly as a real form submission sent it. */
export interface CapturedAction {
  url: string;
  actionId: string;
  headers: Record<string, string>;
  body: Buffer;
}

/**
 * Runs `submit` on a page signed in as someone allowed to act, intercepts the server-action
 * POST it makes and aborts it (so nothing changes), and returns it for replaying as others.
 */
export async function captureAction(page: Page, submit: () => Promise<void>): Promise<CapturedAction> {
  let captured: CapturedAction | null = null;
  await page.route("**/*", async (route) => {
    const req = route.request();
    const actionId = req.headers()["next-action"];
    if (req.method() === "POST" && actionId && !captured) {
      const h = req.headers();
      captured = {
        url: req.url(),
        actionId,
        headers: Object.fromEntries(
          ["next-action", "content-type", "accept", "next-router-state-tree"].filter((k) => h[k]).map((k) => [k, h[k]!]),
        ),
        body: req.postDataBuffer() ?? Buffer.alloc(0),
      };
      await route.abort();
      return;
    }
    await route.continue();
  });
  // Before hydration a click posts the form as plain HTML, without the action header.
  await formsHydrated(page);
  await submit();
  for (let i = 0; i < 50 && !captured; i++) await page.waitForTimeout(100);
  await page.unroute("**/*");
  if (!captured) throw new Error("the form did not post a server action");
  return captured;
}

/** Sends a captured action again with another caller's cookies (or none). */
export async function replay(ctx: APIRequestContext, a: CapturedAction, origin?: string): Promise<APIResponse> {
  const u = new URL(a.url);
  return ctx.post(a.url, {
    headers: { ...a.headers, origin: origin ?? u.origin },
    data: a.body,
    maxRedirects: 0,
    failOnStatusCode: false,
  });
}

export async function requestAs(baseURL: string, storageState?: string): Promise<APIRequestContext> {
  return playwrightRequest.newContext({ baseURL, storageState });
}

/**
 * Everything a mutation could change, minus what every request legitimately writes
 * (audit rows, sign-in attempts, session last-seen times).
 */
export async function snapshotState(): Promise<string> {
  const db = e2eDatabase();
  try {
    const tables = await db.execute(
      "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not in ('__drizzle_migrations', 'audit_events', 'login_attempts') order by name",
    );
    const parts: string[] = [];
    for (const t of tables.rows) {
      const name = String(t.name);
      // data_version counts writes of any kind (background escalation included): not a change to compare.
      const rows = await db.execute(`select * from "${name}" ${name === "app_meta" ? "where key <> 'data_version'" : ""} order by rowid`);
      const cols = rows.columns.filter((c) => !(name === "user_sessions" && c === "last_seen_at"));
      parts.push(name + ":" + JSON.stringify(rows.rows.map((r) => cols.map((c) => r[c]))));
    }
    return parts.join("\n");
  } finally {
    db.close();
  }
}

export async function deniedCount(username: string): Promise<number> {
  const db = e2eDatabase();
  try {
    const r = await db.execute({ sql: "select count(*) as n from audit_events where outcome = 'denied' and actor_name = ?", args: [username] });
    return Number(r.rows[0]!.n);
  } finally {
    db.close();
  }
}

/**
 * Lets the page's matching requests through and keeps each reply's body as text, read in the test
 * rather than from the browser's network log: Chromium's log sometimes has no body for a
 * server-action reply (a streamed answer; "No data found for resource", seen twice on CI).
 * The page gets the same status, headers and body.
 */
export async function keepReplyBodies(page: Page, match: (request: Request) => boolean): Promise<string[]> {
  const bodies: string[] = [];
  await page.route("**/*", async (route) => {
    if (!match(route.request())) return route.fallback();
    const response = await route.fetch();
    const body = await response.text();
    bodies.push(body);
    // The body handed back is decoded: the browser must not try to decompress it again.
    const headers = Object.fromEntries(Object.entries(response.headers()).filter(([k]) => k !== "content-encoding" && k !== "content-length"));
    await route.fulfill({ status: response.status(), headers, body });
  });
  return bodies;
}
