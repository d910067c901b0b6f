"use client";

import { useActionState } from "react";
import { initialActionState, type ActionState } from "@/app/_lib/action-state";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormKey } from "@/components/use-form-key";
import { Checkbox, Field, SelectField, TextArea } from "@/components/ui/field";

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

function SpecField({ f, id, value, error }: { f: FieldSpec; id: string; value: string; error?: string }) {
  // A read-only text input still posts its value (the server re-checks it); disabled selects and checkboxes post nothing.
  const common = { id, name: f.name, label: f.label, hint: f.hint, error, className: f.wide ? "md:col-span-full" : undefined };
  if (f.type === "checkbox") return <Checkbox {...common} defaultChecked={value === "1"} disabled={f.readOnly} className={`mt-2 ${common.className ?? ""}`} />;
  if (f.type === "select") return <SelectField {...common} options={f.options ?? []} placeholder={f.placeholder} defaultValue={value} disabled={f.readOnly} />;
  if (f.type === "textarea") return <TextArea {...common} defaultValue={value} readOnly={f.readOnly} />;
  return <Field {...common} type={f.type === "date" ? "date" : "text"} defaultValue={value} readOnly={f.readOnly} inputMode={f.inputMode} autoComplete="off" />;
}
