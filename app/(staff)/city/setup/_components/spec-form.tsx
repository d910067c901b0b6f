"use client";

import { useActionState } from "react";
import { initialActionState, type ActionState } from "@/app/_lib/action-state";
import { FormMessage, SubmitButton } from "@/components/form";
import { useFormKey } from "@/components/use-form-key";

export interface FieldSpec {
  name: string;
  label: string;
  type?: "text" | "date" | "textarea" | "select" | "checkbox";
  options?: readonly { value: string; label: string }[];
  /** Leading blank option of a select. */
  placeholder?: string;
  hint?: string;
  defaultValue?: string;
  inputMode?: "text" | "numeric" | "decimal";
  /** Spans both columns of a two-column form. */
  wide?: boolean;
  /** Shown but not editable. */
  readOnly?: boolean;
}

/**
 * A form described as data, so server pages can lay out many small set-up forms (add, rename,
 * edit) without a client component each. Errors sit under their fields; ids are prefixed so
 * several forms can share a page. Works without JavaScript (plain form post).
 */
export function SpecForm(props: {
  action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
  fields: readonly FieldSpec[];
  hidden?: Record<string, string>;
  submitLabel: string;
  pendingText?: string;
  idPrefix: string;
  columns?: 1 | 2 | 3;
  /** Accessible name of the form. */
  label?: string;
}) {
  const [state, action] = useActionState(props.action, initialActionState);
  const key = useFormKey(state);
  const grid = { 1: "", 2: "grid gap-x-4 md:grid-cols-2", 3: "grid gap-x-4 md:grid-cols-3" }[props.columns ?? 1];
  return (
    <form key={key} action={action} aria-label={props.label} className="space-y-2" noValidate>
      {Object.entries(props.hidden ?? {}).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <FormMessage state={state} />
      <div className={grid}>
        {props.fields.map((f) => (
          <SpecField key={f.name} f={f} id={`${props.idPrefix}-${f.name}`} value={state.values[f.name] ?? f.defaultValue ?? ""} error={state.fieldErrors[f.name]} />
        ))}
      </div>
      <SubmitButton pendingText={props.pendingText}>{props.submitLabel}</SubmitButton>
    </form>
  );
}

const inputClass = "mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2 aria-[invalid=true]:border-red-600 read-only:bg-slate-100";

function SpecField({ f, id, value, error }: { f: FieldSpec; id: string; value: string; error?: string }) {
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [f.hint ? hintId : null, errorId].filter(Boolean).join(" ");
  // A read-only text input still posts its value (the server re-checks it); disabled selects and checkboxes post nothing.
  const common = { id, name: f.readOnly && (f.type === "select" || f.type === "checkbox") ? undefined : f.name, "aria-invalid": !!error, "aria-describedby": describedBy };
  const wide = f.wide ? "md:col-span-full" : "";
  if (f.type === "checkbox") {
    return (
      <div className={wide}>
        <div className="mt-2 flex items-center gap-2">
          <input {...common} type="checkbox" value="1" defaultChecked={value === "1"} disabled={f.readOnly} className="h-4 w-4 rounded border-slate-300 accent-brand-700" />
          <label htmlFor={id} className="text-sm font-medium text-slate-700">{f.label}</label>
        </div>
        {f.hint && <p id={hintId} className="text-xs text-slate-500">{f.hint}</p>}
        <p id={errorId} aria-live="polite" className="mt-1 min-h-5 text-sm text-red-700">{error ?? ""}</p>
      </div>
    );
  }
  return (
    <div className={wide}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">{f.label}</label>
      {f.hint && <p id={hintId} className="text-xs text-slate-500">{f.hint}</p>}
      {f.type === "select" ? (
        <select {...common} defaultValue={value} disabled={f.readOnly} className={inputClass}>
          {f.placeholder !== undefined && <option value="">{f.placeholder}</option>}
          {(f.options ?? []).map((o) => (
            <option key={o.value} value={o.value}>{o.label}</option>
          ))}
        </select>
      ) : f.type === "textarea" ? (
        <textarea {...common} rows={3} defaultValue={value} readOnly={f.readOnly} className={inputClass} />
      ) : (
        <input {...common} type={f.type === "date" ? "date" : "text"} defaultValue={value} readOnly={f.readOnly} inputMode={f.inputMode} autoComplete="off" className={inputClass} />
      )}
      <p id={errorId} aria-live="polite" className="mt-1 min-h-5 text-sm text-red-700">{error ?? ""}</p>
    </div>
  );
}
