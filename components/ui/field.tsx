/**
 * Labelled form controls whose hint and error sit under them; the error paragraph is a polite
 * live region the control points at (aria-describedby). No hooks, so they render in server and
 * client components alike. `id` defaults to `name`; pass one when several forms share a page.
 */
import type { ReactNode } from "react";

export interface SelectOption {
  value: string;
  label: string;
}

interface Common {
  name: string;
  label: ReactNode;
  id?: string;
  hint?: ReactNode;
  error?: string;
  /** On the wrapper (grid spans, widths). */
  className?: string;
}

export const labelCls = "block text-sm font-medium text-slate-700";
/** A bare control's look, for filter bars and tables that lay out their own labels. */
export const controlCls = "mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm";
const inputCls = "mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2 read-only:bg-slate-100 aria-[invalid=true]:border-red-600";
const selectCls = "mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2 aria-[invalid=true]:border-red-600";

function ids(p: Common) {
  const id = p.id ?? p.name;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return { id, hintId, errorId, describedBy: p.hint ? `${hintId} ${errorId}` : errorId };
}

export function Hint({ id, children }: { id: string; children: ReactNode }) {
  return <p id={id} className="text-xs text-slate-500">{children}</p>;
}

/** The error under a field: always present (so announcements work), empty when all is well. */
export function FieldError({ id, error }: { id: string; error?: string }) {
  return (
    <p id={id} aria-live="polite" className="mt-1 min-h-5 text-sm text-red-700">
      {error ?? ""}
    </p>
  );
}

function Shell({ p, k, children }: { p: Common; k: ReturnType<typeof ids>; children: ReactNode }) {
  return (
    <div className={p.className}>
      <label htmlFor={k.id} className={labelCls}>{p.label}</label>
      {p.hint && <Hint id={k.hintId}>{p.hint}</Hint>}
      {children}
      <FieldError id={k.errorId} error={p.error} />
    </div>
  );
}

export function Field(p: Common & {
  type?: string;
  defaultValue?: string;
  autoComplete?: string;
  required?: boolean;
  readOnly?: boolean;
  inputMode?: "text" | "numeric" | "decimal";
  /** A figure: right-aligned tabular digits. */
  numeric?: boolean;
}) {
  const k = ids(p);
  return (
    <Shell p={p} k={k}>
      <input id={k.id} name={p.name} type={p.type ?? "text"} defaultValue={p.defaultValue} autoComplete={p.autoComplete} inputMode={p.inputMode}
        readOnly={p.readOnly} aria-invalid={!!p.error} aria-describedby={k.describedBy} className={p.numeric ? `${inputCls} text-right tabular` : inputCls} />
    </Shell>
  );
}

export function SelectField(p: Common & {
  options: readonly SelectOption[];
  defaultValue?: string;
  /** Text of a leading blank option ("" value); omitted when the field always has a value. */
  placeholder?: string;
  /** Shown but not editable; a disabled select posts nothing. */
  disabled?: boolean;
}) {
  const k = ids(p);
  return (
    <Shell p={p} k={k}>
      <select id={k.id} name={p.disabled ? undefined : p.name} defaultValue={p.defaultValue ?? ""} disabled={p.disabled}
        aria-invalid={!!p.error} aria-describedby={k.describedBy} className={selectCls}>
        {p.placeholder !== undefined && <option value="">{p.placeholder}</option>}
        {p.options.map((o) => (
          <option key={o.value} value={o.value}>{o.label}</option>
        ))}
      </select>
    </Shell>
  );
}

export function TextArea(p: Common & { defaultValue?: string; rows?: number; readOnly?: boolean }) {
  const k = ids(p);
  return (
    <Shell p={p} k={k}>
      <textarea id={k.id} name={p.name} rows={p.rows ?? 3} defaultValue={p.defaultValue} readOnly={p.readOnly}
        aria-invalid={!!p.error} aria-describedby={k.describedBy} className={inputCls} />
    </Shell>
  );
}

/** A checkbox sending "1" when ticked, with its hint and error under it. */
export function Checkbox(p: Common & { defaultChecked?: boolean; disabled?: boolean }) {
  const k = ids(p);
  return (
    <div className={p.className}>
      <div className="flex items-center gap-2">
        <input id={k.id} name={p.disabled ? undefined : p.name} type="checkbox" value="1" defaultChecked={p.defaultChecked} disabled={p.disabled}
          aria-invalid={!!p.error} aria-describedby={k.describedBy} className="h-4 w-4 rounded border-slate-300 accent-brand-700" />
        <label htmlFor={k.id} className="text-sm font-medium text-slate-700">{p.label}</label>
      </div>
      {p.hint && <Hint id={k.hintId}>{p.hint}</Hint>}
      <FieldError id={k.errorId} error={p.error} />
    </div>
  );
}
