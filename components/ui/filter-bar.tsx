/**
 * A list's filters: a GET form (works without JavaScript, the URL keeps the choice), its fields
 * as children, then the 筛选 button, any `extra` controls and a 清除筛选 link when filtered.
 */
import Link from "next/link";
import type { ReactNode } from "react";
import { controlCls, labelCls } from "./field";

export function FilterBar(props: {
  action: string;
  label: string;
  children: ReactNode;
  /** Beside the button (a checkbox, a hint). */
  extra?: ReactNode;
  filtered?: boolean;
  /** Grid columns, e.g. "sm:grid-cols-2 lg:grid-cols-5"; the button row spans them all. */
  grid?: string;
  buttonRowClassName?: string;
  submitLabel?: string;
}) {
  return (
    <form method="get" action={props.action} role="search" aria-label={props.label} className={`grid gap-3 rounded-lg border border-slate-200 bg-white p-4 ${props.grid ?? ""}`}>
      {props.children}
      <div className={`flex flex-wrap items-end gap-4 ${props.buttonRowClassName ?? ""}`}>
        {props.extra}
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800">{props.submitLabel ?? "筛选"}</button>
        {props.filtered && <Link href={props.action} className="text-sm text-brand-700 underline">清除筛选</Link>}
      </div>
    </form>
  );
}

/** A labelled select for a filter bar: "" means 全部. */
export function FilterSelect(props: { name: string; label: string; value?: string; options: readonly { value: string; label: string }[]; allLabel?: string; className?: string }) {
  return (
    <div className={props.className}>
      <label htmlFor={props.name} className={labelCls}>{props.label}</label>
      <select id={props.name} name={props.name} defaultValue={props.value ?? ""} className={controlCls}>
        <option value="">{props.allLabel ?? "全部"}</option>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>{o.label}</option>
        ))}
      </select>
    </div>
  );
}

export function FilterSearch(props: { name?: string; label?: string; value?: string; placeholder?: string; className?: string }) {
  const name = props.name ?? "q";
  return (
    <div className={props.className}>
      <label htmlFor={name} className={labelCls}>{props.label ?? "搜索"}</label>
      <input id={name} name={name} type="search" defaultValue={props.value ?? ""} placeholder={props.placeholder} className={controlCls} />
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
