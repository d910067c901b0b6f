"use client";

import { useActionState } from "react";
import Link from "next/link";
import { initialActionState } from "@/app/_lib/action-state";
import { FormMessage, SubmitButton } from "@/components/form";
import { useFormKey } from "@/components/use-form-key";
import { saveMonthProgressAction } from "./actions";

export interface BulkRow {
  id: number;
  code: string;
  name: string;
  stageText: string;
  plan: string;
  earlier: string;
  previous: string;
  version: number | null;
  amount: string;
}

/**
 * One amount per project, one form, one save. Only the amount inputs take focus (links are
 * out of the tab order), so Tab walks down the column; Enter saves.
 */
export function BulkProgressForm({ month, monthText, rows }: { month: string; monthText: string; rows: readonly BulkRow[] }) {
  const [state, action] = useActionState(saveMonthProgressAction, initialActionState);
  const key = useFormKey(state);
  const typed = !state.ok && state.values.month === month ? state.values : null;
  return (
    <form key={key} action={action} className="space-y-3" noValidate>
      <input type="hidden" name="month" value={month} />
      <FormMessage state={state} />
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-sm">
          <caption className="sr-only">{monthText}重点项目完成投资（万元）</caption>
          <thead>
            <tr className="border-b border-slate-200 bg-slate-50 text-left text-xs text-slate-500">
              <th scope="col" className="px-3 py-2 font-medium">代码</th>
              <th scope="col" className="px-3 py-2 font-medium">项目名称</th>
              <th scope="col" className="px-3 py-2 font-medium">阶段</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">年度计划（亿元）</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">本年此前已完成（万元）</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">上月（万元）</th>
              <th scope="col" className="px-3 py-2 font-medium">{monthText}完成投资（万元）</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const error = state.fieldErrors[`amount-${r.id}`];
              const inputId = `amount-${r.id}`;
              return (
                <tr key={r.id} className={`border-b border-slate-100 align-top last:border-0 ${error ? "bg-red-50" : ""}`}>
                  <td className="tabular px-3 py-1.5 whitespace-nowrap text-slate-600">{r.code}</td>
                  <th scope="row" className="px-3 py-1.5 text-left font-medium">
                    <Link href={`/district/projects/${r.id}`} tabIndex={-1} className="text-slate-900 no-underline hover:text-brand-700 hover:underline">{r.name}</Link>
                  </th>
                  <td className="px-3 py-1.5 whitespace-nowrap">{r.stageText}</td>
                  <td className="tabular px-3 py-1.5 text-right">{r.plan}</td>
                  <td className="tabular px-3 py-1.5 text-right">{r.earlier}</td>
                  <td className="tabular px-3 py-1.5 text-right">{r.previous}</td>
                  <td className="px-3 py-1.5">
                    <input type="hidden" name="projectId" value={r.id} />
                    <input type="hidden" name={`version-${r.id}`} value={r.version ?? ""} />
                    <input
                      id={inputId}
                      name={inputId}
                      inputMode="decimal"
                      autoComplete="off"
                      defaultValue={typed ? typed[inputId] : r.amount}
                      aria-label={`${r.name} ${monthText}完成投资（万元）`}
                      aria-invalid={!!error}
                      aria-describedby={`${inputId}-error`}
                      className="w-32 rounded-md border border-slate-300 px-2 py-1 text-right aria-[invalid=true]:border-red-600"
                    />
                    <p id={`${inputId}-error`} aria-live="polite" className="max-w-xs text-sm text-red-700">{error ?? ""}</p>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton>保存{monthText}完成投资</SubmitButton>
        <p className="text-sm text-slate-600">留空的行不作改动；本月没有投资请填 0。任何一行有误时，所有数值都不会保存。</p>
      </div>
    </form>
  );
}
