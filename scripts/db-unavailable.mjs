// @ts-check
/**
 * What the front server (scripts/server.mjs) answers while the database does not (issue #18):
 * staff pages, sign-in, server actions and uploads get this page with status 503 and
 * Retry-After, instead of an error from inside a render. Public pages and the open data are not
 * stopped here: nginx and Next.js answer them from their caches. Plain HTML, no script, works
 * at 390 px.
 */

import { plainPage } from "./error-page.mjs";

const NEEDS_DATABASE = ["/account", "/city", "/district", "/login", "/api"];

/**
 * Whether a request cannot be answered without the database: anything that may write (not
 * GET/HEAD), and staff, sign-in and API pages (the open data under /api/v1 is cached).
 * @param {string | undefined} method
 * @param {string | undefined} url
 */
export function needsDatabase(method, url) {
  const m = String(method ?? "GET").toUpperCase();
  if (m !== "GET" && m !== "HEAD") return true;
  const pathname = String(url ?? "/").split(/[?#]/)[0] ?? "/";
  if (pathname === "/api/v1" || pathname.startsWith("/api/v1/")) return false;
  return NEEDS_DATABASE.some((p) => pathname === p || pathname.startsWith(p + "/"));
}

export const RETRY_AFTER_SECONDS = 10;

export const UNAVAILABLE_HTML = plainPage(
  "数据库暂时不可用",
  `<main>
<h1>数据库暂时不可用</h1>
<p>系统暂时连不上数据库，工作人员页面和提交暂停使用。已经显示“已保存”“已提交”的内容都保存在数据库里，不会丢失。</p>
<p>请稍等片刻后刷新本页。刚才的提交如果没有看到成功提示，请在恢复后重新提交。</p>
<p>公开页面仍可浏览：<a href="/">返回首页</a></p>
</main>`,
);

/** @param {import("node:http").ServerResponse} res @param {boolean} head */
export function sendUnavailable(res, head) {
  res.writeHead(503, {
    "content-type": "text/html; charset=utf-8",
    "cache-control": "no-store",
    "retry-after": String(RETRY_AFTER_SECONDS),
    "x-content-type-options": "nosniff",
    "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
  });
  res.end(head ? undefined : UNAVAILABLE_HTML);
}
