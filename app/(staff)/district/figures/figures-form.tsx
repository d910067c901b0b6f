"use client";

import { useActionState, type ClipboardEvent } from "react";
import { initialActionState } from "@/app/_lib/action-state";
import { FormMessage, SubmitButton } from "@/components/form";
import { useFormKey } from "@/components/use-form-key";
import { saveFiguresAction } from "./actions";

export interface FormRow {
  id: number;
  name: string;
  ratio: boolean;
  unit: string;
  partUnit: string;
  numeratorLabel: string;
  denominatorLabel: string;
  lastMonth: string;
  previousYtd: string;
  ytd: string;
  values: { m: string; n: string; d: string; note: string; ver: string };
  ownerName: string | null;
}

/** Pasting a block copied from Excel fills the grid from the focused cell, down and across. */
function pasteBlock(e: ClipboardEvent<HTMLTableSectionElement>) {
  const target = e.target as HTMLInputElement;
  const row = Number(target.dataset.gridRow);
  const col = Number(target.dataset.gridCol);
  const text = e.clipboardData.getData("text/plain");
  if (Number.isNaN(row) || Number.isNaN(col) || !/[\t\n]/.test(text.trim())) return;
  e.preventDefault();
  const lines = text.replace(/\r/g, "").replace(/\n$/, "").split("\n");
  const table = e.currentTarget;
  lines.forEach((line, i) => {
    line.split("\t").forEach((cell, j) => {
      const input = table.querySelector<HTMLInputElement>(`input[data-grid-row="${row + i}"][data-grid-col="${col + j}"]`);
      if (input && !input.disabled) input.value = cell.trim();
    });
  });
}

export function FiguresForm({ rows, month, district, monthText, canSubmit }: { rows: FormRow[]; month: string; district: string; monthText: string; canSubmit: boolean }) {
  const [state, action] = useActionState(saveFiguresAction, initialActionState);
  const key = useFormKey(state);
  const v = (name: string, fallback: string) => state.values[name] ?? fallback;
  const err = (name: string) => state.fieldErrors[name];
  const cell = "px-2 py-1.5 align-top";
  const input = "w-full min-w-24 rounded border border-slate-300 px-2 py-1 text-right tabular aria-[invalid=true]:border-red-600 aria-[invalid=true]:bg-red-50";
  return (
    <form key={key} action={action} className="space-y-4" noValidate>
      <input type="hidden" name="month" value={month} />
      <input type="hidden" name="district" value={district} />
      <FormMessage state={state} />
      <p className="text-sm text-slate-600">
        “本月”和“累计”只填一项即可，另一项自动推算；空着表示未填报，不会当作 0。可以从 Excel 复制一列或一块数据，粘贴到第一个格子。
      </p>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-sm">
          <caption className="sr-only">{monthText}月度指标填报</caption>
          <thead>
            <tr className="border-b border-slate-200 bg-slate-50 text-left text-xs text-slate-600">
              <th scope="col" className={cell}>指标</th>
              <th scope="col" className={`${cell} text-right`}>上月</th>
              <th scope="col" className={`${cell} text-right`}>以前各月累计</th>
              <th scope="col" className={cell}>本月 / 分子</th>
              <th scope="col" className={cell}>累计 / 分母</th>
              <th scope="col" className={cell}>说明</th>
            </tr>
          </thead>
          <tbody onPaste={pasteBlock}>
            {rows.map((r, i) => {
              const a = r.ratio ? `n_${r.id}` : `m_${r.id}`;
              const b = r.ratio ? `d_${r.id}` : `c_${r.id}`;
              const note = `note_${r.id}`;
              const errorId = `err_${r.id}`;
              const rowError = err(a) ?? err(b) ?? err(note);
              return (
                <tr key={r.id} data-indicator-row={r.id} className="border-b border-slate-100 last:border-0">
                  <th scope="row" className={`${cell} text-left font-normal`}>
                    <span className="font-medium text-slate-900">{r.name}</span>
                    <span className="ml-1 text-xs text-slate-500">（{r.ratio ? `${r.numeratorLabel}÷${r.denominatorLabel}，${r.partUnit}` : r.unit}）</span>
                    {r.ownerName && <span className="block text-xs text-slate-400">主管：{r.ownerName}</span>}
                    <p id={errorId} aria-live="polite" className="text-xs text-red-700">{rowError ?? ""}</p>
                  </th>
                  <td className={`${cell} tabular text-right text-slate-600`}>{r.lastMonth}</td>
                  <td className={`${cell} tabular text-right text-slate-600`}>{r.ratio ? "—" : r.previousYtd}</td>
                  <td className={cell}>
                    <input type="hidden" name={`ver_${r.id}`} value={v(`ver_${r.id}`, r.values.ver)} />
                    <label className="sr-only" htmlFor={a}>{r.name}{r.ratio ? ` ${r.numeratorLabel}` : " 本月"}</label>
                    <input id={a} name={a} inputMode="decimal" autoComplete="off" defaultValue={v(a, r.ratio ? r.values.n : r.values.m)} data-grid-row={i} data-grid-col={0}
                      aria-invalid={!!(err(a))} aria-describedby={errorId} className={input} />
                  </td>
                  <td className={cell}>
                    <label className="sr-only" htmlFor={b}>{r.name}{r.ratio ? ` ${r.denominatorLabel}` : " 1至本月累计"}</label>
                    <input id={b} name={b} inputMode="decimal" autoComplete="off" defaultValue={v(b, r.ratio ? r.values.d : "")} placeholder={r.ratio ? "" : r.ytd} data-grid-row={i} data-grid-col={1}
                      aria-invalid={!!(err(b))} aria-describedby={errorId} className={input} />
                  </td>
                  <td className={cell}>
                    <label className="sr-only" htmlFor={note}>{r.name} 说明</label>
                    <input id={note} name={note} autoComplete="off" defaultValue={v(note, r.values.note)} data-grid-row={i} data-grid-col={2}
                      aria-invalid={!!err(note)} aria-describedby={errorId} className="w-full min-w-32 rounded border border-slate-300 px-2 py-1" />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="flex flex-wrap gap-3">
        <SubmitButton name="intent" value="save" variant="secondary">保存草稿</SubmitButton>
        {canSubmit && <SubmitButton name="intent" value="submit" pendingText="正在报送…">保存并报送</SubmitButton>}
      </div>
    </form>
  );
}
