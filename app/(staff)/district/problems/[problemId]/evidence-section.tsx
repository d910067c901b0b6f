import { EvidenceCards } from "@/components/evidence/evidence-cards";
import { DeleteAttachmentForm } from "@/components/evidence/delete-form";
import { EvidenceUploadForm } from "@/components/evidence/upload-form";
import { currentEvidenceSettings } from "@/app/_lib/evidence/settings";
import { listProblemAttachments } from "@/db/queries/attachments";
import { REFUSALS, refusalText, type Refusal } from "@/domain/evidence/messages";
import { megabytes } from "@/domain/evidence/settings";

interface Props {
  problemId: number;
  /** The caller may add files when the problem is reported (record.edit on its district). */
  canAttach: boolean;
  /** …and proof of its resolution (resolved, and the resolution's month still editable). */
  canAttachResolution: boolean;
  outcome: { ev?: string; evs?: string; evn?: string };
}

/** Photos and documents on a problem: when it was reported, and proof of its resolution. */
export async function ProblemEvidence({ problemId, canAttach, canAttachResolution, outcome }: Props) {
  const settings = currentEvidenceSettings();
  const rows = (await listProblemAttachments(problemId)).map((r) => ({ ...r, flags: [] }));
  const n = outcome.evn && /^\d{1,12}$/.test(outcome.evn) ? Number(outcome.evn) : undefined;
  const error = outcome.ev && (REFUSALS as readonly string[]).includes(outcome.ev) ? refusalText(outcome.ev as Refusal, settings, n) : null;
  const stage = outcome.evs === "resolution" ? "resolution" : "report";
  const groups = [
    { stage: "report", title: "登记时的照片与材料", items: rows.filter((r) => r.subject === "problem"), open: canAttach },
    { stage: "resolution", title: "解决情况的证明材料", items: rows.filter((r) => r.subject === "problem_resolution"), open: canAttachResolution },
  ] as const;
  return (
    <section id="evidence" aria-labelledby="evidence-heading" className="rounded-lg border border-slate-200 bg-white p-5">
      <h2 id="evidence-heading" className="mb-1 text-lg font-semibold">照片与附件</h2>
      <p className="mb-3 text-sm text-slate-600">照片（JPEG、PNG、WebP）或文件（PDF、Word、Excel、PowerPoint），单个不超过 {megabytes(settings.maxFileBytes)}。照片的拍摄位置等信息会被去除。</p>
      {outcome.ev === "deleted" && <p role="status" className="mb-3 rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-900">已删除附件。</p>}
      {error && !outcome.evs && <p role="alert" className="mb-3 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">{error}</p>}
      {outcome.ev === "ok" && <p role="status" className="mb-3 rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-900">已上传。</p>}
      {groups.map((g) => (
        <div key={g.stage} className="mb-4">
          <h3 className="mb-2 text-sm font-semibold text-slate-700">{g.title}</h3>
          {g.open && <EvidenceUploadForm action={`/district/problems/${problemId}/evidence`} id={`evidence-${g.stage}`} hidden={{ stage: g.stage }} error={outcome.evs && stage === g.stage ? error : null} />}
          {g.items.length === 0 ? <p className="text-sm text-slate-500">暂无。</p> : <EvidenceCards items={g.items} actions={g.open ? (a) => <DeleteAttachmentForm id={a.id} version={a.version} label={a.caption || a.originalName || `附件 ${a.id}`} /> : undefined} />}
        </div>
      ))}
    </section>
  );
}
