import { requirePublicRead } from "@/app/_lib/guards";
import { listPublicAttachments } from "@/db/queries/attachments";
import { jsonResponse } from "../_lib/respond";

/**
 * GET /api/v1/attachments.json — project photos the campaign office marked public, with the
 * SHA-256 of the served file, so anyone can check a copy they hold is the one published.
 * Read-only public data (guard: public read).
 */
export async function GET(request: Request): Promise<Response> {
  requirePublicRead();
  const rows = await listPublicAttachments();
  return jsonResponse(request, {
    dataset: "attachments",
    description: "专项办标记为公开的项目形象进度照片（已去除拍摄位置等全部元数据）",
    attachments: rows.map((r) => ({
      id: r.id,
      year: r.year,
      projectCode: r.projectCode,
      month: r.month,
      caption: r.caption,
      mediaType: r.mime,
      bytes: r.byteSize,
      width: r.width,
      height: r.height,
      sha256: r.sha256,
      url: `/api/v1/photos/${r.id}`,
      thumbnailUrl: `/api/v1/photos/${r.id}?size=thumb`,
    })),
  });
}
