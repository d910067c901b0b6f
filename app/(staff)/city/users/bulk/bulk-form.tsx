"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { importAccountsAction, type BulkState } from "./actions";

const initial: BulkState = { ok: false, message: null, fieldErrors: {}, values: {}, rowErrors: [], results: [] };

export function BulkAccountsForm() {
  const [state, action] = useActionState(importAccountsAction, initial);
  return (
    <div className="space-y-4">
      <form action={action} className="flex flex-wrap items-start gap-3" encType="multipart/form-data">
        <div>
          <label htmlFor="file" className="block text-sm font-medium text-slate-700">填好的账号表（.xlsx 或 .csv）</label>
          <input id="file" name="file" type="file" accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-invalid={!!state.fieldErrors.file} aria-describedby="file-error" className="mt-1 max-w-full text-sm" />
          <p id="file-error" aria-live="polite" className="mt-1 min-h-5 text-sm text-red-700">{state.fieldErrors.file ?? ""}</p>
        </div>
        <SubmitButton pendingText="正在检查…">上传并导入</SubmitButton>
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
            {state.rowErrors.map((e, i) => (
              <tr key={i} className="border-b border-slate-100">
                <td className="tabular py-1 pr-3 whitespace-nowrap">{e.line > 0 ? `第 ${e.line} 行` : "……"}</td>
                <td className="py-1 text-red-800">{e.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {state.results.length > 0 && (
        <section aria-labelledby="result-title" className="space-y-2 rounded-lg border border-green-200 bg-green-50 p-4">
          <h2 id="result-title" className="font-semibold">导入结果</h2>
          <p className="text-sm text-slate-700">一次性密码只在此显示一次，请现在抄下或打印，当面或电话告知本人；首次登录时必须修改。</p>
          <div className="overflow-x-auto">
            <table className="w-full text-sm">
              <caption className="sr-only">已新建或更新的账号</caption>
              <thead>
                <tr className="border-b border-green-200 text-left text-xs text-slate-600">
                  <th scope="col" className="py-1 pr-3">行号</th>
                  <th scope="col" className="py-1 pr-3">用户名</th>
                  <th scope="col" className="py-1 pr-3">姓名</th>
                  <th scope="col" className="py-1 pr-3">一次性密码</th>
                  <th scope="col" className="py-1">结果</th>
                </tr>
              </thead>
              <tbody>
                {state.results.map((r) => (
                  <tr key={r.line} className="border-b border-green-100">
                    <td className="tabular py-1 pr-3">{r.line}</td>
                    <th scope="row" className="py-1 pr-3 text-left font-medium">{r.username}</th>
                    <td className="py-1 pr-3">{r.displayName}</td>
                    <td className="py-1 pr-3 font-mono">{r.password ?? "—"}</td>
                    <td className="py-1">{r.note}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </div>
  );
}
