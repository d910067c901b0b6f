// @ts-check
/**
 * What a public visitor gets when a page fails on the server (status 500). Next.js answers such
 * a failure with a bare error document (`<html id="__next_error__">`, empty body) and leaves the
 * error page (app/error.tsx) to its client runtime, which public pages go out without: the
 * visitor saw a blank page. The front server sends this page in its place (scripts/precompress.mjs,
 * `serverError`), status kept. Plain HTML in both languages, no script: "try again" is a link to
 * the same address. Never says what failed (that can carry SQL or file paths).
 */
/** The look of the front server's own plain pages (this one, and the database-unavailable page). */
const PLAIN_PAGE_STYLE = `<style>
body{margin:0;font-family:"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;color:#1f2937;background:#f8fafc;line-height:1.7}
main{max-width:36rem;margin:3rem auto;padding:1.5rem;background:#fff;border:1px solid #e5e7eb;border-radius:.5rem}
h1{font-size:1.375rem;margin:0 0 .75rem}
p{margin:.5rem 0}
a{color:#1d4ed8}
@media (max-width:480px){main{margin:0;border:0;border-radius:0}}
</style>`;

/**
 * One of the front server's own plain pages: the shared head (Chinese, phone width, not indexed,
 * the plain style) around the given main content.
 * @param {string} title @param {string} main
 */
export function plainPage(title, main) {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${title} · 推进</title>
${PLAIN_PAGE_STYLE}
</head>
<body>
${main}
</body>
</html>
`;
}

export const SERVER_ERROR_HTML = plainPage(
  "出错了",
  `<main id="main">
<h1>出错了</h1>
<p>服务器处理这个页面时出错，请稍后再试。</p>
<p lang="en">Something went wrong on the server. Please try again in a moment.</p>
<p><a href="">重试</a> · <a href="" lang="en">Try again</a> · <a href="/">返回首页</a> · <a href="/en" lang="en">Home</a></p>
</main>`,
);

/** @param {string} s */
const escapeHtml = (s) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Where "back" leads from a refusal: the page the form was on (the Referer's path and query, on
 * this site whatever host the browser named), else the home page. Never a protocol-relative
 * address, which would lead to another site.
 * @param {string | undefined} referer
 */
export function backPath(referer) {
  try {
    const u = new URL(String(referer ?? ""));
    if ((u.protocol === "http:" || u.protocol === "https:") && u.pathname.startsWith("/") && !u.pathname.startsWith("//")) return u.pathname + u.search;
  } catch {
    // No Referer, or not an address.
  }
  return "/";
}

/**
 * The front's refusal of a form a browser posted without JavaScript (a file over the size limit,
 * a body that does not parse, a form from another site), as a page: the reason and a way back,
 * instead of a line of plain text. Status kept.
 * @param {string} message @param {string} back
 */
export function refusalPage(message, back) {
  return plainPage(
    "无法提交",
    `<main id="main">
<h1>无法提交</h1>
<p>${escapeHtml(message)}</p>
<p><a href="${escapeHtml(back)}">返回上一页</a> · <a href="/">返回首页</a></p>
</main>`,
  );
}
