"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { importProjectsAction } from "./actions";
import { initialImportState } from "./import-state";

export function ProjectsImportForm({ campaignId }: { campaignId: number }) {
  const [state, action] = useActionState(importProjectsAction, initialImportState);
  const s = state.summary;
  return (
    <div className="space-y-3">
      <form action={action} className="flex flex-wrap items-start gap-3" encType="multipart/form-data">
        <input type="hidden" name="campaignId" value={campaignId} />
        <div>
          <label htmlFor="projects-file" className="block text-sm font-medium text-slate-700">重点项目清单（.xlsx）</label>
          <input id="projects-file" name="file" type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-invalid={!!state.fieldErrors.file} aria-describedby="projects-file-error" className="mt-1 text-sm" />
          <p id="projects-file-error" aria-live="polite" className="mt-1 min-h-5 text-sm text-red-700">{state.fieldErrors.file ?? ""}</p>
        </div>
        <div className="pt-6">
          <SubmitButton variant="primary" pendingText="正在检查并导入…">上传并导入</SubmitButton>
        </div>
      </form>
      <FormMessage state={state} />
      {state.rowErrors.length > 0 && (
        <table className="w-full text-sm">
          <caption className="text-left text-sm font-medium text-red-800">需要改正的行</caption>
          <thead>
            <tr className="border-b border-slate-200 text-left text-xs text-slate-600">
              <th scope="col" className="py-1 pr-3">行号</th>
              <th scope="col" className="py-1">问题</th>
            </tr>
          </thead>
          <tbody>
            {state.rowErrors.slice(0, 500).map((e) => (
              <tr key={e.line} className="border-b border-slate-100">
                <td className="tabular whitespace-nowrap py-1 pr-3">{e.line > 0 ? `第 ${e.line} 行` : "……"}</td>
                <td className="py-1 text-red-800">{e.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {s && (
        <section aria-label="导入结果" className="space-y-2">
          <dl data-import-summary className="flex flex-wrap gap-3 text-sm">
            <div className="rounded-md border border-green-200 bg-green-50 px-3 py-1"><dt className="inline">新增</dt> <dd data-created className="inline tabular font-semibold">{s.created}</dd> 个</div>
            <div className="rounded-md border border-blue-200 bg-blue-50 px-3 py-1"><dt className="inline">更新</dt> <dd data-updated className="inline tabular font-semibold">{s.updated.length}</dd> 个</div>
            <div className="rounded-md border border-slate-200 bg-slate-50 px-3 py-1"><dt className="inline">未变</dt> <dd data-unchanged className="inline tabular font-semibold">{s.unchanged}</dd> 个</div>
          </dl>
          {s.updated.length > 0 && (
            <table className="w-full text-sm">
              <caption className="text-left text-sm font-medium">更新的项目和改动的字段</caption>
              <thead>
                <tr className="border-b border-slate-200 text-left text-xs text-slate-600">
                  <th scope="col" className="py-1 pr-3">项目</th>
                  <th scope="col" className="py-1 pr-3">字段</th>
                  <th scope="col" className="py-1 pr-3">原值</th>
                  <th scope="col" className="py-1">新值</th>
                </tr>
              </thead>
              <tbody>
                {s.updated.slice(0, 500).flatMap((u) =>
                  u.changes.map((c, k) => (
                    <tr key={`${u.code}-${c.label}`} data-changed-project={u.code} className="border-b border-slate-100">
                      {k === 0 && <th scope="row" rowSpan={u.changes.length} className="py-1 pr-3 text-left align-top font-normal">{u.name}<span className="block text-xs text-slate-500">{u.code}</span></th>}
                      <td className="py-1 pr-3">{c.label}</td>
                      <td className="py-1 pr-3 text-slate-600">{c.before}</td>
                      <td className="py-1 font-medium">{c.after}</td>
                    </tr>
                  )),
                )}
              </tbody>
            </table>
          )}
        </section>
      )}
    </div>
  );
}
