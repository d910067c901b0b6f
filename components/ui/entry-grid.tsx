/**
 * The shell of a spreadsheet-like entry grid (monthly figures, monthly project amounts): a framed
 * table that turns into stacked cards below lg (its header then hidden; rows lay themselves out),
 * a hidden caption, header cells, and the grid's client handlers (paste a block from Excel, Enter
 * moves down) on the table. No hooks: the caller is the client component that owns the handlers.
 * Body cells keep the caller's markup; `.eg` rules in app/globals.css give header and cell padding.
 */
import type { ReactNode } from "react";

export interface EntryColumn {
  label: ReactNode;
  /** Right-aligned (numbers). */
  num?: boolean;
  /** Shown on wide screens only (the stacked card repeats it in the row header). */
  wide?: boolean;
}

export function EntryGrid(props: {
  caption: string;
  columns: readonly EntryColumn[];
  /** Narrow cells (px-2) for grids with many columns. */
  compact?: boolean;
  /** Children are whole <tbody> groups (a section heading row and its rows), not rows. */
  bodies?: boolean;
  /** Handlers for the table: onPaste and the grid keys (components/grid-paste). */
  handlers: React.HTMLAttributes<HTMLTableElement>;
  children: ReactNode;
}) {
  return (
    // relative: visually hidden labels (absolutely positioned) stay inside the box, not widening the page at 390 px.
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className={`eg${props.compact ? " eg-compact" : ""} w-full text-sm max-lg:block`} {...props.handlers}>
        <caption className="sr-only">{props.caption}</caption>
        <thead className="max-lg:hidden">
          <tr>
            {props.columns.map((c, i) => (
              <th key={i} scope="col" className={[c.num && "text-right", c.wide && "hidden lg:table-cell"].filter(Boolean).join(" ") || undefined}>{c.label}</th>
            ))}
          </tr>
        </thead>
        {props.bodies ? props.children : <tbody className="max-lg:block">{props.children}</tbody>}
      </table>
    </div>
  );
}
