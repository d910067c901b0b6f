import { currentEvidenceSettings } from "@/app/_lib/evidence/settings";
import { listRecordAttachments } from "@/db/queries/attachment-records";
import { evidenceOutcome } from "@/domain/evidence/messages";
import { megabytes } from "@/domain/evidence/settings";
import { RecordEvidence } from "./record-evidence";

/**
 * The files of a supervision order, on the district's and the city's order page alike: those sent
 * with the answer and those the office added when closing it. The caller has checked order.read
 * and says which part this user may still add to (order.respond / order.close).
 */
export async function OrderEvidence({ orderId, canAnswer, canClose, query }: { orderId: number; canAnswer: boolean; canClose: boolean; query: { ev?: string; evs?: string; evn?: string } }) {
  const settings = currentEvidenceSettings();
  const rows = await listRecordAttachments(["order_answer", "order_close"], orderId);
  return (
    <RecordEvidence
      title="佐证材料"
      intro={`办理情况的照片（JPEG、PNG、WebP）或文件（PDF、Word、Excel、PowerPoint），单个不超过 ${megabytes(settings.maxFileBytes)}。照片的拍摄位置等信息会被去除。`}
      outcome={{ group: query.evs, ...evidenceOutcome(query, settings) }}
      groups={[
        { key: "order_answer", title: "反馈附件（责任单位）", items: rows.filter((r) => r.subject === "order_answer"), uploadAction: canAnswer ? `/district/orders/${orderId}/evidence` : null, canDelete: canAnswer, empty: "反馈时未附材料。" },
        { key: "order_close", title: "销号附件（专项办）", items: rows.filter((r) => r.subject === "order_close"), uploadAction: canClose ? `/city/orders/${orderId}/evidence` : null, canDelete: canClose, empty: "销号时未附材料。" },
      ]}
    />
  );
}
