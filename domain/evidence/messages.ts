/**
 * What an upload's outcome says, by code. The upload posts a plain form to a route handler, which
 * redirects back to the page with the code (and at most a number), so the page shows the message
 * next to the field without JavaScript and nothing the client wrote is echoed into the page.
 */
import { megabytes, type EvidenceSettings } from "./settings";

export const REFUSALS = [
  "no-file",
  "empty",
  "too-big",
  "record-full",
  "pixels",
  "broken-image",
  "heic",
  "zip-entries",
  "zip-size",
  "office-broken",
  "macro",
  "not-office",
  "old-office",
  "fake-image",
  "unknown-type",
  "duplicate",
  "caption",
  "month",
  "month-closed",
  "stale",
  "order-closed",
  "delete-closed",
  "conflict",
] as const;
export type Refusal = (typeof REFUSALS)[number];

const ACCEPTED = "只接受 JPEG、PNG、WebP 照片和 PDF、Word、Excel、PowerPoint（.docx/.xlsx/.pptx）文档";

/** The Chinese message for a refused upload; `n` is the one number some messages carry (pixels, used bytes). */
export function refusalText(code: Refusal, s: EvidenceSettings, n?: number): string {
  switch (code) {
    case "no-file":
      return "请选择要上传的文件";
    case "empty":
      return "文件是空的，未保存";
    case "too-big":
      return `文件超过 ${megabytes(s.maxFileBytes)}，未保存`;
    case "record-full":
      return `本月附件合计将超过 ${megabytes(s.maxRecordBytes)}${n !== undefined ? `（已用 ${megabytes(n)}）` : ""}，未保存；请压缩照片或删减后再上传`;
    case "pixels":
      return `图片像素过大${n !== undefined ? `（${Math.round(n / 10_000).toLocaleString("zh-CN")} 万像素）` : ""}，上限 ${(s.maxPixels / 10_000).toLocaleString("zh-CN")} 万像素，未保存；请缩小后再上传`;
    case "broken-image":
      return "图片已损坏，无法读取，未保存";
    case "heic":
      return "本系统的图像库不能解码 HEIC（HEVC）照片，未保存：请在手机“设置—相机—格式”中选“兼容性最佳”，或把照片转为 JPEG 后再上传";
    case "zip-entries":
      return "文档内部部件过多，疑似压缩炸弹，未保存";
    case "zip-size":
      return "文档解压后过大，疑似压缩炸弹，未保存";
    case "office-broken":
      return "文件已损坏或不是有效的 Office 文档，未保存";
    case "macro":
      return "不接受含宏的 Office 文档（.docm、.xlsm 等），请另存为不含宏的格式后上传";
    case "not-office":
      return "压缩包不是 Word、Excel 或 PowerPoint 文档，未保存";
    case "old-office":
      return "不接受旧版 Office 格式（.doc/.xls/.ppt），请另存为 .docx、.xlsx 或 .pptx 后上传";
    case "fake-image":
      return `文件名是图片，但内容不是图片，未保存。${ACCEPTED}`;
    case "unknown-type":
      return `无法识别的文件类型，未保存。${ACCEPTED}`;
    case "duplicate":
      return "这个文件已经上传过，未重复保存";
    case "caption":
      return "说明不能超过 200 个字";
    case "month":
      return "请选择可以填报的月份";
    case "month-closed":
      return "该月已报送或已审核，不能再上传附件；如需补充请联系专项办退回";
    case "stale":
      return "表单已失效，请刷新页面后重试";
    case "order-closed":
      return "督办单已进入下一环节（已反馈、已退回或已销号），这部分附件不能再上传或删除；请刷新页面查看";
    case "delete-closed":
      return "所在月份已审核通过或已锁定（或记录已进入下一环节），附件不能再删除；如需更正请联系专项办";
    case "conflict":
      return "附件已被他人修改或删除，未执行；请刷新页面后重试";
  }
}

/**
 * The outcome a record's page shows after an upload or deletion (from the redirect's `ev` and
 * `evn`): a confirmation, or the refusal's message. Unknown codes show nothing.
 */
export function evidenceOutcome(q: { ev?: string; evn?: string }, s: EvidenceSettings): { status: string | null; error: string | null } {
  if (q.ev === "ok") return { status: "已上传。", error: null };
  if (q.ev === "deleted") return { status: "已删除附件。", error: null };
  const n = q.evn && /^\d{1,12}$/.test(q.evn) ? Number(q.evn) : undefined;
  const error = q.ev && (REFUSALS as readonly string[]).includes(q.ev) ? refusalText(q.ev as Refusal, s, n) : null;
  return { status: null, error };
}
