import { requirePermission } from "@/app/_lib/guards";
import { monthLabel } from "@/domain/months";
import { getCurrentCampaign } from "@/db/queries/campaigns";
import { oneLine } from "@/db/client";
import { notFound } from "next/navigation";
import { resolveCityScope, scopeQuery } from "../../export/scope";
import { PdfError, renderPdf, sessionCookies } from "../pdf-render";

/** GET /city/bulletin/pdf?month=&include=unapproved — the bulletin printed to A4 PDF by the server's Chromium. */
export async function GET(request: Request): Promise<Response> {
  await requirePermission("export.download", {}, { next: "/city/bulletin" });
  const campaign = await getCurrentCampaign();
  if (!campaign) notFound();
  const url = new URL(request.url);
  const scope = await resolveCityScope(campaign.id, { month: url.searchParams.get("month") ?? undefined, include: url.searchParams.get("include") ?? undefined });
  if (!scope) notFound();
  const page = `/city/bulletin?${scopeQuery(scope)}${url.searchParams.get("photos") === "1" ? "&photos=1" : ""}`;
  try {
    const pdf = await renderPdf(page, sessionCookies(request.headers.get("cookie")), request.headers.get("x-forwarded-proto"));
    const filename = `${campaign.cityName}专项行动简报${monthLabel(scope.month)}${scope.include ? "（含未审核）" : ""}.pdf`;
    return new Response(new Uint8Array(pdf), {
      headers: {
        "content-type": "application/pdf",
        "content-disposition": `attachment; filename="bulletin.pdf"; filename*=UTF-8''${encodeURIComponent(filename)}`,
        "cache-control": "private, no-store",
      },
    });
  } catch (e) {
    const kind = e instanceof PdfError ? e.kind : "failed";
    console.error(`[bulletin-pdf] ${oneLine(e)}`);
    return explain(kind, page);
  }
}

const REASONS = {
  unavailable: "服务器上没有安装 Chromium 浏览器，无法直接生成 PDF。",
  busy: "服务器正在生成其他简报 PDF，请稍后再试。",
  failed: "生成 PDF 时出错（已记录在服务器日志中）。",
} as const;

/** A plain page in Chinese instead of a stack trace, pointing to the browser's own print-to-PDF. */
function explain(kind: keyof typeof REASONS, page: string): Response {
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>无法生成 PDF</title>
<style>body{font-family:"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.7;color:#0f172a}a{color:#a11d23}</style></head>
<body><h1>无法生成 PDF</h1><p>${REASONS[kind]}</p>
<p>可以改用浏览器打印：打开<a href="${page.replace(/&/g, "&amp;")}">简报页面</a>，按 Ctrl+P（Mac 为 ⌘+P），“目标打印机”选择“另存为 PDF”，纸张 A4。简报页面已按 A4 排版。</p></body></html>`;
  return new Response(html, { status: kind === "busy" ? 503 : kind === "unavailable" ? 501 : 500, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", ...(kind === "busy" ? { "retry-after": "30" } : {}) } });
}
