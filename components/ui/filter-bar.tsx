/**
 * A list's filters: a GET form (works without JavaScript, the URL keeps the choice), its fields
 * as children, then the submit button, any `extra` controls and a clear link when filtered.
 * A plain link (no client router code), so public pages ship no extra JavaScript for it.
 * "grid": a card with the fields in a grid and the buttons on a row of their own; "row": the
 * fields and buttons in one wrapping row.
 */
import type { ReactNode } from "react";
import { controlCls, labelCls } from "./field";

const BUTTONS = {
  primary: "rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800",
  secondary: "rounded-md border border-slate-300 bg-white px-4 py-2 text-sm text-slate-800 hover:bg-slate-100",
} as const;

export function FilterBar(props: {
  action: string;
  label?: string;
  children: ReactNode;
  /** Beside the button (a checkbox, a hint). */
  extra?: ReactNode;
  /** After the buttons (a note on how the filter reads). */
  after?: ReactNode;
  filtered?: boolean;
  layout?: "grid" | "row";
  /** Grid columns, e.g. "sm:grid-cols-2 lg:grid-cols-5", or extra classes of a row. */
  className?: string;
  /** Classes of the button row in a grid (e.g. a column span). */
  buttonRowClassName?: string;
  /** Without a card frame (a row above a table). */
  bare?: boolean;
  submitLabel?: string;
  button?: keyof typeof BUTTONS;
  clearHref?: string;
  clearLabel?: string;
}) {
  const layout = props.layout ?? "grid";
  const frame = props.bare ? "" : " rounded-lg border border-slate-200 bg-white p-4";
  const buttons = (
    <>
      {props.extra}
      <button type="submit" className={BUTTONS[props.button ?? "primary"]}>{props.submitLabel ?? "筛选"}</button>
      {props.filtered && <a href={props.clearHref ?? props.action} className="text-sm text-brand-700 underline">{props.clearLabel ?? "清除筛选"}</a>}
      {props.after}
    </>
  );
  return (
    <form method="get" action={props.action} role="search" aria-label={props.label}
      className={`${layout === "grid" ? "grid gap-3" : "flex flex-wrap items-end gap-3"}${frame}${props.className ? ` ${props.className}` : ""}`}>
      {props.children}
      {layout === "grid" ? <div className={`flex flex-wrap items-center gap-4${props.buttonRowClassName ? ` ${props.buttonRowClassName}` : ""}`}>{buttons}</div> : buttons}
    </form>
  );
}

interface FilterFieldProps {
  name: string;
  label: ReactNode;
  /** Element id (default: the name). */
  id?: string;
  className?: string;
  /** Control classes, when the control should not fill its cell. */
  controlClassName?: string;
}

/** A labelled select for a filter bar: "" means 全部. */
export function FilterSelect(props: FilterFieldProps & { value?: string; options: readonly { value: string; label: string }[]; allLabel?: string }) {
  const id = props.id ?? props.name;
  return (
    <div className={props.className}>
      <label htmlFor={id} className={labelCls}>{props.label}</label>
      <select id={id} name={props.name} defaultValue={props.value ?? ""} className={props.controlClassName ?? controlCls}>
        <option value="">{props.allLabel ?? "全部"}</option>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>{o.label}</option>
        ))}
      </select>
    </div>
  );
}

export function FilterSearch(props: Partial<FilterFieldProps> & { value?: string; placeholder?: string }) {
  const name = props.name ?? "q";
  const id = props.id ?? name;
  return (
    <div className={props.className}>
      <label htmlFor={id} className={labelCls}>{props.label ?? "搜索"}</label>
      <input id={id} name={name} type="search" defaultValue={props.value ?? ""} placeholder={props.placeholder} className={props.controlClassName ?? controlCls} />
    </div>
  );
}

/** A labelled date for a filter bar (a range's start or end). */
export function FilterDate(props: FilterFieldProps & { value?: string }) {
  const id = props.id ?? props.name;
  return (
    <div className={props.className}>
      <label htmlFor={id} className={labelCls}>{props.label}</label>
      <input id={id} name={props.name} type="date" defaultValue={props.value ?? ""} className={props.controlClassName ?? controlCls} />
    </div>
  );
}

/** A filter checkbox sending "1". */
export function FilterFlag(props: { name: string; label: string; checked?: boolean }) {
  return (
    <label className="flex items-center gap-2 text-sm font-medium text-slate-700">
      <input type="checkbox" name={props.name} value="1" defaultChecked={props.checked} className="h-4 w-4 accent-brand-700" />
      {props.label}
    </label>
  );
}
