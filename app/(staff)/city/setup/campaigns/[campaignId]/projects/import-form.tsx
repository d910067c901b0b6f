"use client";

import { useActionState } from "react";
import { DataTable } from "@/components/ui/data-table";
import { RowErrors, UploadForm } from "@/components/ui/upload-form";
import { importProjectsAction } from "./actions";
import { initialImportState } from "./import-state";

export function ProjectsImportForm({ campaignId }: { campaignId: number }) {
  const [state, action] = useActionState(importProjectsAction, initialImportState);
  const s = state.summary;
  return (
    <div className="space-y-3">
      <UploadForm action={action} state={state} id="projects-file" label="重点项目清单（.xlsx）" hidden={{ campaignId }} pendingText="正在检查并导入…" alignButton />
      {state.rowErrors.length > 0 && <RowErrors rows={state.rowErrors} limit={500} />}
      {s && (
        <section aria-label="导入结果" className="space-y-2">
          <dl data-import-summary className="flex flex-wrap gap-3 text-sm">
            <div className="rounded-md border border-green-200 bg-green-50 px-3 py-1"><dt className="inline">新增</dt> <dd data-created className="inline tabular font-semibold">{s.created}</dd> 个</div>
            <div className="rounded-md border border-blue-200 bg-blue-50 px-3 py-1"><dt className="inline">更新</dt> <dd data-updated className="inline tabular font-semibold">{s.updated.length}</dd> 个</div>
            <div className="rounded-md border border-slate-200 bg-slate-50 px-3 py-1"><dt className="inline">未变</dt> <dd data-unchanged className="inline tabular font-semibold">{s.unchanged}</dd> 个</div>
          </dl>
          {s.updated.length > 0 && (
            <DataTable caption="更新的项目和改动的字段" captionVisible density="dense" columns={["项目", "字段", "原值", "新值"]}>
              {s.updated.slice(0, 500).flatMap((u) =>
                u.changes.map((c, k) => (
                  <tr key={`${u.code}-${c.label}`} data-changed-project={u.code}>
                    {k === 0 && <th scope="row" rowSpan={u.changes.length}>{u.name}<span className="block text-xs text-slate-500">{u.code}</span></th>}
                    <td>{c.label}</td>
                    <td className="text-slate-600">{c.before}</td>
                    <td className="font-medium">{c.after}</td>
                  </tr>
                )),
              )}
            </DataTable>
          )}
        </section>
      )}
    </div>
  );
}
