/**
 * A page's view picker — which month, district, scope or date a page shows — as a plain GET form
 * (works without JavaScript, the URL keeps the choice). Unlike FilterBar it narrows nothing in a
 * list and has no "全部"/clear link: every choice is a view of its own. Compact: a small label
 * over each control, the button on the same row.
 */
import type { ReactNode } from "react";

const LABEL = "block text-xs text-slate-600";
const CONTROL = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";
const BUTTON = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-800 hover:bg-slate-100";

export function Picker(props: {
  action?: string;
  label?: string;
  /** Parameters the choice keeps (e.g. the data scope): hidden fields, left out when empty. */
  hidden?: Record<string, string | undefined | null | false>;
  /** The hidden fields before the controls (their order is the order of the URL's parameters). */
  hiddenFirst?: boolean;
  children: ReactNode;
  submitLabel?: string;
  /** A card frame around the picker. */
  framed?: boolean;
  /** Left out when printing. */
  noPrint?: boolean;
  /** Data attributes (e.g. { "data-map-form": "" }). */
  data?: Record<`data-${string}`, string>;
}) {
  const hidden = Object.entries(props.hidden ?? {}).map(([k, v]) => (v ? <input key={k} type="hidden" name={k} value={v} /> : null));
  const cls = `${props.noPrint ? "no-print " : ""}flex flex-wrap items-end gap-2${props.framed ? " rounded-lg border border-slate-200 bg-white px-3 py-2" : ""}`;
  return (
    <form method="get" action={props.action} aria-label={props.label} className={cls} {...props.data}>
      {props.hiddenFirst && hidden}
      {props.children}
      {!props.hiddenFirst && hidden}
      <button type="submit" className={BUTTON}>{props.submitLabel ?? "查看"}</button>
    </form>
  );
}

/** A labelled select of a picker; `blank` adds a first option with value "" (e.g. "全部区县（对比）"). */
export function PickerSelect(props: { id?: string; name: string; label: ReactNode; value?: string; options: readonly { value: string; label: string }[]; blank?: string; className?: string }) {
  const id = props.id ?? props.name;
  return (
    <div>
      <label htmlFor={id} className={LABEL}>{props.label}</label>
      <select id={id} name={props.name} defaultValue={props.value ?? ""} className={props.className ? `${CONTROL} ${props.className}` : CONTROL}>
        {props.blank !== undefined && <option value="">{props.blank}</option>}
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>{o.label}</option>
        ))}
      </select>
    </div>
  );
}

/** A labelled date of a picker. */
export function PickerDate(props: { id?: string; name: string; label: ReactNode; value?: string }) {
  const id = props.id ?? props.name;
  return (
    <div>
      <label htmlFor={id} className={LABEL}>{props.label}</label>
      <input id={id} name={props.name} type="date" defaultValue={props.value ?? ""} className={CONTROL} />
    </div>
  );
}
