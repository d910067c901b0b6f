"use client";

import type { MouseEvent } from "react";

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
  /**
   * A slow-changing (stock) indicator's last-month values as typed into this row's two fields
   * (numerator and denominator, or the month's value): what "同上月" fills. Null for flows and
   * when last month has no value.
   */
  same: { a: string; b: string } | null;
}

/** What a draft save answers for each row: the parts of it that this month's values change (form-rows.ts, toSavedRows). */
export type SavedRow = Pick<FormRow, "id" | "ytd" | "flags">;

/** The page's rows with what a draft save stored: the cumulative and the reminders from the save, the rest as the page gave it. */
export function withSaved(rows: readonly FormRow[], saved: readonly SavedRow[]): FormRow[] {
  const byId = new Map(saved.map((s) => [s.id, s]));
  return rows.map((r) => {
    const s = byId.get(r.id);
    return s ? { ...r, ytd: s.ytd, flags: s.flags } : r;
  });
}

/** The two value fields of a row: month and cumulative, or numerator and denominator. */
export function rowFields(r: FormRow) {
  return { a: r.ratio ? `n_${r.id}` : `m_${r.id}`, b: r.ratio ? `d_${r.id}` : `c_${r.id}`, note: `note_${r.id}`, noData: `nodata_${r.id}` };
}

// Below lg the table is a stack of cards: one per indicator (name, last month, inputs, note).
const cell = "px-2 py-1.5 align-top max-lg:block max-lg:px-0 max-lg:py-0.5";
const caption = "mb-0.5 block text-xs text-slate-600 lg:hidden";

export function FigureRowView({ r, i, v, err, onSame, autoFocus }: { r: FormRow; i: number; v: (name: string) => string; err: (name: string) => string | undefined; onSame: (e: MouseEvent<HTMLButtonElement>, r: FormRow) => void; autoFocus?: boolean }) {
  const input = "w-full min-w-24 rounded border border-slate-300 px-2 py-1 text-right tabular aria-[invalid=true]:border-red-600 aria-[invalid=true]:bg-red-50 max-lg:min-w-0 max-lg:py-2";
  const { a, b, note, noData } = rowFields(r);
  const errorId = `err_${r.id}`;
  const flagId = `flag_${r.id}`;
  const rowError = err(a) ?? err(b) ?? err(note);
  const describedBy = r.flags.length > 0 ? `${errorId} ${flagId}` : errorId;
  return (
    <tr data-indicator-row={r.id} className="border-t border-slate-100 has-checked:bg-slate-50 max-lg:grid max-lg:grid-cols-2 max-lg:gap-x-3 max-lg:gap-y-1.5 max-lg:px-3 max-lg:py-3">
      <th scope="row" className={`${cell} min-w-44 max-w-72 text-left font-normal max-lg:col-span-2 max-lg:min-w-0 max-lg:max-w-none`}>
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
      <td data-cell="last-month" className={`${cell} tabular whitespace-nowrap text-right text-slate-600 max-lg:col-span-2 max-lg:text-left max-lg:whitespace-normal`}>
        <span className="lg:hidden">上月 </span>{r.lastMonth}
        {r.same && (
          <button type="submit" name="intent" value={`same:${r.id}`} onClick={(e) => onSame(e, r)} aria-label={`${r.name} 同上月`}
            className="ml-2 rounded border border-slate-300 bg-white px-2 py-0.5 text-xs text-slate-700 hover:bg-slate-100 lg:mt-1 lg:ml-0 lg:block lg:w-full">
            同上月
          </button>
        )}
        {!r.ratio && <span className="ml-3 text-xs lg:hidden">以前各月累计 {r.previousYtd}</span>}
      </td>
      <td className={`${cell} tabular whitespace-nowrap text-right text-slate-600 max-lg:hidden`}>{r.ratio ? "—" : r.previousYtd}</td>
      <td className={cell}>
        <input type="hidden" name={`ver_${r.id}`} value={v(`ver_${r.id}`)} />
        <span aria-hidden="true" className={caption}>{r.ratio ? r.numeratorLabel : "本月"}</span>
        <label className="sr-only" htmlFor={a}>{r.name}{r.ratio ? ` ${r.numeratorLabel}` : " 本月"}</label>
        <input id={a} name={a} inputMode="decimal" autoComplete="off" enterKeyHint="next" defaultValue={v(a)} data-grid-row={i} data-grid-col={0} autoFocus={autoFocus}
          aria-invalid={!!err(a)} aria-describedby={describedBy} className={input} />
      </td>
      <td className={cell}>
        <span aria-hidden="true" className={caption}>{r.ratio ? r.denominatorLabel : "1至本月累计"}</span>
        <label className="sr-only" htmlFor={b}>{r.name}{r.ratio ? ` ${r.denominatorLabel}` : " 1至本月累计"}</label>
        <input id={b} name={b} inputMode="decimal" autoComplete="off" enterKeyHint="next" defaultValue={v(b)} placeholder={r.ratio ? "" : r.ytd} data-grid-row={i} data-grid-col={1}
          aria-invalid={!!err(b)} aria-describedby={describedBy} className={input} />
      </td>
      <td className={`${cell} whitespace-nowrap max-lg:col-span-2`}>
        <label className="inline-flex items-center gap-1.5 py-1 text-xs text-slate-700">
          <input type="checkbox" id={noData} name={noData} value="1" defaultChecked={v(noData) === "1"} aria-describedby={errorId} className="size-4" />
          <span>本月无数据<span className="sr-only">：{r.name}</span></span>
        </label>
      </td>
      <td className={`${cell} max-lg:col-span-2`}>
        <span aria-hidden="true" className={caption}>说明</span>
        <label className="sr-only" htmlFor={note}>{r.name} 说明</label>
        <input id={note} name={note} autoComplete="off" defaultValue={v(note)} data-grid-row={i} data-grid-col={2} data-enter="submit"
          aria-invalid={!!err(note)} aria-describedby={describedBy} className="w-full min-w-32 rounded border border-slate-300 px-2 py-1 aria-[invalid=true]:border-red-600 aria-[invalid=true]:bg-red-50 max-lg:min-w-0 max-lg:py-2" />
      </td>
    </tr>
  );
}
