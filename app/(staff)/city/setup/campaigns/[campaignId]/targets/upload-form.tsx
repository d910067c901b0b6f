"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { uploadTargetsAction, type UploadState } from "./upload-actions";

const initial: UploadState = { ok: false, message: null, fieldErrors: {}, values: {}, rowErrors: [] };

export function TargetsUploadForm({ campaignId, templateHref }: { campaignId: number; templateHref: string }) {
  const [state, action] = useActionState(uploadTargetsAction, initial);
  return (
    <section aria-labelledby="excel-title" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="excel-title" className="font-semibold">用 Excel 设置目标</h2>
      <p className="text-sm text-slate-600">
        <a href={templateHref} className="text-brand-700 underline">下载目标分解表</a>
        （指标 × 区县，已填入现有目标），在 Excel 中填好后上传。文件中只要有一行有错误，就不会保存任何数据。
      </p>
      <form action={action} className="flex flex-wrap items-start gap-3" encType="multipart/form-data">
        <input type="hidden" name="campaignId" value={campaignId} />
        <div>
          <label htmlFor="targets-file" className="block text-sm font-medium text-slate-700">填好的目标分解表</label>
          <input id="targets-file" name="file" type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-invalid={!!state.fieldErrors.file} aria-describedby="targets-file-error" className="mt-1 text-sm" />
          <p id="targets-file-error" aria-live="polite" className="mt-1 min-h-5 text-sm text-red-700">{state.fieldErrors.file ?? ""}</p>
        </div>
        <div className="pt-6">
          <SubmitButton variant="secondary" pendingText="正在检查…">上传并导入</SubmitButton>
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
            {state.rowErrors.map((e) => (
              <tr key={e.line} className="border-b border-slate-100">
                <td className="tabular py-1 pr-3 whitespace-nowrap">{e.line > 0 ? `第 ${e.line} 行` : "……"}</td>
                <td className="py-1 text-red-800">{e.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
