"use client";

import { useActionState, useState, type ClipboardEvent, type MouseEvent } from "react";
import { initialActionState } from "@/app/_lib/action-state";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { EntryGrid, type EntryColumn } from "@/components/ui/entry-grid";
import { gridKeys, pasteIntoGrid } from "@/components/grid-paste";
import { useFormKey } from "@/components/use-form-key";
import { saveFiguresAction, type FiguresState } from "./actions";
import { FigureRowView, rowFields, withSaved, type FormRow } from "./figures-row";

export type { FormRow, SavedFlag } from "./figures-row";

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

const COLUMNS: readonly EntryColumn[] = [{ label: "指标" }, { label: "上月", num: true }, { label: "以前各月累计", num: true }, { label: "本月 / 分子" }, { label: "累计 / 分母" }, { label: "本月无数据" }, { label: "说明" }];

const field = (form: HTMLFormElement, name: string) => form.elements.namedItem(name) as HTMLInputElement | null;
const isBlank = (el: HTMLInputElement | null) => !el || el.value.trim() === "";

/** Puts last month's values into a row's fields and clears its 本月无数据 mark (nothing is saved yet). */
function fillRow(form: HTMLFormElement, r: FormRow): void {
  const f = rowFields(r);
  const a = field(form, f.a);
  const b = field(form, f.b);
  const noData = field(form, f.noData);
  if (a) a.value = r.same!.a;
  if (b) b.value = r.same!.b;
  if (noData) noData.checked = false;
}

export function FiguresForm({ rows: pageRows, initial, month, district, monthText, canSubmit, focusId }: { rows: FormRow[]; initial: Record<string, string>; month: string; district: string; monthText: string; canSubmit: boolean; focusId?: number }) {
  const [state, action] = useActionState<FiguresState, FormData>(saveFiguresAction, initialActionState);
  // A draft save answers with what it stored in each row (the page is not rendered again for it).
  const rows = state.saved ? withSaved(pageRows, state.saved) : pageRows;
  const key = useFormKey(state);
  // What the last paste or 同上月 did, shown until the next save result (which remounts the form).
  const [done, setDone] = useState({ key: -1, text: "" });
  const v = (name: string) => state.values[name] ?? initial[name] ?? "";
  const err = (name: string) => state.fieldErrors[name];
  const copied = rows.flatMap((r) => r.flags).find((f) => f.rule === "figures_copied_from_last_month");
  const showFormNote = !!(err("formnote") || v("formnote") || copied);

  // With JavaScript, 同上月 fills the fields at once; without, the same button posts and the server fills them.
  function onSameRow(e: MouseEvent<HTMLButtonElement>, r: FormRow) {
    e.preventDefault();
    fillRow(e.currentTarget.form!, r);
    setDone({ key, text: `已按上月填入“${r.name}”（尚未保存）` });
  }
  function onSameSection(e: MouseEvent<HTMLButtonElement>, s: { name: string; rows: { row: FormRow }[] }) {
    e.preventDefault();
    const form = e.currentTarget.form!;
    let n = 0;
    for (const { row } of s.rows) {
      const f = rowFields(row);
      if (!row.same || !isBlank(field(form, f.a)) || !isBlank(field(form, f.b)) || field(form, f.noData)?.checked) continue;
      fillRow(form, row);
      n++;
    }
    setDone({ key, text: n > 0 ? `已将“${s.name}”中 ${n} 项未填的存量指标按上月填入（尚未保存）` : `“${s.name}”中没有未填的存量指标` });
  }
  function onPaste(e: ClipboardEvent<HTMLTableElement>) {
    const r = pasteIntoGrid(e);
    if (r) setDone({ key, text: `已从剪贴板填入 ${r.filled} 行。检查无误后请保存。` });
  }

  return (
    <form key={key} action={action} className="space-y-4" noValidate>
      {/* The default button (first in the form): Enter in a note or on the last row saves the draft, not a section's button. */}
      <button type="submit" name="intent" value="save" className="hidden">保存草稿</button>
      <input type="hidden" name="month" value={month} />
      <input type="hidden" name="district" value={district} />
      <FormMessage state={state} />
      <p className="text-sm text-slate-600">
        “本月”和“累计”只填一项即可，另一项自动推算；空着表示未填报，不会当作 0。本月确实没有数据的指标，请勾选“本月无数据”并在“说明”中写明原因，不要填 0。可以从 Excel 复制一列或一块数据，粘贴到第一个格子。按回车移到下一行；存量指标（如企业数）可点“同上月”沿用上月数值。
      </p>
      {/* Not role=status: the save result (FormMessage) is the form's one status. */}
      <p aria-live="polite" data-fill-message className="text-sm text-slate-700 empty:hidden">{done.key === key ? done.text : ""}</p>
      <EntryGrid caption={`${monthText}月度指标填报`} columns={COLUMNS} compact bodies handlers={{ onPaste, ...gridKeys }}>
          {sections(rows).map((s) => (
            <tbody key={s.code} data-section={s.code} className="border-b border-slate-200 last:border-0 max-lg:block">
              <tr className="bg-slate-50/60 max-lg:block">
                <th scope="colgroup" colSpan={7} className="px-2 py-1.5 text-left max-lg:block max-lg:px-3">
                  <span className="mr-3 font-semibold text-slate-800">{s.name}</span>
                  <span className="inline-flex flex-wrap gap-2">
                    <button type="submit" name="intent" value={`nodata:${s.code}`} className="rounded border border-slate-300 bg-white px-2 py-0.5 text-xs font-normal text-slate-700 hover:bg-slate-100">
                      本节未填的指标标为“本月无数据”
                    </button>
                    {s.rows.some(({ row }) => row.same) && (
                      <button type="submit" name="intent" value={`samesec:${s.code}`} onClick={(e) => onSameSection(e, s)} className="rounded border border-slate-300 bg-white px-2 py-0.5 text-xs font-normal text-slate-700 hover:bg-slate-100">
                        本节未填的存量指标同上月
                      </button>
                    )}
                  </span>
                </th>
              </tr>
              {s.rows.map(({ row, index }) => (
                <FigureRowView key={row.id} r={row} i={index} v={v} err={err} onSame={onSameRow} autoFocus={key === 0 && row.id === focusId} />
              ))}
            </tbody>
          ))}
      </EntryGrid>
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
