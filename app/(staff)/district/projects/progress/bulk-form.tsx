"use client";

import { useActionState, useState, type ClipboardEvent } from "react";
import Link from "next/link";
import { initialActionState } from "@/app/_lib/action-state";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { EntryGrid, type EntryColumn } from "@/components/ui/entry-grid";
import { gridKeys, pasteIntoGrid } from "@/components/grid-paste";
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
  /** The stored note of the month's entry ("" if none): the row then shows its note input. */
  note: string;
}

const COLUMNS: readonly EntryColumn[] = [
  { label: "代码", wide: true },
  { label: "项目名称" },
  { label: "阶段", wide: true },
  { label: "年度计划（亿元）", num: true, wide: true },
  { label: "本年此前已完成（万元）", num: true, wide: true },
  { label: "上月（万元）", num: true, wide: true },
];

/**
 * One amount per project, one form, one save. Only the inputs take focus (links are out of the
 * tab order), so Tab walks down the column and Enter moves down like a spreadsheet; a column or
 * block pasted from Excel fills the rows from the focused one. A row the server warned about gets
 * a note input (说明): the save goes through once every warned row has one.
 */
export function BulkProgressForm({ month, monthText, rows }: { month: string; monthText: string; rows: readonly BulkRow[] }) {
  const [state, action] = useActionState(saveMonthProgressAction, initialActionState);
  const key = useFormKey(state);
  // What the last paste did, shown until the next save result (which remounts the form).
  const [pasted, setPasted] = useState({ key: -1, text: "" });
  const typed = !state.ok && state.values.month === month ? state.values : null;
  function onPaste(e: ClipboardEvent<HTMLTableElement>) {
    const r = pasteIntoGrid(e);
    if (r) setPasted({ key, text: `已从剪贴板填入 ${r.filled} 行${r.dropped > 0 ? `；剪贴板多出的 ${r.dropped} 行没有对应的项目，未填入` : ""}。检查无误后请保存。` });
  }
  return (
    <form key={key} action={action} className="space-y-3" noValidate>
      <input type="hidden" name="month" value={month} />
      <FormMessage state={state} />
      <p className="text-sm text-slate-600">可以从 Excel 复制一列数值，粘贴到第一个格子，依次填入下面各行。</p>
      <p role="status" className="text-sm text-slate-700 empty:hidden">{pasted.key === key ? pasted.text : ""}</p>
      <EntryGrid caption={`${monthText}重点项目完成投资（万元）`} columns={[...COLUMNS, { label: `${monthText}完成投资（万元）` }]} handlers={{ onPaste, ...gridKeys }}>
            {rows.map((r, i) => {
              const inputId = `amount-${r.id}`;
              const noteId = `note-${r.id}`;
              const error = state.fieldErrors[inputId];
              const warning = state.fieldErrors[`warn-${r.id}`];
              const noteError = state.fieldErrors[noteId];
              const noteValue = typed?.[noteId] ?? r.note;
              const showNote = !!warning || r.note !== "" || typed?.[noteId] !== undefined;
              const tint = error ? "bg-red-50" : warning ? "bg-amber-50" : "";
              return (
                <tr key={r.id} data-project-row={r.id} className={`border-b border-slate-100 align-top last:border-0 max-lg:block max-lg:px-1 max-lg:py-2 ${tint}`}>
                  <td className="tabular hidden whitespace-nowrap text-slate-600 lg:table-cell">{r.code}</td>
                  <th scope="row" className="text-left font-medium max-lg:block">
                    <Link href={`/district/projects/${r.id}`} tabIndex={-1} className="text-slate-900 no-underline hover:text-brand-700 hover:underline">{r.name}</Link>
                    <span className="tabular block text-xs font-normal text-slate-500 lg:hidden">{r.code} · {r.stageText} · 上月 {r.previous}{r.previous === "—" ? "" : " 万元"}</span>
                  </th>
                  <td className="hidden whitespace-nowrap lg:table-cell">{r.stageText}</td>
                  <td className="tabular hidden text-right lg:table-cell">{r.plan}</td>
                  <td className="tabular hidden text-right lg:table-cell">{r.earlier}</td>
                  <td className="tabular hidden text-right lg:table-cell">{r.previous}</td>
                  <td className="max-lg:block">
                    <input type="hidden" name="projectId" value={r.id} />
                    <input type="hidden" name={`version-${r.id}`} value={r.version ?? ""} />
                    <input
                      id={inputId}
                      name={inputId}
                      inputMode="decimal"
                      autoComplete="off"
                      enterKeyHint="next"
                      defaultValue={typed ? typed[inputId] : r.amount}
                      data-grid-row={i}
                      data-grid-col={0}
                      aria-label={`${r.name} ${monthText}完成投资（万元）`}
                      aria-invalid={!!error || !!warning}
                      aria-describedby={`${inputId}-error${warning ? ` warn-${r.id}` : ""}`}
                      className="w-32 rounded-md border border-slate-300 px-2 py-1 text-right aria-[invalid=true]:border-red-600 max-lg:w-full max-lg:max-w-sm max-lg:py-2"
                    />
                    <p id={`${inputId}-error`} aria-live="polite" className="max-w-xs text-sm text-red-700">{error ?? ""}</p>
                    {warning && <p id={`warn-${r.id}`} className="mt-1 max-w-xs text-sm text-amber-900">{warning}</p>}
                    {showNote && (
                      <div className="mt-1 max-w-xs max-lg:max-w-none">
                        <label htmlFor={noteId} className="block text-xs font-medium text-slate-700">说明{warning ? "（必填，一句话）" : ""}</label>
                        <input
                          id={noteId}
                          name={noteId}
                          autoComplete="off"
                          defaultValue={noteValue}
                          maxLength={200}
                          data-grid-row={i}
                          data-grid-col={1}
                          aria-invalid={!!noteError}
                          aria-describedby={`${noteId}-error`}
                          className="w-full min-w-48 rounded-md border border-slate-300 px-2 py-1 aria-[invalid=true]:border-red-600 max-lg:min-w-0"
                        />
                        <p id={`${noteId}-error`} aria-live="polite" className="text-sm text-red-700">{noteError ?? ""}</p>
                      </div>
                    )}
                  </td>
                </tr>
              );
            })}
      </EntryGrid>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton>保存{monthText}完成投资</SubmitButton>
        <p className="text-sm text-slate-600">留空的行不作改动；本月没有投资请填 0。任何一行有误或需要说明时，所有数值都不会保存。</p>
      </div>
    </form>
  );
}
