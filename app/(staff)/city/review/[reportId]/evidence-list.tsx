import { EvidenceCards, type EvidenceCardItem } from "@/components/evidence/evidence-cards";
import { withFlags } from "@/app/_lib/evidence/views";
import { listMonthAttachments } from "@/db/queries/attachments";
import { monthLabel } from "@/domain/months";
import { publishPhotoAction } from "./evidence-actions";

const OUTCOMES: Record<string, string> = {
  shown: "照片已在公开的项目页面展示（已去除拍摄位置等信息）。",
  hidden: "照片已从公开的项目页面撤下。",
  conflict: "这张照片刚被其他人修改过，未保存；请查看最新状态后再操作。",
  "not-found": "照片不存在，未保存。",
};

/** The month's photos and files per project, each with its provenance flags; the office may show a photo publicly. */
export async function MonthEvidence({ reportId, campaignId, districtId, month, canPublish, outcome }: { reportId: number; campaignId: number; districtId: number; month: string; canPublish: boolean; outcome?: string }) {
  const rows = await withFlags(await listMonthAttachments(campaignId, districtId, month), (r) => ({ latitude: r.siteLatitude, longitude: r.siteLongitude }));
  const byProject = new Map<number, typeof rows>();
  for (const r of rows) byProject.set(r.projectId, [...(byProject.get(r.projectId) ?? []), r]);
  const flagged = rows.filter((r) => r.flags.length > 0).length;
  const publishForm = (a: EvidenceCardItem) =>
    canPublish && a.kind === "photo" ? (
      <form action={publishPhotoAction} className="mt-2">
        <input type="hidden" name="reportId" value={reportId} />
        <input type="hidden" name="attachmentId" value={a.id} />
        <input type="hidden" name="version" value={a.version} />
        <input type="hidden" name="makePublic" value={a.isPublic ? "0" : "1"} />
        <button type="submit" className="rounded border border-slate-300 px-2 py-1 text-xs text-slate-800 hover:bg-slate-50">
          {a.isPublic ? "从公开页面撤下" : "在公开页面展示"}
        </button>
      </form>
    ) : null;
  return (
    <section id="evidence" aria-labelledby="evidence-title" className="space-y-3">
      <h2 id="evidence-title" className="text-lg font-semibold">{monthLabel(month)}形象进度照片与附件</h2>
      {outcome && OUTCOMES[outcome] && (
        <p role="status" className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-800">{OUTCOMES[outcome]}</p>
      )}
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600">本月没有上传照片或附件。</p>
      ) : (
        <>
          <p className="text-sm text-slate-700">
            {byProject.size} 个项目共 {rows.length} 个文件{flagged > 0 ? `，其中 ${flagged} 个有核对提示（拍摄时间、地点或重复使用），请核实` : "，均无核对提示"}。
          </p>
          {[...byProject.values()].map((items) => (
            <div key={items[0]!.projectId} data-project={items[0]!.projectCode}>
              <h3 className="mb-2 text-sm font-semibold text-slate-700">
                {items[0]!.projectName} <span className="tabular font-normal text-slate-500">{items[0]!.projectCode}</span>
              </h3>
              <EvidenceCards items={items} actions={publishForm} />
            </div>
          ))}
        </>
      )}
    </section>
  );
}
