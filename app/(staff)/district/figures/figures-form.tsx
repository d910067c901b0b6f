"use client";

import { useActionState, type ClipboardEvent } from "react";
import { initialActionState } from "@/app/_lib/action-state";
import { FormMessage, SubmitButton } from "@/components/form";
import { useFormKey } from "@/components/use-form-key";
import { saveFiguresAction } from "./actions";

export interface SavedFlag {
  rule: string;
  message: string;
  note: string;
}

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
  ownerName: string | null;
  section: { code: string; name: string };
  /** Unresolved plausibility flags stored with this value: what the reviewer will see. */
  flags: SavedFlag[];
}

/** Pasting a block copied from Excel fills the grid from the focused cell, down and across. */
function pasteBlock(e: ClipboardEvent<HTMLTableElement>) {
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

/** Rows grouped by section (special action), in the order they come. */
function sections(rows: FormRow[]) {
  const out: { code: string; name: string; rows: { row: FormRow; index: number }[] }[] = [];
  rows.forEach((row) => {
    let s = out.find((x) => x.code === row.section.code);
    if (!s) out.push((s = { ...row.section, rows: [] }));
    s.rows.push({ row, index: 0 });
  });
  let i = 0;
  for (const s of out) for (const r of s.rows) r.index = i++;
  return out;
}

export function FiguresForm({ rows, initial, month, district, monthText, canSubmit }: { rows: FormRow[]; initial: Record<string, string>; month: string; district: string; monthText: string; canSubmit: boolean }) {
  const [state, action] = useActionState(saveFiguresAction, initialActionState);
  const key = useFormKey(state);
  const v = (name: string) => state.values[name] ?? initial[name] ?? "";
  const err = (name: string) => state.fieldErrors[name];
  const cell = "px-2 py-1.5 align-top";
  const copied = rows.flatMap((r) => r.flags).find((f) => f.rule === "figures_copied_from_last_month");
  const showFormNote = !!(err("formnote") || v("formnote") || copied);
  return (
    <form key={key} action={action} className="space-y-4" noValidate>
      {/* The default button (first in the form): Enter in a field saves the draft, not a section's 本月无数据 button. */}
      <button type="submit" name="intent" value="save" className="hidden">保存草稿</button>
      <input type="hidden" name="month" value={month} />
      <input type="hidden" name="district" value={district} />
      <FormMessage state={state} />
      <p className="text-sm text-slate-600">
        “本月”和“累计”只填一项即可，另一项自动推算；空着表示未填报，不会当作 0。本月确实没有数据的指标，请勾选“本月无数据”并在“说明”中写明原因，不要填 0。可以从 Excel 复制一列或一块数据，粘贴到第一个格子。
      </p>
      {/* relative: the visually hidden labels (absolutely positioned) stay inside the scrolling box, not widening the page at 390 px. */}
      <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-sm" onPaste={pasteBlock}>
          <caption className="sr-only">{monthText}月度指标填报</caption>
          <thead>
            <tr className="border-b border-slate-200 bg-slate-50 text-left text-xs text-slate-600">
              <th scope="col" className={cell}>指标</th>
              <th scope="col" className={`${cell} text-right`}>上月</th>
              <th scope="col" className={`${cell} text-right`}>以前各月累计</th>
              <th scope="col" className={cell}>本月 / 分子</th>
              <th scope="col" className={cell}>累计 / 分母</th>
              <th scope="col" className={cell}>本月无数据</th>
              <th scope="col" className={cell}>说明</th>
            </tr>
          </thead>
          {sections(rows).map((s) => (
            <tbody key={s.code} data-section={s.code} className="border-b border-slate-200 last:border-0">
              <tr className="bg-slate-50/60">
                <th scope="colgroup" colSpan={7} className="px-2 py-1.5 text-left">
                  <span className="mr-3 font-semibold text-slate-800">{s.name}</span>
                  <button type="submit" name="intent" value={`nodata:${s.code}`} className="rounded border border-slate-300 bg-white px-2 py-0.5 text-xs font-normal text-slate-700 hover:bg-slate-100">
                    本节未填的指标标为“本月无数据”
                  </button>
                </th>
              </tr>
              {s.rows.map(({ row, index }) => (
                <Row key={row.id} r={row} i={index} v={v} err={err} cell={cell} />
              ))}
            </tbody>
          ))}
        </table>
      </div>
      {showFormNote && (
        <div className="max-w-2xl">
          <label htmlFor="formnote" className="block text-sm font-medium text-slate-700">整表说明</label>
          <p id="formnote-hint" className="text-xs text-slate-500">各项指标与上月完全相同时必填：写明为什么本月数值与上月一致。</p>
          <input id="formnote" name="formnote" autoComplete="off" defaultValue={v("formnote")} aria-invalid={!!err("formnote")} aria-describedby={copied ? "formnote-hint formnote-error formnote-flag" : "formnote-hint formnote-error"}
            className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 aria-[invalid=true]:border-red-600 aria-[invalid=true]:bg-red-50" />
          <p id="formnote-error" aria-live="polite" className="mt-1 text-sm text-red-700">{err("formnote") ?? ""}</p>
          {copied && <p id="formnote-flag" className="text-sm text-amber-900">已保存的提醒（审核人可见）：{copied.message}</p>}
        </div>
      )}
      <div className="flex flex-wrap gap-3">
        <SubmitButton name="intent" value="save" variant="secondary">保存草稿</SubmitButton>
        {canSubmit && <SubmitButton name="intent" value="submit" pendingText="正在报送…">保存并报送</SubmitButton>}
      </div>
    </form>
  );
}

function Row({ r, i, v, err, cell }: { r: FormRow; i: number; v: (name: string) => string; err: (name: string) => string | undefined; cell: string }) {
  const input = "w-full min-w-24 rounded border border-slate-300 px-2 py-1 text-right tabular aria-[invalid=true]:border-red-600 aria-[invalid=true]:bg-red-50";
  const a = r.ratio ? `n_${r.id}` : `m_${r.id}`;
  const b = r.ratio ? `d_${r.id}` : `c_${r.id}`;
  const note = `note_${r.id}`;
  const noData = `nodata_${r.id}`;
  const errorId = `err_${r.id}`;
  const flagId = `flag_${r.id}`;
  const rowError = err(a) ?? err(b) ?? err(note);
  const describedBy = r.flags.length > 0 ? `${errorId} ${flagId}` : errorId;
  return (
    <tr data-indicator-row={r.id} className="border-t border-slate-100 has-checked:bg-slate-50">
      <th scope="row" className={`${cell} min-w-44 max-w-72 text-left font-normal`}>
        <span className="font-medium text-slate-900">{r.name}</span>
        <span className="ml-1 text-xs text-slate-500">（{r.ratio ? `${r.numeratorLabel}÷${r.denominatorLabel}，${r.partUnit}` : r.unit}）</span>
        {r.ownerName && <span className="block text-xs text-slate-400">主管：{r.ownerName}</span>}
        <p id={errorId} aria-live="polite" className="text-xs text-red-700">{rowError ?? ""}</p>
        {r.flags.length > 0 && (
          <ul id={flagId} aria-label="已保存的提醒（审核人可见）" className="mt-1 space-y-1">
            {r.flags.map((f, k) => (
              <li key={k} data-flag-rule={f.rule} className="rounded border border-amber-300 bg-amber-50 px-2 py-1 text-xs text-amber-950">
                <span className="font-medium">已保存的提醒（审核人可见）：</span>{f.message}。说明：{f.note}
              </li>
            ))}
          </ul>
        )}
      </th>
      <td className={`${cell} tabular whitespace-nowrap text-right text-slate-600`}>{r.lastMonth}</td>
      <td className={`${cell} tabular whitespace-nowrap text-right text-slate-600`}>{r.ratio ? "—" : r.previousYtd}</td>
      <td className={cell}>
        <input type="hidden" name={`ver_${r.id}`} value={v(`ver_${r.id}`)} />
        <label className="sr-only" htmlFor={a}>{r.name}{r.ratio ? ` ${r.numeratorLabel}` : " 本月"}</label>
        <input id={a} name={a} inputMode="decimal" autoComplete="off" defaultValue={v(a)} data-grid-row={i} data-grid-col={0}
          aria-invalid={!!err(a)} aria-describedby={describedBy} className={input} />
      </td>
      <td className={cell}>
        <label className="sr-only" htmlFor={b}>{r.name}{r.ratio ? ` ${r.denominatorLabel}` : " 1至本月累计"}</label>
        <input id={b} name={b} inputMode="decimal" autoComplete="off" defaultValue={v(b)} placeholder={r.ratio ? "" : r.ytd} data-grid-row={i} data-grid-col={1}
          aria-invalid={!!err(b)} aria-describedby={describedBy} className={input} />
      </td>
      <td className={`${cell} whitespace-nowrap`}>
        <label className="inline-flex items-center gap-1.5 py-1 text-xs text-slate-700">
          <input type="checkbox" id={noData} name={noData} value="1" defaultChecked={v(noData) === "1"} aria-describedby={errorId} className="size-4" />
          <span>本月无数据<span className="sr-only">：{r.name}</span></span>
        </label>
      </td>
      <td className={cell}>
        <label className="sr-only" htmlFor={note}>{r.name} 说明</label>
        <input id={note} name={note} autoComplete="off" defaultValue={v(note)} data-grid-row={i} data-grid-col={2}
          aria-invalid={!!err(note)} aria-describedby={describedBy} className="w-full min-w-32 rounded border border-slate-300 px-2 py-1 aria-[invalid=true]:border-red-600 aria-[invalid=true]:bg-red-50" />
      </td>
    </tr>
  );
}
