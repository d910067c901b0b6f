"use client";

import { useActionState } from "react";
import { DataTable } from "@/components/ui/data-table";
import { UploadForm } from "@/components/ui/upload-form";
import { importAccountsAction, type BulkState } from "./actions";

const initial: BulkState = { ok: false, message: null, fieldErrors: {}, values: {}, rowErrors: [], results: [] };

export function BulkAccountsForm() {
  const [state, action] = useActionState(importAccountsAction, initial);
  return (
    <div className="space-y-4">
      <UploadForm action={action} state={state} id="file" label="填好的账号表（.xlsx 或 .csv）" accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" inputClassName="max-w-full" rowErrors={state.rowErrors} />
      {state.results.length > 0 && (
        <section aria-labelledby="result-title" className="space-y-2 rounded-lg border border-green-200 bg-green-50 p-4">
          <h2 id="result-title" className="font-semibold">导入结果</h2>
          <p className="text-sm text-slate-700">一次性密码只在此显示一次，请现在抄下或打印，当面或电话告知本人；首次登录时必须修改。</p>
          <DataTable caption="已新建或更新的账号" density="dense" columns={["行号", "用户名", "姓名", "一次性密码", "结果"]}>
            {state.results.map((r) => (
              <tr key={r.line}>
                <td className="tabular">{r.line}</td>
                <th scope="row" className="font-medium">{r.username}</th>
                <td>{r.displayName}</td>
                <td className="font-mono">{r.password ?? "—"}</td>
                <td>{r.note}</td>
              </tr>
            ))}
          </DataTable>
        </section>
      )}
    </div>
  );
}
