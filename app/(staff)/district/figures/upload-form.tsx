"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { uploadFiguresAction, type UploadState } from "./upload-actions";

const initial: UploadState = { ok: false, message: null, fieldErrors: {}, values: {}, rowErrors: [] };

export function UploadForm({ month, district, templateHref }: { month: string; district: string; templateHref: string }) {
  const [state, action] = useActionState(uploadFiguresAction, initial);
  return (
    <section aria-labelledby="excel-title" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="excel-title" className="font-semibold">用 Excel 填报</h2>
      <p className="text-sm text-slate-600">
        <a href={templateHref} className="text-brand-700 underline">下载本月模板</a>
        （含本区县指标和重点项目，已填入现有数值），在 Excel 中填好后上传。文件中只要有一处错误，就不会保存任何数据。
      </p>
      <form action={action} className="flex flex-wrap items-start gap-3" encType="multipart/form-data">
        <input type="hidden" name="month" value={month} />
        <input type="hidden" name="district" value={district} />
        <div>
          <label htmlFor="file" className="sr-only">选择填好的模板文件</label>
          <input id="file" name="file" type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-invalid={!!state.fieldErrors.file} aria-describedby="file-error" className="text-sm" />
          <p id="file-error" aria-live="polite" className="mt-1 min-h-5 text-sm text-red-700">{state.fieldErrors.file ?? ""}</p>
        </div>
        <SubmitButton variant="secondary" pendingText="正在检查…">上传并导入</SubmitButton>
      </form>
      <FormMessage state={state} />
      {state.rowErrors.length > 0 && (
        <table className="w-full text-sm">
          <caption className="text-left text-sm font-medium text-red-800">需要改正的行</caption>
          <thead>
            <tr className="border-b border-slate-200 text-left text-xs text-slate-600">
              <th scope="col" className="py-1 pr-3">工作表</th>
              <th scope="col" className="py-1 pr-3">行号</th>
              <th scope="col" className="py-1">问题</th>
            </tr>
          </thead>
          <tbody>
            {state.rowErrors.map((e) => (
              <tr key={`${e.sheet}-${e.line}`} className="border-b border-slate-100">
                <td className="py-1 pr-3">{e.sheet}</td>
                <td className="tabular py-1 pr-3">{e.line > 0 ? `第 ${e.line} 行` : "……"}</td>
                <td className="py-1 text-red-800">{e.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
