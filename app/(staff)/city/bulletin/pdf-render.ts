import "server-only";
import { existsSync } from "node:fs";

/*
 * The bulletin as a PDF, printed by the machine's Chromium (playwright-core drives it; nothing is
 * downloaded). The server opens its own bulletin page on a fixed loopback origin, never on the
 * Host the request named (that would let a forged Host header receive the caller's session), and
 * sends the caller's session cookie along, so the page runs the same guard as in the browser.
 * Every request of the headless page outside that origin is refused; JavaScript is off (the page
 * is server-rendered). The browser is closed in `finally`.
 */

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage", "--no-first-run"];
const LAUNCH_TIMEOUT_MS = 20_000;
const PAGE_TIMEOUT_MS = 30_000;
const TOTAL_TIMEOUT_MS = 60_000;
/** Chromium is heavy: at most this many PDFs are printed at once; more callers are told to retry. */
const MAX_CONCURRENT = 2;
let running = 0;

export function chromiumAvailable(): boolean {
  return existsSync(/*turbopackIgnore: true*/ CHROMIUM_PATH);
}

/** Where this server can reach itself: TUIJIN_INTERNAL_ORIGIN, else loopback on PORT. */
export function internalOrigin(): string {
  const configured = process.env.TUIJIN_INTERNAL_ORIGIN?.trim();
  if (configured) return new URL(configured).origin;
  const port = process.env.PORT || "3000";
  const host = process.env.HOST?.trim();
  const h = !host || host === "0.0.0.0" || host === "::" || host === "localhost" ? "127.0.0.1" : host.includes(":") ? `[${host}]` : host;
  return `http://${h}:${port}`;
}

export class PdfError extends Error {
  constructor(
    message: string,
    readonly kind: "unavailable" | "busy" | "failed",
  ) {
    super(message);
    this.name = "PdfError";
  }
}

/** Only the session cookies travel (Auth.js: authjs.session-token, its chunks and the __Secure- form). */
export function sessionCookies(header: string | null): string {
  if (!header) return "";
  return header
    .split(";")
    .map((c) => c.trim())
    .filter((c) => /^(__Secure-)?authjs\.session-token(\.\d+)?=/.test(c))
    .join("; ");
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new PdfError(`${what}超时`, "failed")), ms);
    }),
  ]);
}

/**
 * Prints `pathAndQuery` (a path on this server, e.g. "/city/bulletin?month=2023-10") to an A4
 * PDF as the caller sees it. `cookie` = the caller's session cookies; `forwardedProto` keeps
 * Auth.js reading the same (secure or not) cookie name as for the caller's own request.
 */
export async function renderPdf(pathAndQuery: string, cookie: string, forwardedProto: string | null): Promise<Buffer> {
  if (!pathAndQuery.startsWith("/") || pathAndQuery.startsWith("//")) throw new PdfError("invalid path", "failed");
  if (!chromiumAvailable()) throw new PdfError("本机未安装 Chromium", "unavailable");
  if (running >= MAX_CONCURRENT) throw new PdfError("正在生成其他 PDF", "busy");
  running++;
  let browser: import("playwright-core").Browser | null = null;
  let finished = false;
  try {
    let chromium: typeof import("playwright-core").chromium;
    try {
      ({ chromium } = await import("playwright-core"));
    } catch {
      throw new PdfError("服务器缺少 playwright-core", "unavailable");
    }
    const origin = internalOrigin();
    const target = new URL(pathAndQuery, origin);
    const work = async (): Promise<Buffer> => {
      const launched = await chromium.launch({ executablePath: CHROMIUM_PATH, args: LAUNCH_ARGS, timeout: LAUNCH_TIMEOUT_MS });
      // Timed out while launching: `finally` has already run, so close it here.
      if (finished) {
        await launched.close().catch(() => undefined);
        throw new PdfError("生成 PDF 超时", "failed");
      }
      browser = launched;
      // The session travels as a header (Chromium will not take a Secure cookie for an http
      // origin); every request outside our own origin is refused, so it goes nowhere else.
      const extraHTTPHeaders: Record<string, string> = { cookie };
      if (forwardedProto) extraHTTPHeaders["x-forwarded-proto"] = forwardedProto;
      const context = await browser.newContext({ javaScriptEnabled: false, locale: "zh-CN", timezoneId: "Asia/Shanghai", extraHTTPHeaders });
      await context.route("**/*", (route) => (new URL(route.request().url()).origin === origin ? route.continue() : route.abort()));
      const page = await context.newPage();
      page.setDefaultTimeout(PAGE_TIMEOUT_MS);
      const res = await page.goto(target.href, { waitUntil: "load", timeout: PAGE_TIMEOUT_MS });
      if (!res || res.status() !== 200 || new URL(page.url()).pathname !== target.pathname) {
        throw new PdfError(`简报页面返回 ${res?.status() ?? "无响应"}（${new URL(page.url()).pathname}）`, "failed");
      }
      await page.emulateMedia({ media: "print" });
      return page.pdf({
        format: "A4",
        preferCSSPageSize: true,
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: "<span></span>",
        footerTemplate: '<div style="width:100%;font-size:8px;color:#555;text-align:center;font-family:\'Noto Sans CJK SC\',sans-serif">第 <span class="pageNumber"></span> 页 / 共 <span class="totalPages"></span> 页</div>',
      });
    };
    return await withTimeout(work(), TOTAL_TIMEOUT_MS, "生成 PDF ");
  } finally {
    finished = true;
    const b = browser as import("playwright-core").Browser | null;
    if (b) await b.close().catch(() => undefined);
    running--;
  }
}
