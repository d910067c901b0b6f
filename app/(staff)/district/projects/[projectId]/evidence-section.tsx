import { EvidenceCards } from "@/components/evidence/evidence-cards";
import { DeleteAttachmentForm } from "@/components/evidence/delete-form";
import { EvidenceUploadForm } from "@/components/evidence/upload-form";
import { withFlags } from "@/app/_lib/evidence/views";
import { currentEvidenceSettings } from "@/app/_lib/evidence/settings";
import { getProjectSite, listProjectAttachments } from "@/db/queries/attachments";
import { REFUSALS, refusalText, type Refusal } from "@/domain/evidence/messages";
import { megabytes } from "@/domain/evidence/settings";
import { isMonth, monthLabel } from "@/domain/months";

interface Props {
  projectId: number;
  /** Months the user may still attach to (draft or returned), newest last. */
  editableMonths: string[];
  /** The upload's outcome, from the redirect: ev (code), evm (month), evn (a number). */
  outcome: { ev?: string; evm?: string; evn?: string };
}

/** 形象进度照片: the upload form for an editable month and every month's files with their provenance flags. */
export async function EvidenceSection({ projectId, editableMonths, outcome }: Props) {
  const settings = currentEvidenceSettings();
  const [list, site] = await Promise.all([listProjectAttachments(projectId), getProjectSite(projectId)]);
  const rows = await withFlags(list, () => site);
  const byMonth = new Map<string, typeof rows>();
  for (const r of rows) byMonth.set(r.month ?? "", [...(byMonth.get(r.month ?? "") ?? []), r]);
  const code = outcome.ev;
  const outcomeMonth = outcome.evm && isMonth(outcome.evm) ? outcome.evm : null;
  const n = outcome.evn && /^\d{1,12}$/.test(outcome.evn) ? Number(outcome.evn) : undefined;
  const error = code && (REFUSALS as readonly string[]).includes(code) ? refusalText(code as Refusal, settings, n) : null;
  const chosen = outcomeMonth && editableMonths.includes(outcomeMonth) ? outcomeMonth : editableMonths[editableMonths.length - 1];

  return (
    <section id="evidence" aria-labelledby="evidence-heading" className="rounded-lg border border-slate-200 bg-white p-5">
      <h2 id="evidence-heading" className="mb-1 text-lg font-semibold">形象进度照片与附件</h2>
      <p className="mb-3 text-sm text-slate-600">
        每个月上传现场照片（JPEG、PNG、WebP）或文件（PDF、Word、Excel、PowerPoint），单个文件不超过 {megabytes(settings.maxFileBytes)}，每月合计不超过 {megabytes(settings.maxRecordBytes)}。
        系统核对拍摄时间、拍摄地点和是否与其他月份或项目的照片重复，只作提示，不影响保存。照片的拍摄位置等信息不会公开。
      </p>
      {code === "ok" && outcomeMonth && (
        <p role="status" className="mb-3 rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-900">已上传到{monthLabel(outcomeMonth)}。</p>
      )}
      {code === "deleted" && <p role="status" className="mb-3 rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-900">已删除附件。</p>}
      {error && editableMonths.length === 0 && <p role="alert" className="mb-3 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">{error}</p>}
      {editableMonths.length > 0 ? (
        <EvidenceUploadForm action={`/district/projects/${projectId}/evidence`} id="evidence" error={error ? `${outcomeMonth ? `${monthLabel(outcomeMonth)}：` : ""}${error}` : null}>
          <label htmlFor="evidence-month" className="text-sm font-medium sm:pt-2">月份</label>
          <select id="evidence-month" name="month" defaultValue={chosen} className="w-40 rounded border border-slate-300 bg-white px-2 py-1.5 text-sm">
            {editableMonths.map((m) => (
              <option key={m} value={m}>{monthLabel(m)}</option>
            ))}
          </select>
        </EvidenceUploadForm>
      ) : (
        <p className="mb-4 text-sm text-slate-600">本年度没有可以上传附件的月份（已报送、已审核或已锁定的月份不能再上传）。</p>
      )}
      {byMonth.size === 0 ? (
        <p className="text-sm text-slate-500">还没有上传照片或附件。</p>
      ) : (
        <ol className="space-y-4">
          {[...byMonth].map(([month, items]) => (
            <li key={month}>
              <h3 className="mb-2 text-sm font-semibold text-slate-700">{month ? monthLabel(month) : "未注明月份"}</h3>
              <EvidenceCards
                items={items}
                actions={editableMonths.includes(month) ? (a) => <DeleteAttachmentForm id={a.id} version={a.version} label={a.caption || a.originalName || `照片 ${a.id}`} /> : undefined}
              />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
