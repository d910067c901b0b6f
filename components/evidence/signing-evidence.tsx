import { currentEvidenceSettings } from "@/app/_lib/evidence/settings";
import { listRecordAttachments } from "@/db/queries/attachment-records";
import { evidenceOutcome } from "@/domain/evidence/messages";
import { megabytes } from "@/domain/evidence/settings";
import { RecordEvidence } from "./record-evidence";

/** The signed agreement's cover page (and any other file) on a signing. The caller has checked report.read on its district. */
export async function SigningEvidence({ signingId, canAttach, query }: { signingId: number; canAttach: boolean; query: { ev?: string; evs?: string; evn?: string } }) {
  const settings = currentEvidenceSettings();
  const rows = await listRecordAttachments(["signing"], signingId);
  return (
    <RecordEvidence
      title="协议封面与附件"
      intro={`签约协议封面页的照片或扫描件（JPEG、PNG、WebP 或 PDF），单个不超过 ${megabytes(settings.maxFileBytes)}。签约日期所在月份报送、审核或锁定后不能再上传或删除。`}
      outcome={{ group: query.evs, ...evidenceOutcome(query, settings) }}
      groups={[{ key: "signing", title: "已上传", items: rows, uploadAction: canAttach ? `/district/signings/${signingId}/evidence` : null, canDelete: canAttach, empty: "还没有上传协议封面。" }]}
    />
  );
}
